/// The Party chain as the wall reads it: each grid's branch and the groups under it, each
/// community's committee, the members of each, and what is missing (vacancies). Fixed with
/// the territory (an import builds it afresh).
public struct PartyIndex: Sendable {
    /// Whether the data set has a Party chain at all (without one, nothing is a vacancy).
    public let hasParty: Bool
    public let organisations: [String: PartyOrganisation]
    private let branchOfGrid: [String: String]
    private let committeeOfCommunity: [String: String]
    private let groupsOfBranch: [String: [String]]
    private let membersOfOrg: [String: [PartyMember]]
    /// Buildings with a Party-member central household (党员中心户).
    private let centralHouseholdBuildings: Set<String>
    /// Each organisation's leader (a committee's or branch's secretary, a group's leader).
    private let leaders: [String: PartyMember]
    private let membersByID: [String: PartyMember]
    /// Functional organisations, in data-set order.
    public let functional: [PartyOrganisation]

    public init(organisations list: [PartyOrganisation], members: [PartyMember]) {
        hasParty = !list.isEmpty
        organisations = Dictionary(list.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var branchOfGrid: [String: String] = [:], committeeOfCommunity: [String: String] = [:]
        var groupsOfBranch: [String: [String]] = [:]
        for org in list {
            switch org.kind {
            case .committee: if let community = org.communityCode, committeeOfCommunity[community] == nil { committeeOfCommunity[community] = org.code }
            case .branch: if let grid = org.gridCode, branchOfGrid[grid] == nil { branchOfGrid[grid] = org.code }
            case .group: if let parent = org.parentCode { groupsOfBranch[parent, default: []].append(org.code) }
            case .functional: break
            }
        }
        self.branchOfGrid = branchOfGrid
        self.committeeOfCommunity = committeeOfCommunity
        self.groupsOfBranch = groupsOfBranch
        functional = list.filter { $0.kind == .functional }
        var byOrg: [String: [PartyMember]] = [:]
        for member in members {
            byOrg[member.orgCode, default: []].append(member)
            if let functional = member.functionalCode { byOrg[functional, default: []].append(member) }
        }
        membersOfOrg = byOrg.mapValues { $0.count < 2 ? $0 : $0.sorted { ($0.post, $0.id) < ($1.post, $1.id) } }
        centralHouseholdBuildings = Set(members.compactMap { $0.post == .centralHousehold ? $0.buildingCode : nil })
        // a group is led by its leader, the rest by their secretary (the first, in id order)
        var leaders: [String: PartyMember] = [:]
        for member in members where member.post == .secretary || member.post == .groupLeader {
            guard let org = organisations[member.orgCode], member.post == (org.kind == .group ? .groupLeader : .secretary) else { continue }
            if let known = leaders[org.code], known.id < member.id { continue }
            leaders[org.code] = member
        }
        self.leaders = leaders
        membersByID = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The member with this id.
    public func member(id: String) -> PartyMember? { membersByID[id] }

    /// The grid a member's organisation is on (a branch's grid, or its group's branch's grid).
    public func grid(of member: PartyMember) -> String? {
        guard let org = organisations[member.orgCode] else { return nil }
        return org.gridCode ?? org.parentCode.flatMap { organisations[$0]?.gridCode }
    }

    /// A grid's Party branch.
    public func branch(ofGrid code: String) -> PartyOrganisation? { branchOfGrid[code].flatMap { organisations[$0] } }

    /// A community's Party committee.
    public func committee(ofCommunity code: String) -> PartyOrganisation? { committeeOfCommunity[code].flatMap { organisations[$0] } }

    /// The building groups under a branch, in data-set order.
    public func groups(of branch: PartyOrganisation) -> [PartyOrganisation] { (groupsOfBranch[branch.code] ?? []).compactMap { organisations[$0] } }

    /// An organisation's members, leaders first.
    public func members(of org: PartyOrganisation) -> [PartyMember] { membersOfOrg[org.code] ?? [] }

    /// Whoever leads an organisation: a committee's or branch's secretary, a group's leader.
    public func leader(of org: PartyOrganisation) -> PartyMember? { leaders[org.code] }

    /// Everyone in a grid's branch and its building groups, leaders first.
    public func members(ofGrid code: String) -> [PartyMember] {
        guard let branch = branch(ofGrid: code) else { return [] }
        let all = members(of: branch) + groups(of: branch).flatMap { members(of: $0) }
        return all.sorted { ($0.post, $0.id) < ($1.post, $1.id) }
    }

    /// True when the chain lacks a grid's link: no branch, or a branch without a secretary.
    public func branchVacant(grid code: String) -> Bool {
        guard hasParty else { return false }
        guard let branch = branchOfGrid[code] else { return true }
        return leaders[branch] == nil
    }

    public func hasCentralHousehold(building code: String) -> Bool { centralHouseholdBuildings.contains(code) }
}

/// A community's chain at a glance: its committee, how many branches, groups and members it
/// has, and where a link is missing.
public struct PartyChainSummary: Hashable, Sendable {
    public var committee: PartyOrganisation?
    public var secretary: PartyMember?
    public var branches = 0
    /// Grids with no branch, or whose branch has no secretary.
    public var vacantBranches = 0
    public var groups = 0
    public var members = 0
    public var buildings = 0
    /// Buildings with no Party-member central household.
    public var buildingsWithoutCentralHousehold = 0

    public init(community code: String, grids: [Grid], buildingsByGrid: [String: [Building]], party: PartyIndex) {
        committee = party.committee(ofCommunity: code)
        secretary = committee.flatMap { party.leader(of: $0) }
        members = committee.map { party.members(of: $0).count } ?? 0
        for grid in grids {
            if party.branchVacant(grid: grid.code) { vacantBranches += 1 }
            if let branch = party.branch(ofGrid: grid.code) {
                branches += 1
                groups += party.groups(of: branch).count
                members += party.members(ofGrid: grid.code).count
            }
            for building in buildingsByGrid[grid.code] ?? [] {
                buildings += 1
                if !party.hasCentralHousehold(building: building.code) { buildingsWithoutCentralHousehold += 1 }
            }
        }
    }
}
