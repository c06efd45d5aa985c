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
            ChangeEvent(sequence: 5, at: at.addingTimeInterval(-10), actor: "S0002", change: .callAnswered(callID: "C000001", accepted: true)),
            ChangeEvent(sequence: 4, at: at.addingTimeInterval(-40), actor: "operator", change: .callPlaced(callID: "C000001", staffID: "S0002")),
            ChangeEvent(sequence: 3, at: at.addingTimeInterval(-70), actor: "S0016", change: .ticket(id: "T00074", .accepted(staffID: "S0016"))),
            ChangeEvent(
                sequence: 2, at: at.addingTimeInterval(-95), actor: "S0001", change: .ticket(id: "T00074", .dispatched(gridCode: "JB02", assigneeID: nil))),
            ChangeEvent(sequence: 1, at: at.addingTimeInterval(-120), actor: "resident", change: .ticket(id: "T00074", .ordered(title: "独居老人助餐"))),
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

    @Test("the help overlay on a short terminal says how many lines it could not show")
    func helpCut() throws {
        var state = try Fixtures.demoState(Size(width: 80, height: 24))
        state.update(.key(.character("?")))
        let shown = WallView.render(state)
        // (the box's rows: the footer's "q 退出" is not the help's)
        let rows = shown.text.split(separator: "\n").filter { $0.hasPrefix("│") || $0.hasPrefix("┌") || $0.hasPrefix("└") }
        let hidden = UIStrings.chinese.helpLines.filter { line in !rows.contains { $0.contains(line.what) } }.count
        #expect(hidden > 0)
        #expect(shown.text.contains("另有 \(hidden) 条"), "\(shown.text)")
        #expect(misalignedRow(shown) == nil)
        state.size = Size(width: 120, height: 40)
        #expect(!WallView.render(state).text.contains("另有"))
    }

    @Test("Ctrl-L asks for the whole screen to be painted again, and leaves what is open open")
    func repaint() throws {
        var state = try Fixtures.demoState(Size(width: 120, height: 40))
        #expect(state.update(.key(.control("l"))) == .repaint)
        state.update(.key(.character("?")))
        #expect(state.update(.key(.control("l"))) == .repaint)
        #expect(state.showHelp)
        #expect(!WallEffect.repaint.writes)
    }

    @Test("the event ticker shows the latest changes with names, in both languages")
    func ticker() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.events(events()))
        state.update(.key(.backTab))
        let zh = WallView.render(state)
        try assertSnapshot(zh.text, named: "wall-events-200x60-zh")
        #expect(zh.text.contains("09:59:50 接听 C000001  陶敏 "))
        #expect(zh.text.contains("09:58:00 点单 T00074   居民 · 独居老人助餐"))
        state.language = .en
        state.size = Size(width: 80, height: 24)
        let en = WallView.render(state)
        try assertSnapshot(en.text, named: "wall-events-80x24-en")
        #expect(misalignedRow(en) == nil)
    }

    @Test("a notice from an outcome shows in the footer, follows L into the other language, and goes after its time")
    func notice() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60), language: .en)
        let refusal = TransitionError(ticketID: "T00012", state: .dispatched, action: .dispatch(gridCode: "JB02", assigneeID: nil), reason: "")
        // S0001 is 江滨's dispatcher: named by name, the time in the wall's zone (UTC here)
        state.update(.outcome(.refused(refusal, lastMove: LastMove(actor: "S0001", to: .dispatched, at: Fixtures.now.addingTimeInterval(-75)))))
        let name = try #require(state.overview.staff(id: "S0001")?.name)
        #expect(WallView.render(state).line(59).contains("cannot dispatch T00012: it is dispatched (by \(name) at 09:58:45)"))
        state.update(.key(.character("L")))
        #expect(WallView.render(state).line(59).contains("无法派单 T00012:已是「待接」(\(name) 于 09:58:45)"))
        state.update(.tick(Fixtures.now.addingTimeInterval(11)))
        #expect(!WallView.render(state).line(59).contains("无法派单"))
    }

    @Test("the ticker labels every kind of change in both languages, system actors in words, unknown rows as stored")
    func tickerKinds() throws {
        let at = Fixtures.now
        let changes: [(String, Change)] = [
            ("operator", .revealed(subject: "T00074")),
            ("init", .initialised(centreCode: "LJ", grids: 64)),
            ("import", .imported(.households, source: "h.csv", rows: 2)),
            ("dispatcher", .ticket(id: "T00075", .escalated)),
            ("resident", .ticket(id: "T00074", .rated(score: 5))),
            ("cli:wang", .ticket(id: "T00076", .cancelled(reason: "重复"))),
            ("operator", .callEscalated(callID: "C000002", to: ["S0003", "S0004"])),
            ("future", .unreadable(kind: "hazard.opened", subject: "Z001", detail: "燃气")),
            ("patrol", .ticket(id: "T00041", .ordered(title: "燃气异味"))),
        ]
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.events(changes.enumerated().map { n, change in
            ChangeEvent(sequence: Int64(100 - n), at: at.addingTimeInterval(-Double(n)), actor: change.0, change: change.1)
        }))
        let zh = WallView.render(state).text
        for words in ["查看隐私", "值班员", "初始化", "网格 64", "导入住户", "2 条", "上交", "派单员", "评价", "居民 · 5/5", "撤销", "命令行 wang · 重复",
                      "升级", "未知变更", "hazard.opened 燃气", "巡查 · 燃气异味"] {
            #expect(zh.contains(words), "missing \(words) in the Chinese ticker")
        }
        for word in ["resident", "dispatcher", "privacy.reveal", "patrol"] { #expect(!zh.contains(word), "\(word) shows raw in the Chinese ticker") }
        state.update(.key(.character("L")))
        let en = WallView.render(state).text
        for words in ["revealed", "loaded", "Grids 64", "households", "2 rows", "escalated", "wang · 重复", "unknown"] {
            #expect(en.contains(words), "missing \(words) in the English ticker")
        }
    }
}
