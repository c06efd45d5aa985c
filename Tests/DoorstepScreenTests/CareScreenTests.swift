import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

@Suite("Care plans on the wall: the grid's plans, the household's page, the live map, the tile")
struct CareScreenTests {
    /// NH03's plans: their services are missed on purpose in the demo.
    func nh03(_ size: Size, language: Language = .zh) throws -> WallState {
        var state = try Fixtures.demoState(size, language: language)
        let index = try #require(state.overview.grids.firstIndex { $0.grid.code == "NH03" })
        state.selectedGrid = index
        _ = state.open(.grid(code: "NH03"))
        return state
    }

    @Test("a grid's page lists its care plans under the must-visits, missed first, the person masked; Tab reaches them")
    func gridPage() throws {
        var state = try nh03(Size(width: 200, height: 60))
        let screen = WallView.render(state)
        try assertSnapshot(screen.text, named: "grid-care-200x60-zh")
        #expect(misalignedRow(screen) == nil)
        #expect(screen.text.contains("关爱帮扶 · 方案 2 · 逾期 3"), "\(screen.text)")
        #expect(screen.text.contains("帮扶逾期3"))
        #expect(screen.text.contains("康复陪护 1次/周 逾期"))
        let plan = try #require(state.gridCarePlans("NH03").first)
        #expect(!screen.text.contains(plan.person) || plan.person.count < 2)
        // Tab: roster, Party, must-visits, care
        for _ in 0..<3 { state.update(.key(.tab)) }
        #expect(state.detailSection == .care)
        // Enter opens the household: its households are read first when the map has not been
        #expect(state.update(.key(.enter)) == .loadHouseholds(gridCode: "NH03"))
        #expect(state.page == .household(id: plan.householdID))

        state.update(.key(.escape))
        state.language = .en
        state.update(.resize(Size(width: 80, height: 24)))
        let small = WallView.render(state)
        try assertSnapshot(small.text, named: "grid-care-80x24-en")
        #expect(misalignedRow(small) == nil)
        #expect(small.text.contains("Care plans · 2 · 3 missed"), "\(small.text)")
    }

    @Test("a household's page shows its plan: group, state, social worker, review, each service with when it was last given")
    func householdPage() throws {
        var state = try nh03(Size(width: 200, height: 60))
        let plan = try #require(state.gridCarePlans("NH03").first)
        let household = Household(id: plan.householdID, buildingCode: "NH03-B01", gridCode: "NH03", headName: plan.person, phone: "15500000000", mustVisit: [])
        state.update(.households(gridCode: "NH03", [household]))
        _ = state.open(.household(id: plan.householdID))
        let screen = WallView.render(state)
        try assertSnapshot(screen.text, named: "household-care-200x60-zh")
        #expect(misalignedRow(screen) == nil)
        #expect(screen.text.contains("个性化服务方案"))
        #expect(screen.text.contains("\(plan.id) · "))
        #expect(screen.text.contains("服务中 · 社工 "))
        #expect(screen.text.contains("逾期 · 上次 "))
    }

    @Test("the live map marks a household owed a care service, and says so when it is selected")
    func liveMap() throws {
        var state = try nh03(Size(width: 200, height: 60))
        let plan = try #require(state.gridCarePlans("NH03").first)
        let households = [
            Household(id: "H00000", buildingCode: "NH03-B01", gridCode: "NH03", headName: "甲", phone: "", mustVisit: []),
            Household(id: plan.householdID, buildingCode: "NH03-B01", gridCode: "NH03", headName: "乙", phone: "", mustVisit: []),
        ]
        state.update(.households(gridCode: "NH03", households))
        _ = state.open(.map(grid: "NH03"))
        #expect(LiveMap.mark(households[1], state) == .care)
        #expect(LiveMap.mark(households[0], state) == .plain)
        state.update(.key(.right))
        let text = WallView.render(state).text
        #expect(text.contains("◆ 帮扶服务到期"))
        #expect(text.contains("\(plan.householdID) ") && text.contains("· 帮扶服务到期"))
    }
}
