import DoorstepDomain
import Foundation
import Testing

@Suite("Key places (重点场所)")
struct KeyPlaceTests {
    let t0 = Date(timeIntervalSince1970: 1_796_032_800)  // 2026-11-30 10:00 UTC
    var month: DateInterval { DateInterval(start: Date(timeIntervalSince1970: 1_793_491_200), end: Date(timeIntervalSince1970: 1_796_083_200)) }

    @Test("each place is due once a month; a visit this month counts once, an older one is kept but not counted")
    func ledger() {
        let places = [KeyPlace(code: "P1", gridCode: "G1", name: "便利店", kind: .shop), KeyPlace(code: "P2", gridCode: "G1", name: "工地", kind: .constructionSite)]
        var ledger = KeyPlaceLedger(places: places, visits: [PlaceVisit(id: "V1", placeCode: "P1", staffID: "S1", at: month.start.addingTimeInterval(-86_400))],
                                    month: month)
        #expect(ledger.due == 2 && ledger.done == 0 && ledger.due(ofGrid: "G1") == 2)
        #expect(ledger.visitsByPlace["P1"]?.count == 1)
        #expect(ledger.apply([PlaceVisit(id: "V2", placeCode: "P1", staffID: "S1", at: t0)], month: month) == ["G1"])
        #expect(ledger.apply([PlaceVisit(id: "V3", placeCode: "P1", staffID: "S2", at: t0.addingTimeInterval(60))], month: month).isEmpty)
        #expect(ledger.done == 1 && ledger.done(ofGrid: "G1") == 1 && ledger.visited("P1") && !ledger.visited("P2"))
        #expect(ledger.visitsByPlace["P1"]?.first?.id == "V3", "newest first")
    }

    @Test("a grid's places count among its must-visits: unvisited places put it behind the month's pace")
    func mustVisits() {
        let data = CentreData(
            centre: Centre(code: "C", name: "街道"), communities: [Community(code: "K", name: "社区")],
            grids: [Grid(code: "G1", name: "一网格", communityCode: "K")], microGrids: [], buildings: [], households: [], staff: [], categories: [],
            tickets: [], keyPlaces: (1...5).map { KeyPlace(code: "P\($0)", gridCode: "G1", name: "店\($0)", kind: .shop) })
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        var live = LiveOverview(data: data, now: t0, calendar: calendar)
        let overview = live.overview(at: t0)
        #expect(overview.figures.mustVisitDue == 5 && overview.figures.mustVisitDone == 0)
        #expect(overview.grids[0].assessment.reasons.contains(.mustVisitsBehind(done: 0, due: 5)))
        live.update(placeVisits: (1...4).map { PlaceVisit(id: "V\($0)", placeCode: "P\($0)", staffID: "S1", at: t0) })
        let after = live.overview(at: t0)
        #expect(after.figures.mustVisitDone == 4)
        #expect(!after.grids[0].assessment.reasons.contains { $0.code == "must_visits_behind" })
    }
}
