import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

/// The mouse: a click selects the tile or row under it and moves the focus there, a double
/// click opens it, the wheel scrolls; on a page the wheel moves its cursor.
@Suite("Mouse on the wall")
struct MouseTests {
    /// A cell of the tile of grid `code` (found by asking the pane, as a click would).
    func cell(of code: String, _ state: WallState) throws -> (x: Int, y: Int) {
        let layout = try #require(WallLayout(size: state.size))
        let index = try #require(state.overview.grids.firstIndex { $0.grid.code == code })
        for y in layout.grids.y..<layout.grids.maxY {
            for x in layout.grids.x..<layout.grids.maxX where GridsPane.tile(atX: x, y: y, state, in: layout.grids) == index { return (x, y) }
        }
        throw CellNotFound()
    }

    struct CellNotFound: Error {}

    @Test("a click on a tile selects it, a double click opens its grid's page; the wheel on a page moves its cursor")
    func tiles() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.focus = .tickets
        let at = try cell(of: "JB03", state)
        #expect(state.update(.key(.mouse(Mouse(.click, x: at.x, y: at.y)))) == nil)
        #expect(state.selectedSummary?.grid.code == "JB03" && state.focus == .grids)
        let far = try cell(of: "YT07", state)
        #expect(state.update(.key(.mouse(Mouse(.doubleClick, x: far.x, y: far.y)))) == nil)
        #expect(state.page == .grid(code: "YT07"))
        let cursor = state.detailCursor
        state.update(.key(.mouse(Mouse(.wheelDown, x: 10, y: 10))))
        #expect(state.detailCursor > cursor)
        // a click on a page does nothing the keys would not
        state.update(.key(.mouse(Mouse(.click, x: 1, y: 1))))
        #expect(state.page == .grid(code: "YT07"))
    }

    @Test("a click on a ticket's row selects it and focuses the list; a double click opens it; the wheel pages")
    func rows() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        let layout = try #require(WallLayout(size: state.size))
        let third = layout.tickets.y + 1 + 2
        state.update(.key(.mouse(Mouse(.click, x: layout.tickets.x + 5, y: third))))
        #expect(state.focus == .tickets && state.ticketCursor == 2)
        let id = try #require(state.selectedTicket?.id)
        #expect(state.update(.key(.mouse(Mouse(.doubleClick, x: layout.tickets.x + 5, y: third)))) == .loadHistory(ticketID: id))
        #expect(state.page == .ticket(id: id))
        state.update(.key(.escape))
        state.update(.key(.mouse(Mouse(.wheelDown, x: layout.tickets.x + 5, y: third))))
        #expect(state.ticketCursor == 5)
        // the staff list too
        state.update(.key(.mouse(Mouse(.click, x: layout.staff.x + 3, y: layout.staff.y + 2))))
        #expect(state.focus == .staff && state.staffCursor == 1)
        // below a list's last row: nothing selected
        var empty = try Fixtures.demoState(Size(width: 200, height: 60))
        empty.update(.key(.mouse(Mouse(.click, x: layout.staff.x + 3, y: layout.staff.maxY - 2))))
        #expect(empty.staffCursor == 0)
    }
}
