import DoorstepDomain
import Foundation

/// Deterministic synthetic data sets for scale: a street like the demo, a district, a city.
/// Everything but the tickets is built in memory; tickets are made on demand, by index, so a
/// city's two million never have to exist at once.
public struct Synthetic: Sendable {
    public enum Scale: String, CaseIterable, Sendable {
        case street, district, city
    }

    public var scale: Scale
    public var communities: Int
    public var gridsPerCommunity: Int
    public var staffPerGrid: Int
    public var households: Int
    public var tickets: Int
    public var openTickets: Int
    /// Streets (街道) and districts (区) the communities are spread over (0: a single street).
    public var streets: Int
    public var districts: Int
    public var seed: UInt64

    public init(scale: Scale, seed: UInt64 = 20261129) {
        self.scale = scale
        self.seed = seed
        switch scale {
        case .street:
            (communities, gridsPerCommunity, staffPerGrid, households, tickets, openTickets) = (8, 8, 14, 3_000, 20_000, 500)
            (streets, districts) = (0, 0)
        case .district:
            (communities, gridsPerCommunity, staffPerGrid, households, tickets, openTickets) = (100, 10, 5, 20_000, 200_000, 5_000)
            (streets, districts) = (10, 1)
        case .city:
            (communities, gridsPerCommunity, staffPerGrid, households, tickets, openTickets) = (1_600, 12, 5, 100_000, 2_000_000, 50_000)
            (streets, districts) = (150, 12)
        }
    }

    public var grids: Int { communities * gridsPerCommunity }

    static let categories = [
        TicketCategory(code: "party_public", nameZh: "党群政务", nameEn: "Party & public affairs", dispatchMinutes: 30, acceptMinutes: 60, resolveMinutes: 1440),
        TicketCategory(code: "convenience", nameZh: "便民服务", nameEn: "Convenience service", dispatchMinutes: 30, acceptMinutes: 60, resolveMinutes: 480),
        TicketCategory(code: "mediation", nameZh: "矛盾调解", nameEn: "Dispute mediation", dispatchMinutes: 15, acceptMinutes: 30, resolveMinutes: 720),
        TicketCategory(code: "hazard", nameZh: "安全隐患", nameEn: "Safety hazard", dispatchMinutes: 10, acceptMinutes: 20, resolveMinutes: 240),
        TicketCategory(code: "care", nameZh: "关爱帮扶", nameEn: "Care for the vulnerable", dispatchMinutes: 30, acceptMinutes: 60, resolveMinutes: 720),
    ]
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹")
    static let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文红玉")
    static let places = Array("东南西北中新和平安康乐华兴盛泰丰宁长春明光")
    static let numerals = Array("一二三四五六七八九十")

    static func name(_ n: Int) -> String {
        String(surnames[n % surnames.count]) + String(given[(n / surnames.count) % given.count]) + String(given[(n / 7) % given.count])
    }

    static func placeName(_ n: Int) -> String {
        String(places[n % places.count]) + String(places[(n / places.count) % places.count])
    }

