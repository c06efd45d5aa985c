import DoorstepCanvas
import DoorstepDomain
import DoorstepSeeds
import Foundation
import Testing

@testable import DoorstepScreen

/// 三活 · a grid's live map: asked of the store when it opens, walked by building and
/// household, and down to a household's page.
@Suite("Live map")
struct LiveMapTests {
    /// The demo wall with JB01's grid page open, and the households the store would give.
    func mapOpen(_ size: Size, language: Language = .zh) throws -> (WallState, [Household]) {
        var state = try Fixtures.demoState(size, language: language)
        state.update(.key(.enter))
        #expect(state.page == .grid(code: "JB01"))
        #expect(state.update(.key(.character("m"))) == .loadHouseholds(gridCode: "JB01"))
        #expect(state.page == .map(grid: "JB01"))
        let households = try DataSet.load(from: .embeddedDemo, now: Fixtures.now).households.filter { $0.gridCode == "JB01" }
        return (state, households)
    }

    @Test("m on a grid's page asks for its households; until they come the map says it is loading")
    func loading() throws {
        let (state, _) = try mapOpen(Size(width: 200, height: 60))
        #expect(WallView.render(state).text.contains("读取中"))
    }

    @Test("every building is a block, every household a cell; ↓ jumps a building, → a household, Enter opens it")
    func walk() throws {
        var (state, households) = try mapOpen(Size(width: 200, height: 60))
        state.update(.households(gridCode: "JB01", households))
        let map = WallView.render(state)
        try assertSnapshot(map.text, named: "live-map-200x60-zh")
        #expect(misalignedRow(map) == nil)
        let buildings = state.overview.buildingsByGrid["JB01"] ?? []
        #expect(buildings.allSatisfy { map.text.contains($0.name) })
        #expect(map.text.contains("住户 \(households.count) · 楼栋 \(buildings.count) · 六必访待访 "))
        // the selected household's building with its micro-grid and the micro-grid's chief
        let micro = try #require(state.overview.microGrid(buildings[0].microGridCode))
        let chief = try #require(micro.chiefID.flatMap { state.overview.staff(id: $0) })
        #expect(map.text.contains("\(buildings[0].name) · \(micro.name) 微网格长 \(chief.name)"))
        let second = households.filter { $0.buildingCode == buildings[1].code }.sorted { $0.id < $1.id }
        state.update(.key(.down))
        state.update(.key(.right))
        #expect(WallView.render(state).text.contains("\(second[1].id) \(Formatting.maskName(second[1].headName)) · \(buildings[1].name)"))
        state.update(.key(.up))
        state.update(.key(.left))
        #expect(state.detailCursor == 0)
        state.update(.key(.down))
        state.update(.key(.right))
        state.update(.key(.enter))
        #expect(state.page == .household(id: second[1].id))
        // a household with no must-visit is not in the wall's working set: its page comes from the map's
        #expect(WallView.render(state).text.contains(buildings[1].code))
        // one owed no must-visit (and visited by nobody this month) is not told it is behind
        let untagged = try #require(households.first { $0.mustVisit.isEmpty && !state.visitedThisMonth($0.id) })
        _ = state.open(.household(id: untagged.id))
        let plain = WallView.render(state).text
        #expect(plain.contains(untagged.id) && !plain.contains("本月尚无走访"))
    }

    @Test("at 80×24 in English the blocks fit and every border lines up")
    func small() throws {
        var (state, households) = try mapOpen(Size(width: 80, height: 24), language: .en)
        state.update(.households(gridCode: "JB01", households))
        let map = WallView.render(state)
        try assertSnapshot(map.text, named: "live-map-80x24-en")
        #expect(misalignedRow(map) == nil)
        #expect(map.text.contains("Live map · "))
    }
}
