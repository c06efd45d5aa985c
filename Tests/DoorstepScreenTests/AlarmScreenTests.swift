import DoorstepCanvas
import DoorstepDomain
import DoorstepSeeds
import Foundation
import Testing

@testable import DoorstepScreen

/// Alarms on the wall: the header counts those nobody has taken, the tile of each is marked
/// "!" (readable without colour) until taken, `a` takes the highlighted grid's and `A` all of
/// the desk's, `M` mutes the cues for a while and the header says until when.
@Suite("Alarms on the wall")
struct AlarmScreenTests {
    static func state(_ size: Size, language: Language = .zh) throws -> WallState {
        var data = try DataSet.load(from: .embeddedDemo, now: Fixtures.now)
        data.alarms = [
            Alarm(id: "A000001", gridCode: "JB03", raisedAt: Fixtures.now.addingTimeInterval(-120), reasons: ["overdue"]),
            Alarm(id: "A000002", gridCode: "BG06", raisedAt: Fixtures.now.addingTimeInterval(-60), reasons: ["severe_hazard"]),
            Alarm(id: "A000003", gridCode: "XH06", raisedAt: Fixtures.now.addingTimeInterval(-300), reasons: ["overdue"],
                  acknowledgedBy: "duty", acknowledgedAt: Fixtures.now.addingTimeInterval(-200)),
        ]
        return WallState(overview: Overview(data: data, now: Fixtures.now, calendar: Fixtures.calendar), language: language, now: Fixtures.now,
                         timeZone: Fixtures.calendar.timeZone, size: size)
    }

    @Test("the header counts the untaken and the tiles of new alarms are marked, in both languages")
    func shown() throws {
        let zh = WallView.render(try Self.state(Size(width: 200, height: 60)))
        try assertSnapshot(zh.text, named: "alarms-200x60-zh")
        #expect(misalignedRow(zh) == nil)
        #expect(zh.text.contains("!  待认领告警 2"))
        #expect(zh.text.contains("! 江滨三网格") && zh.text.contains("! 北固六网格") && !zh.text.contains("! 新河六网格"))
        let en = WallView.render(try Self.state(Size(width: 80, height: 24), language: .en))
        try assertSnapshot(en.text, named: "alarms-80x24-en")
        #expect(misalignedRow(en) == nil)
        #expect(en.text.contains("New alarms 2"))
    }

    @Test("a takes the highlighted grid's alarm, A every one of the desk's; a quiet grid has none to take")
    func keys() throws {
        var state = try Self.state(Size(width: 200, height: 60))
        #expect(state.update(.key(.character("a"))) == nil)  // JB01: no alarm
        #expect(state.notice?.message == .noAlarm)
        state.selectedGrid = try #require(state.overview.grids.firstIndex { $0.grid.code == "JB03" })
        #expect(state.update(.key(.character("a"))) == .acknowledgeAlarms(["A000001"]))
        #expect(state.update(.key(.character("A"))) == .acknowledgeAlarms(["A000002", "A000001"]))
        // a community's desk takes its own only
        state.desk = Desk(operatorID: "bg-dispatch", role: .communityDispatcher, scope: .community("BG"))
        #expect(state.update(.key(.character("A"))) == .acknowledgeAlarms(["A000002"]))
        // a lobby screen takes nothing
        state.desk = Desk(operatorID: "lobby", role: .viewer, scope: .street)
        #expect(state.update(.key(.character("A"))) == nil)
        #expect(state.notice?.message == .readOnly)
    }

    @Test("! opens the desk's alarms of the last hours, newest first; a takes the selected one, Enter opens its grid")
    func queuePage() throws {
        var state = try Self.state(Size(width: 200, height: 60))
        state.operatorNames = ["duty": "街道值班员"]
        state.update(.key(.character("!")))
        #expect(state.page == .alarms)
        let zh = WallView.render(state)
        try assertSnapshot(zh.text, named: "alarm-page-200x60-zh")
        #expect(misalignedRow(zh) == nil)
        #expect(zh.text.contains("告警 · 近 12 小时 3 条 · 待认领 2"))
        #expect(zh.text.contains("已认领 街道值班员"))
        #expect(state.update(.key(.character("a"))) == .acknowledgeAlarms(["A000002"]))  // the newest first
        state.update(.key(.down))
        state.update(.key(.down))
        #expect(state.update(.key(.character("a"))) == nil)  // already taken
        #expect(state.update(.key(.enter)) == nil && state.page == .grid(code: "XH06"))
        var en = try Self.state(Size(width: 80, height: 24), language: .en)
        en.update(.key(.character("!")))
        let small = WallView.render(en)
        try assertSnapshot(small.text, named: "alarm-page-80x24-en")
        #expect(misalignedRow(small) == nil)
    }

    @Test("M mutes the cues for a quarter of an hour, said in the header; M again unmutes")
    func mute() throws {
        var state = try Self.state(Size(width: 200, height: 60))
        state.update(.key(.character("M")))
        #expect(state.muted && state.mutedUntil == Fixtures.now.addingTimeInterval(15 * 60))
        #expect(WallView.render(state).text.contains("提示音已静音至 10:15"))
        state.update(.key(.character("M")))
        #expect(!state.muted)
        // the length is the settings', and the mute runs out by itself
        state.muteFor = 5 * 60
        state.update(.key(.character("M")))
        #expect(state.mutedUntil == Fixtures.now.addingTimeInterval(300))
        state.update(.tick(Fixtures.now.addingTimeInterval(300)))
        #expect(!state.muted && !WallView.render(state).text.contains("提示音已静音"))
    }
}
