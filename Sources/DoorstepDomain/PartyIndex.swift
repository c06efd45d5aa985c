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
    /// Every member once, in data-set order; the lookups below hold positions in it (a city's
    /// 40,000 members copied into three dictionaries cost a tenth of its first frame).
    private let members: [PartyMember]
    /// Each organisation's members, leaders first (positions in `members`).
    private let membersOfOrg: [String: [Int]]
    /// Buildings with a Party-member central household (党员中心户).
    private let centralHouseholdBuildings: Set<String>
    /// Each organisation's leader (a committee's or branch's secretary, a group's leader).
    private let leaders: [String: Int]
    private let memberByID: [String: Int]
    /// Functional organisations, in data-set order.
    public let functional: [PartyOrganisation]

    public init(organisations list: [PartyOrganisation], members: [PartyMember]) {
        hasParty = !list.isEmpty
        var organisations: [String: PartyOrganisation] = [:]
        organisations.reserveCapacity(list.count)
        var branchOfGrid: [String: String] = [:], committeeOfCommunity: [String: String] = [:]
        var groupsOfBranch: [String: [String]] = [:]
        for org in list {
            if organisations[org.code] == nil { organisations[org.code] = org }
            switch org.kind {
            case .committee: if let community = org.communityCode, committeeOfCommunity[community] == nil { committeeOfCommunity[community] = org.code }
            case .branch: if let grid = org.gridCode, branchOfGrid[grid] == nil { branchOfGrid[grid] = org.code }
            case .group: if let parent = org.parentCode { groupsOfBranch[parent, default: []].append(org.code) }
            case .functional: break
            }
        }
        self.organisations = organisations
        self.branchOfGrid = branchOfGrid
        self.committeeOfCommunity = committeeOfCommunity
        self.groupsOfBranch = groupsOfBranch
        functional = list.filter { $0.kind == .functional }
        self.members = members
        var byOrg: [String: [Int]] = [:], byID: [String: Int] = [:], leaders: [String: Int] = [:]
        byOrg.reserveCapacity(list.count)
        byID.reserveCapacity(members.count)
        var central = Set<String>()
        for (k, member) in members.enumerated() {
            byOrg[member.orgCode, default: []].append(k)
            if let functional = member.functionalCode { byOrg[functional, default: []].append(k) }
            if byID[member.id] == nil { byID[member.id] = k }
            if member.post == .centralHousehold, let building = member.buildingCode { central.insert(building) }
            // a group is led by its leader, the rest by their secretary (the first, in id order)
            guard member.post == .secretary || member.post == .groupLeader, let org = organisations[member.orgCode],
                  member.post == (org.kind == .group ? .groupLeader : .secretary) else { continue }
            if let known = leaders[org.code], members[known].id < member.id { continue }
            leaders[org.code] = k
        }
        membersOfOrg = byOrg.mapValues { $0.count < 2 ? $0 : $0.sorted { (members[$0].post, members[$0].id) < (members[$1].post, members[$1].id) } }
        centralHouseholdBuildings = central
        self.leaders = leaders
        memberByID = byID
    }

    /// The member with this id.
    public func member(id: String) -> PartyMember? { memberByID[id].map { members[$0] } }

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
    public func members(of org: PartyOrganisation) -> [PartyMember] { (membersOfOrg[org.code] ?? []).map { members[$0] } }

    /// Whoever leads an organisation: a committee's or branch's secretary, a group's leader.
    public func leader(of org: PartyOrganisation) -> PartyMember? { leaders[org.code].map { members[$0] } }

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
