import DoorstepDomain
import Foundation
import Testing

@Suite("四清 rules")
struct FourClearsTests {
    let t0 = Date(timeIntervalSince1970: 1_796_032_800)
    let day: TimeInterval = 86_400

    func record(_ ages: [Double]) -> FourClears {
        FourClears(Dictionary(uniqueKeysWithValues: zip(FourClears.Facet.allCases, ages).map {
            ($0, FourClears.Entry(note: "x", confirmedAt: t0.addingTimeInterval(-$1 * day)))
        }))
    }

    @Test("clear while all four facets are recorded and none is older than half a year; it ages out with the oldest")
    func clear() {
        let full = record([10, 20, 30, 100])
        #expect(full.isClear(at: t0))
        #expect(full.expiresAt == t0.addingTimeInterval((FourClears.freshDays - 100) * day))
        #expect(!full.isClear(at: t0.addingTimeInterval(84 * day)))
        #expect(full.isCurrent(.family, at: t0.addingTimeInterval(84 * day)))
        #expect(!full.isCurrent(.hazards, at: t0.addingTimeInterval(84 * day)))
        let partial = record([10, 20, 30])
        #expect(partial.expiresAt == nil && !partial.isClear(at: t0))
        #expect(!partial.isCurrent(.hazards, at: t0))
    }

    @Test("a grid is behind below four in five households clear; a grid of none is not judged")
    func behind() {
        #expect(FourClears.isBehind(clear: 7, total: 10))
        #expect(!FourClears.isBehind(clear: 8, total: 10))
        #expect(!FourClears.isBehind(clear: 0, total: 0))
        let context = StatusContext(now: t0, minuteOfDay: 600, dutyHours: 0..<1, categories: [:])
        let facts = GridFacts(clear: 3, households: 10, clearsNextExpiry: t0.addingTimeInterval(day))
        #expect(StatusRules.assess(facts, in: context).reasons.contains(.fourClearsBehind(clear: 3, total: 10)))
        #expect(StatusRules.revisit(facts, in: context) == t0.addingTimeInterval(day))
        #expect(StatusReason.fourClearsBehind(clear: 3, total: 10).code == "four_clears_behind")
    }

    @Test("the census counts each grid's households and when its clear ones age out; the read model follows a confirmation and the calendar")
    func census() {
        let households = (0..<10).map { Household(id: "H\($0)", buildingCode: "B", gridCode: "G1", headName: "", phone: "", mustVisit: []) }
        var clears: [String: FourClears] = [:]
        for h in households.prefix(8) { clears[h.id] = record([10, 10, 10, 10]) }
        clears["H0"] = record([180, 10, 10, 10])  // ages out in three days
        let census = FourClearsCensus(households: households, clears: clears)
        #expect(census.totals["G1"] == 10 && census.expiries["G1"]?.count == 8)
        let data = CentreData(
            centre: Centre(code: "C", name: "街道"), communities: [Community(code: "K", name: "社区")],
            grids: [Grid(code: "G1", name: "一网格", communityCode: "K")], microGrids: [], buildings: [], households: [], staff: [], categories: [],
            tickets: [], fourClears: census)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        var live = LiveOverview(data: data, now: t0, calendar: calendar)
        #expect(live.overview(at: t0).fourClears(ofGrid: "G1") == (8, 10))
        let later = live.overview(at: t0.addingTimeInterval(4 * day))
        #expect(later.fourClears(ofGrid: "G1") == (7, 10))
        #expect(later.grids[0].assessment.reasons.contains(.fourClearsBehind(clear: 7, total: 10)))
        // H0 confirmed again: clear for another half year
        live.update(fourClears: [FourClearsMove(gridCode: "G1", from: clears["H0"]?.expiresAt,
                                                to: t0.addingTimeInterval(4 * day + FourClears.freshDays * day))])
        let after = live.overview(at: t0.addingTimeInterval(4 * day))
        #expect(after.fourClears(ofGrid: "G1") == (8, 10))
        #expect(!after.grids[0].assessment.reasons.contains { $0.code == "four_clears_behind" })
        #expect(after.figures.clearHouseholds == 8 && after.figures.households == 10)
    }
}
