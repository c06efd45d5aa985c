import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

@Suite("Wall panes, calls and help")
struct WallPaneTests {
    func events() -> [ChangeEvent] {
        let at = Fixtures.now
        return [
            ChangeEvent(sequence: 5, at: at.addingTimeInterval(-10), kind: "call.answered", subject: "C000001", actor: "S0002", detail: "answered"),
            ChangeEvent(sequence: 4, at: at.addingTimeInterval(-40), kind: "call.placed", subject: "C000001", actor: "operator", detail: "S0002"),
            ChangeEvent(sequence: 3, at: at.addingTimeInterval(-70), kind: "ticket.accept", subject: "T00074", actor: "S0016", detail: "S0016"),
            ChangeEvent(sequence: 2, at: at.addingTimeInterval(-95), kind: "ticket.dispatch", subject: "T00074", actor: "S0001", detail: "JB02"),
            ChangeEvent(sequence: 1, at: at.addingTimeInterval(-120), kind: "ticket.ordered", subject: "T00074", actor: "resident", detail: "独居老人助餐"),
        ]
    }

    @Test("Tab and Shift-Tab move the focus round the panes; Esc comes back to the grids")
    func focus() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        #expect(state.focus == .grids)
        state.update(.key(.tab))
        #expect(state.focus == .staff)
        state.update(.key(.tab))
        state.update(.key(.tab))
        #expect(state.focus == .events)
        state.update(.key(.tab))
        #expect(state.focus == .grids)
        state.update(.key(.backTab))
        #expect(state.focus == .events)
        state.update(.key(.escape))
        #expect(state.focus == .grids)
    }

    @Test("arrows move the cursor inside the focused list, and not the grid selection")
    func listCursor() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.tab))
        state.update(.key(.down))
        state.update(.key(.character("j")))
        #expect(state.staffCursor == 2)
        #expect(state.selectedGrid == 0)
        #expect(state.selectedStaff?.role == .partyCentralHousehold)
        state.update(.key(.end))
        #expect(state.staffCursor == state.staffRows.count - 1)
        state.update(.key(.tab))
        state.update(.key(.pageDown))
        #expect(state.ticketCursor == 15)
        #expect(state.selectedTicket?.id == state.overview.openTickets[15].id)
    }

    @Test("c calls the selected person after 3 seconds unless Esc cancels it")
    func callWithGrace() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.character("c")))
        #expect(state.pendingCall == nil)  // c works on a person: the staff pane
        state.update(.key(.tab))
        #expect(state.update(.key(.character("c"))) == nil)
        let pending = try #require(state.pendingCall)
        #expect(pending.staffIDs == ["S0002"])
        #expect(WallView.render(state).text.contains("正在呼叫 陶敏 · 双全社工 · 3 秒后拨出"))
        #expect(state.update(.tick(Fixtures.now.addingTimeInterval(2))) == nil)
        #expect(state.update(.tick(Fixtures.now.addingTimeInterval(3))) == .placeCalls(staffIDs: ["S0002"], gridCode: "JB01"))
        #expect(state.pendingCall == nil)

        state.update(.key(.character("c")))
        state.update(.key(.escape))
        #expect(state.pendingCall == nil)
        #expect(WallView.render(state).text.contains("已取消呼叫"))
        #expect(state.update(.tick(Fixtures.now.addingTimeInterval(10))) == nil)
    }

    @Test("C calls the selected grid's whole 1+1+2+N")
    func callGrid() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.character("C")))
        let pending = try #require(state.pendingCall)
        let crew = state.overview.staffByGrid["JB01"]?.filter { $0.role.isGridCore }.map(\.id) ?? []
        #expect(pending.staffIDs == crew)
        #expect(pending.staffIDs.count >= 5)
        #expect(pending.gridCode == "JB01")
    }

    @Test("the help overlay lists every key and closes with Esc")
    func help() throws {
        var state = try Fixtures.demoState(Size(width: 120, height: 40))
        state.update(.key(.character("?")))
        let shown = WallView.render(state)
        try assertSnapshot(shown.text, named: "help-120x40-zh")
        #expect(misalignedRow(shown) == nil)
        #expect(state.update(.key(.character("q"))) == nil)  // q closes the overlay, it does not quit
        #expect(!state.showHelp)
        state.update(.key(.character("?")))
        state.update(.key(.escape))
        #expect(!WallView.render(state).text.contains("按键说明"))
    }

    @Test("the event ticker shows the latest changes with names, in both languages")
    func ticker() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.events(events()))
        state.update(.key(.backTab))
        let zh = WallView.render(state)
        try assertSnapshot(zh.text, named: "wall-events-200x60-zh")
        #expect(zh.text.contains("09:59:50 接听 C000001  陶敏 "))
        #expect(zh.text.contains("09:58:00 点单 T00074   resident · 独居老人助餐"))
        state.language = .en
        state.size = Size(width: 80, height: 24)
        let en = WallView.render(state)
        try assertSnapshot(en.text, named: "wall-events-80x24-en")
        #expect(misalignedRow(en) == nil)
    }

    @Test("a notice from an outcome shows in the footer and goes after its time")
    func notice() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.outcome("cannot dispatch T00012: it is dispatched (by S0001 at …)", isProblem: true))
        #expect(WallView.render(state).line(59).contains("cannot dispatch T00012"))
        state.update(.tick(Fixtures.now.addingTimeInterval(11)))
        #expect(!WallView.render(state).line(59).contains("cannot dispatch"))
    }
}
