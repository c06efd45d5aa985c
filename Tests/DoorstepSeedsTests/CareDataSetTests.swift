import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepSeeds

/// The care plan files: the demo's plans, and every broken row refused with its file and line.
@Suite("Care plans in a data set")
struct CareDataSetTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let party = PartyDataSetTests()

    @Test("the demo's plans cover the four groups, each with services, carried by professional social workers")
    func demo() throws {
        let data = try DataSet.load(from: .embeddedDemo, now: now)
        #expect(Set(data.carePlans.map(\.group)) == Set(CareGroup.allCases))
        #expect(data.carePlans.allSatisfy { !$0.services.isEmpty })
        let staff = Dictionary(uniqueKeysWithValues: data.staff.map { ($0.id, $0) })
        #expect(data.carePlans.compactMap(\.socialWorkerID).allSatisfy { staff[$0]?.role == .professionalSocialWorker })
        #expect(Set(data.carePlans.map(\.state)) == [.ordered, .dispatched, .accepted])
        #expect(data.carePlans.contains { $0.isReviewOverdue(at: now) })
    }

    @Test("a broken row is refused with its file and line", arguments: [
        ("care_plans.csv", "P00001,H00201,任涵杰,family_in_difficulty,子女就学资助落实,accepted,S0061,45,18",
         "P00001,H99999,任涵杰,family_in_difficulty,子女就学资助落实,accepted,S0061,45,18", "column 'household': no household 'H99999'"),
        ("care_plans.csv", "P00001,H00201,任涵杰,family_in_difficulty,子女就学资助落实,accepted,S0061,45,18",
         "P00001,H00201,任涵杰,family_in_difficulty,子女就学资助落实,accepted,S0002,45,18",
         "column 'social_worker': 'S0002' is all_round, not a professional social worker"),
        ("care_plans.csv", "P00001,H00201,任涵杰,family_in_difficulty,子女就学资助落实,accepted,S0061,45,18",
         "P00001,H00201,任涵杰,family_in_difficulty,子女就学资助落实,accepted,,45,18", "column 'social_worker': a plan once accepted names its social worker"),
        ("care_plans.csv", "P00001,H00201,任涵杰,family_in_difficulty,子女就学资助落实,accepted,S0061,45,18",
         "P00001,H00201,任涵杰,orphan,子女就学资助落实,accepted,S0061,45,18",
         "column 'group': 'orphan' is not one of empty_nest_elder, disability, family_in_difficulty, left_behind_child"),
        ("care_services.csv", "V-00001,P00001,政策帮办,1,month,30.2", "V-00001,P09999,政策帮办,1,month,30.2", "column 'plan': no care plan 'P09999'"),
        ("care_services.csv", "V-00001,P00001,政策帮办,1,month,30.2", "V-00001,P00001,政策帮办,0,month,30.2", "column 'times': 0 is not 1 to 31"),
        ("care_services.csv", "V-00001,P00001,政策帮办,1,month,30.2", "V-00001,P00001,政策帮办,1,fortnight,30.2",
         "column 'per': 'fortnight' is not one of day, week, month"),
        ("care_services.csv", "V-00001,P00001,政策帮办,1,month,30.2", "V-00001,P00001,政策帮办,1,month,soon",
         "column 'last_done_days_ago': 'soon' is not a number of days"),
    ])
    func brokenRow(_ file: String, _ old: String, _ new: String, _ message: String) throws {
        try party.brokenLink(file, old, new, message)
    }
}

/// `four_clears.csv`: the demo's records, and every broken row refused with its file and line.
@Suite("四清 in a data set")
struct FourClearsDataSetTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let party = PartyDataSetTests()

    @Test("nearly every household of the demo is clear; YS03 falls behind")
    func demo() throws {
        let data = try DataSet.load(from: .embeddedDemo, now: now)
        let clear = data.fourClears.expiries.values.reduce(0) { $0 + $1.filter { $0 > now }.count }
        #expect(Double(clear) > Double(data.fourClears.totals.values.reduce(0, +)) * 0.85)
        let ys03 = data.fourClears.expiries["YS03"]?.filter { $0 > now }.count ?? 0
        #expect(FourClears.isBehind(clear: ys03, total: data.fourClears.totals["YS03"] ?? 0))
        #expect(data.households.first { $0.id == "H00001" }?.clears?.entries[.family]?.note == "四世同堂")
    }

    @Test("a broken row is refused with its file and line", arguments: [
        ("H00001,四世同堂,73,退役军人,59,就业帮扶,2,电动车楼道充电,169", "H99999,四世同堂,73,退役军人,59,就业帮扶,2,电动车楼道充电,169",
         "column 'household': no household 'H99999'", 2),
        ("H00001,四世同堂,73,退役军人,59,就业帮扶,2,电动车楼道充电,169", "H00001,四世同堂,-3,退役军人,59,就业帮扶,2,电动车楼道充电,169",
         "column 'family_days_ago': '-3' is not a number of days", 2),
        ("H00001,四世同堂,73,退役军人,59,就业帮扶,2,电动车楼道充电,169", "H00002,四世同堂,73,退役军人,59,就业帮扶,2,电动车楼道充电,169",
         "household 'H00002' already has its record (line 2)", 3),
    ])
    func brokenRow(_ old: String, _ new: String, _ message: String, _ line: Int) throws {
        let (folder, path) = try party.demo("four_clears.csv", replacing: old, with: new)
        #expect(throws: SeedError(file: path, line: line, message)) { try DataSet.load(from: .directory(folder.path), now: now) }
    }
}

/// `key_places.csv` and `place_visits.csv`: every broken row refused with its file and line.
@Suite("Key places in a data set")
struct KeyPlaceDataSetTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let party = PartyDataSetTests()

    @Test("a broken row is refused with its file and line", arguments: [
        ("key_places.csv", "JB01-P1,JB01,江滨一网格幼儿园周边,school_gate", "JB01-P1,ZZ01,江滨一网格幼儿园周边,school_gate", "column 'grid': no grid 'ZZ01'"),
        ("key_places.csv", "JB01-P1,JB01,江滨一网格幼儿园周边,school_gate", "JB01-P1,JB01,江滨一网格幼儿园周边,bar",
         "column 'kind': 'bar' is not one of shop, construction_site, school_gate, market, rental, other"),
        ("place_visits.csv", "PV00001,JB01-P1,S0007,22", "PV00001,JB01-P9,S0007,22", "column 'place': no key place 'JB01-P9'"),
        ("place_visits.csv", "PV00001,JB01-P1,S0007,22", "PV00001,JB01-P1,S9999,22", "column 'staff': no staff 'S9999'"),
    ])
    func brokenRow(_ file: String, _ old: String, _ new: String, _ message: String) throws {
        let (folder, path) = try party.demo(file, replacing: old, with: new)
        #expect(throws: SeedError(file: path, line: 2, message)) { try DataSet.load(from: .directory(folder.path), now: now) }
    }
}
