import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

@Suite("Acting on tickets from the keyboard")
struct TicketKeysTests {
    /// The demo wall with the focus on the tickets pane and the cursor on the first ticket
    /// still waiting to be dispatched.
    func onOrderedTicket() throws -> WallState {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.tab))
        state.update(.key(.tab))
        let index = try #require(state.overview.openTickets.firstIndex { $0.ticket.state == .ordered })
        for _ in 0..<index { state.update(.key(.down)) }
        return state
    }

    @Test("d opens the picker on the ticket's grid, suggesting the professional social worker for a care request")
    func pickerSuggestion() throws {
        var state = try onOrderedTicket()
        let ticket = try #require(state.selectedTicket)
        #expect(ticket.ticket.categoryCode == "care")
        state.update(.key(.character("d")))
        let picker = try #require(state.picker)
        #expect(state.overview.grids[picker.gridIndex].grid.code == ticket.ticket.gridCode)
        #expect(picker.cursor == 1)
        let first = try #require(state.candidates(for: picker).first)
        #expect(first.suggested)
        #expect(first.staff.role == .professionalSocialWorker)
        let screen = WallView.render(state)
        try assertSnapshot(screen.text, named: "dispatch-picker-200x60-zh")
        #expect(misalignedRow(screen) == nil)
        #expect(state.update(.key(.enter)) == .act(ticketID: ticket.id, action: .dispatch(gridCode: ticket.ticket.gridCode, assigneeID: first.staff.id)))
        #expect(state.picker == nil)
    }

    @Test("the picker changes grid with ←→, and row 0 sends to the grid with nobody in particular")
    func pickerGrid() throws {
        var state = try onOrderedTicket()
        state.update(.key(.character("d")))
        let start = try #require(state.picker?.gridIndex)
        state.update(.key(.right))
        #expect(state.picker?.gridIndex == start + 1)
        #expect(state.picker?.cursor == 0)
        let grid = state.overview.grids[start + 1].grid.code
        let id = try #require(state.selectedTicket?.id)
        #expect(state.update(.key(.enter)) == .act(ticketID: id, action: .dispatch(gridCode: grid, assigneeID: nil)))
        state.update(.key(.character("d")))
        state.update(.key(.escape))
        #expect(state.picker == nil)
    }

    @Test("e escalates; x asks for a reason, typed in Chinese, before cancelling")
    func escalateAndCancel() throws {
        var state = try onOrderedTicket()
        let id = try #require(state.selectedTicket?.id)
        #expect(state.update(.key(.character("e"))) == .act(ticketID: id, action: .escalate))
        state.update(.key(.character("x")))
        #expect(state.update(.key(.enter)) == nil)  // no reason yet: nothing happens
        for c in "重复下单" { state.update(.key(.character(c))) }
        state.update(.key(.backspace))
        state.update(.key(.character("单")))
        #expect(WallView.render(state).text.contains("> 重复下单"))
        #expect(state.update(.key(.enter)) == .act(ticketID: id, action: .cancel(reason: "重复下单")))
        #expect(state.reasonInput == nil)
        // q typed into a reason is text, not quit
        state.update(.key(.character("x")))
        #expect(state.update(.key(.character("q"))) == nil)
        #expect(state.reasonInput?.text == "q")
    }

    @Test("d, e and x do nothing outside the tickets pane")
    func onlyInTicketsPane() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        #expect(state.update(.key(.character("e"))) == nil)
        state.update(.key(.character("d")))
        #expect(state.picker == nil)
    }
}
