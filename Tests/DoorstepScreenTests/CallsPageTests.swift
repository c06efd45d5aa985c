import DoorstepCanvas
import DoorstepDomain
import DoorstepSeeds
import Foundation
import Testing

@testable import DoorstepScreen

/// The calls page (`t`): the desk's calls of the last hours, newest first, each with whom it
/// rang, about which grid, where it stands and who placed it.
@Suite("Calls page")
struct CallsPageTests {
    static func state(_ size: Size, language: Language = .zh) throws -> WallState {
        var data = try DataSet.load(from: .embeddedDemo, now: Fixtures.now)
        func person(_ grid: String) -> Staff { data.staff.first { $0.gridCode == grid && $0.role.isGridCore } ?? data.staff[0] }
        let (jb, bg, xh) = (person("JB01"), person("BG06"), person("XH03"))
        let now = Fixtures.now
        data.calls = [
            Call(id: "C000001", staffID: jb.id, gridCode: "JB01", placedBy: "duty", placedAt: now.addingTimeInterval(-3600), state: .answered,
                 stateSince: now.addingTimeInterval(-3590)),
            Call(id: "C000002", staffID: bg.id, gridCode: "BG06", placedBy: "duty", placedAt: now.addingTimeInterval(-600), state: .ringing,
                 stateSince: now.addingTimeInterval(-600)),
            Call(id: "C000003", staffID: xh.id, gridCode: "XH03", placedBy: "jb-dispatch", placedAt: now.addingTimeInterval(-300), state: .declined,
                 stateSince: now.addingTimeInterval(-280)),
            Call(id: "C000004", staffID: bg.id, gridCode: "BG06", placedBy: "duty", placedAt: now.addingTimeInterval(-20), state: .ringing,
                 stateSince: now.addingTimeInterval(-20), escalatedFrom: "C000002"),
        ]
        var state = WallState(overview: Overview(data: data, now: now, calendar: Fixtures.calendar), language: language, now: now,
                              timeZone: Fixtures.calendar.timeZone, size: size)
        state.operatorNames = ["duty": "街道值班", "jb-dispatch": "江滨派单"]
        return state
    }

    @Test("t lists the calls newest first with their state and who placed them, in both languages; Enter opens the grid")
    func page() throws {
        var zh = try Self.state(Size(width: 200, height: 60))
        zh.update(.key(.character("t")))
        #expect(zh.page == .calls)
        let canvas = WallView.render(zh)
        try assertSnapshot(canvas.text, named: "calls-page-200x60-zh")
        #expect(misalignedRow(canvas) == nil)
        let lines = canvas.text.split(separator: "\n").map(String.init)
        // C000002 rang past the call timeout: missed; the escalation still rings
        #expect(canvas.text.contains("呼叫 · 4 次 · 振铃 1 · 未接 1"))
        let order = ["09:59:40", "09:55:00", "09:50:00", "09:00:00"].compactMap { placed in lines.firstIndex { $0.contains("│" + placed) } }
        #expect(order.count == 4 && order == order.sorted())
        #expect(lines[order[0]].contains("振铃") && lines[order[0]].contains("升级自 C000002") && lines[order[2]].contains("未接"))
        #expect(canvas.text.contains("呼叫人 街道值班") && canvas.text.contains("呼叫人 江滨派单"))
        zh.update(.key(.down))
        zh.update(.key(.enter))
        #expect(zh.page == .grid(code: "XH03"))

        var en = try Self.state(Size(width: 80, height: 24), language: .en)
        en.update(.key(.character("t")))
        let small = WallView.render(en)
        try assertSnapshot(small.text, named: "calls-page-80x24-en")
        #expect(misalignedRow(small) == nil)
        #expect(small.text.contains("Calls · 4 · ringing 1 · missed 1"))
    }

    @Test("a grid's desk sees only the calls about its grid")
    func scoped() throws {
        var state = try Self.state(Size(width: 200, height: 60))
        state.desk = Desk(Operator(id: "bg06-worker", name: "北固六网格员", role: .gridWorker, scope: .grid("BG06")))
        state.update(.key(.character("t")))
        let text = WallView.render(state).text
        #expect(text.contains("呼叫 · 2 次") && !text.contains("已拒接") && !text.contains("已接听"))
    }
}