    /// Everything but the tickets, placed against `now`.
    public func centre(now: Date) -> CentreData {
        var random = SeededRandom(seed: seed)
        let centre = Centre(code: "SYN", name: "合成\(scale == .street ? "街道" : scale == .district ? "区" : "市")")
        var streets: [Street] = []
        for n in 0..<self.streets {
            let district = n * max(1, districts) / self.streets
            streets.append(Street(
                code: String(format: "J%03d", n), name: "\(Self.placeName(n))街道",
                district: districts > 1 ? "\(Self.placeName(district * 3 + 1))区" : "合成区"))
        }
        var communities: [Community] = []
        var grids: [Grid] = []
        var micro: [MicroGrid] = []
        var buildings: [Building] = []
        var staff: [Staff] = []
        // the Party chain: a committee per community, a branch per grid whose secretary is the
        // grid's first Party-member central household (one person, both posts), and its second
        // as the building's central household
        var party: [PartyOrganisation] = []
        var members: [PartyMember] = []
        let roles: [StaffRole] = [.allRoundSocialWorker, .professionalSocialWorker, .partyCentralHousehold, .partyCentralHousehold,
                                  .volunteer, .fullTimeGridWorker, .microGridChief, .buildingChief, .volunteer, .volunteer,
                                  .buildingChief, .buildingChief, .volunteer, .microGridChief]
        for c in 0..<self.communities {
            let communityCode = String(format: "C%04d", c)
            let place = Self.placeName(c)
            let street = streets.isEmpty ? nil : streets[c * streets.count / self.communities].code
            communities.append(Community(code: communityCode, name: "\(place)社区", streetCode: street))
            party.append(PartyOrganisation(code: "P" + communityCode, kind: .committee, name: "\(place)社区党委", communityCode: communityCode))
            members.append(PartyMember(id: String(format: "PM%07d", members.count), name: Self.name(c * 11 + 5), phone: String(format: "158%08d", c),
                                       orgCode: "P" + communityCode, post: .secretary))
            for g in 0..<gridsPerCommunity {
                let code = String(format: "G%05d", c * gridsPerCommunity + g)
                grids.append(Grid(code: code, name: "\(place)\(Self.numerals[g % 10])\(g >= 10 ? "甲" : "")网格", communityCode: communityCode))
                micro.append(MicroGrid(code: code + "-M1", name: "第1微网格", gridCode: code))
                buildings.append(Building(code: code + "-B1", name: "\(place)苑1栋", gridCode: code, microGridCode: code + "-M1"))
                let branch = "P" + code
                party.append(PartyOrganisation(code: branch, kind: .branch, name: "\(grids[grids.count - 1].name)党支部", communityCode: communityCode,
                                               gridCode: code, parentCode: "P" + communityCode))
                var partyPosts: [PartyPost] = [.secretary, .centralHousehold]
                for s in 0..<staffPerGrid {
                    let n = staff.count
                    let duty: DutyState = Int.random(in: 0..<10, using: &random) < 8 ? .onDuty : .off
                    let person = Staff(id: String(format: "S%06d", n), name: Self.name(n), role: roles[s % roles.count], gridCode: code,
                                       communityCode: communityCode, phone: String(format: "155%08d", n), duty: duty)
                    staff.append(person)
                    if person.role == .partyCentralHousehold, !partyPosts.isEmpty {
                        let post = partyPosts.removeFirst()
                        members.append(PartyMember(id: String(format: "PM%07d", members.count), name: person.name, phone: person.phone, orgCode: branch,
                                                   post: post, buildingCode: code + "-B1", staffID: person.id))
                    }
                }
            }
        }
        // outside forces: the departments, and a police officer for each community
        let departments = [
            Department(code: "public_security", nameZh: "公安", nameEn: "Public security", answerHours: 24),
            Department(code: "justice", nameZh: "司法", nameEn: "Justice", answerHours: 48),
            Department(code: "mediation", nameZh: "矛盾纠纷调处中心", nameEn: "Mediation centre", answerHours: 24),
        ]
        let responders = [Responder(id: "R-MED", name: "矛盾纠纷调处中心", kind: .mediationCentre, departmentCode: "mediation")]
            + communities.enumerated().map { c, community in
                Responder(id: Self.policeID(c), name: Self.name(c * 13 + 1) + "(社区民警)", kind: .police, departmentCode: "public_security",
                          phone: String(format: "159%08d", c), communityCode: community.code)
            }
        var households: [Household] = []
        let kinds = MustVisitKind.allCases.filter { $0 != .keyPlace }
        for h in 0..<self.households {
            let grid = grids[h % grids.count]
            households.append(Household(
                id: String(format: "H%07d", h), buildingCode: grid.code + "-B1", gridCode: grid.code, headName: Self.name(h * 7 + 3),
                phone: String(format: "156%08d", h), mustVisit: h % 8 == 0 ? [kinds[h % kinds.count]] : [],
                // 四清: every household clear (confirmed within the last five months) but a grid's
                // sixth, where it has one: no grid falls behind
                clears: h / grids.count == 5 ? nil : FourClears(Dictionary(uniqueKeysWithValues: FourClears.Facet.allCases.map {
                    ($0, FourClears.Entry(note: "已核实", confirmedAt: now.addingTimeInterval(-Double(h % 150) * 86_400)))
                }))))
        }
        // care plans for one household in fifty, carried by the grid's professional social worker
        // (its second staff member), a weekly visit each; one in ten is missed
        let carePlans = stride(from: 0, to: self.households, by: 50).map { h -> CarePlan in
            let g = h % grids.count
            let id = String(format: "P%07d", h)
            let last = now.addingTimeInterval(-Double(h / 50 % 10 == 0 ? 9 : h / 50 % 6) * 86_400)
            let ordered = now.addingTimeInterval(-60 * 86_400)
            return CarePlan(
                id: id, householdID: String(format: "H%07d", h), gridCode: grids[g].code, person: Self.name(h * 7 + 3), group: .emptyNestElder,
                goal: "每周上门探视", state: .accepted, stateSince: ordered, orderedAt: ordered,
                socialWorkerID: String(format: "S%06d", g * staffPerGrid + 1), reviewOn: now.addingTimeInterval(Double(h % 90 + 1) * 86_400),
                services: [CareService(id: "V" + id, planID: id, name: "上门探视", cadence: CareCadence(times: 1, period: .week), startedAt: ordered,
                                       lastDone: last)])
        }
        return CentreData(
            centre: centre, communities: communities, grids: grids, microGrids: micro, buildings: buildings, households: households,
            staff: staff, categories: Self.categories, tickets: [], streets: streets, partyOrganisations: party, partyMembers: members,
            departments: departments, responders: responders, carePlans: carePlans)
    }

