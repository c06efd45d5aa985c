import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

@Suite("四清 on the wall: a grid's completeness, a household's facets")
struct FourClearsScreenTests {
    @Test("YS03 falls behind: its tile and page say how far; a household's page lists each facet with its date")
    func behind() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        let (clear, total) = state.overview.fourClears(ofGrid: "YS03")
        #expect(FourClears.isBehind(clear: clear, total: total))
        let percent = clear * 100 / total
        #expect(WallView.render(state).text.contains("YS03 四清\(percent)%"))
        state.selectedGrid = try #require(state.overview.grids.firstIndex { $0.grid.code == "YS03" })
        _ = state.open(.grid(code: "YS03"))
        let page = WallView.render(state)
        try assertSnapshot(page.text, named: "grid-clears-200x60-zh")
        #expect(misalignedRow(page) == nil)
        #expect(page.text.contains("四清 \(percent)% (\(clear)/\(total))"))
        // a household of the grid, with what is known of it
        let household = try #require(state.gridHouseholds("YS03").first { $0.clears != nil })
        #expect(state.open(.household(id: household.id)) == .loadHouseholds(gridCode: "YS03"))
        state.language = .en
        state.update(.resize(Size(width: 80, height: 24)))
        let small = WallView.render(state)
        try assertSnapshot(small.text, named: "household-clears-80x24-en")
        #expect(misalignedRow(small) == nil)
        #expect(small.text.contains("Four clears · "))
        for facet in ["Family", "Category", "Needs", "Hazards"] { #expect(small.text.contains(facet)) }
    }

    @Test("a confirmation elsewhere of the household on its page reads its grid again")
    func refresh() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        let household = try #require(state.gridHouseholds("JB01").first)
        _ = state.open(.household(id: household.id))
        let event = ChangeEvent(sequence: 9, at: Fixtures.now, actor: "S0002",
                                change: .fourClears(householdID: household.id, gridCode: "JB01", from: nil, to: Fixtures.now))
        #expect(state.update(.events([event])) == .loadHouseholds(gridCode: "JB01"))
        // the same events again bring nothing new
        #expect(state.update(.events([event])) == nil)
    }
}

@Suite("Key places on a grid's page")
struct KeyPlaceScreenTests {
    @Test("a grid's must-visits list its key places after the households, unvisited first, counted in the title")
    func listed() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        let places = state.gridPlaces("JB01")
        #expect(!places.isEmpty)
        let households = state.gridHouseholds("JB01")
        let done = households.filter { state.visitedThisMonth($0.id) }.count + places.filter { state.overview.places.visited($0.code) }.count
        _ = state.open(.grid(code: "JB01"))
        let text = WallView.render(state).text
        #expect(text.contains("六必访 · 本月 \(done)/\(households.count + places.count)"), "\(text)")
        for place in places.prefix(2) { #expect(text.contains("\(place.code) \(place.name) · ")) }
        let unvisited = places.firstIndex { !state.overview.places.visited($0.code) }
        let visited = places.firstIndex { state.overview.places.visited($0.code) }
        if let unvisited, let visited { #expect(unvisited < visited) }
        // the cursor walks over them too (Enter on a place opens nothing)
        state.detailSection = .households
        state.detailCursor = households.count
        #expect(state.update(.key(.enter)) == nil)
        #expect(state.page == .grid(code: "JB01"))
    }
}