    static func policeID(_ community: Int) -> String { String(format: "R%05d", community) }

    /// One open ticket in `callInEvery` has called in its community's police officer (after
    /// the tickets are written: a call-in names its ticket); every fourth of them is late.
    public static let callInEvery = 50

    public func callIns(now: Date) -> [CallIn] {
        stride(from: tickets - openTickets, to: tickets, by: Self.callInEvery).map { n in
            let ticket = ticket(n, now: now)
            let community = (Int(ticket.gridCode.dropFirst()) ?? 0) / gridsPerCommunity
            let requestedAt = ticket.createdAt.addingTimeInterval(now.timeIntervalSince(ticket.createdAt) / 2)
            let late = n / Self.callInEvery % 4 == 0
            return CallIn(id: String(format: "J%07d", n), ticketID: ticket.id, responderID: Self.policeID(community), requestedBy: "init",
                          requestedAt: requestedAt, dueAt: late ? requestedAt.addingTimeInterval(1) : requestedAt.addingTimeInterval(24 * 3600))
        }
    }

    /// Ticket number `n` (0-based): the last `openTickets` are open, the rest closed over the
    /// past year, oldest first.
    public func ticket(_ n: Int, now: Date) -> Ticket {
        var random = SeededRandom(seed: seed &+ UInt64(n) &* 0x9E37_79B9)
        let grid = String(format: "G%05d", Int.random(in: 0..<grids, using: &random))
        let category = Self.categories[Int.random(in: 0..<Self.categories.count, using: &random)]
        let open = n >= tickets - openTickets
        let age: TimeInterval = open ? Double.random(in: 60...7_200, using: &random)
            : 365 * 86_400 * Double(tickets - openTickets - n) / Double(max(1, tickets - openTickets))
        let created = now.addingTimeInterval(-age)
        let state: TicketState = open ? [.ordered, .dispatched, .accepted, .accepted][n % 4] : (n % 3 == 0 ? .rated : .resolved)
        let since = open ? created.addingTimeInterval(age * 0.3) : created.addingTimeInterval(min(age, 3_600 * 6))
        return Ticket(
            id: String(format: "T%08d", n), gridCode: grid, categoryCode: category.code, source: .resident, priority: .normal,
            state: state, title: "合成工单 \(n)", residentName: Self.name(n), residentPhone: String(format: "157%08d", n % 100_000_000),
            createdAt: created, stateSince: since, rating: state == .rated ? 3 + n % 3 : nil)
    }
}
