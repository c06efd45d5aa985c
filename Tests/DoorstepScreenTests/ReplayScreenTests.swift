import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing
@testable import DoorstepScreen

@Suite("回放 on the wall")
struct ReplayScreenTests {
    static func state(_ size: Size, _ language: Language, paused: Bool = false) throws -> WallState {
        var state = try Fixtures.demoState(size, language: language)
        state.replay = ReplayStatus(paused: paused, speed: 60, start: Fixtures.now.addingTimeInterval(-3_600), end: Fixtures.now.addingTimeInterval(3_600))
        return state
    }

    @Test("the banner says REPLAY beside the replayed time, with its speed or that it is paused; the footer its keys; both languages and sizes")
    func banner() throws {
        for language in Language.allCases {
            for size in [Size(width: 200, height: 60), Size(width: 80, height: 24)] {
                let canvas = WallView.render(try Self.state(size, language))
                #expect(misalignedRow(canvas) == nil)
                try assertSnapshot(canvas.text, named: "replay-\(size.width)x\(size.height)-\(language.rawValue)")
            }
        }
        let paused = WallView.render(try Self.state(Size(width: 200, height: 60), .zh, paused: true)).text
        let top = try #require(paused.split(separator: "\n").first)
        #expect(top.contains("回放 REPLAY · 已暂停") && top.hasSuffix(Formatting.clock(Fixtures.now, timeZone: Fixtures.calendar.timeZone, weekdays: Language.zh.strings.weekdays)))
        #expect(paused.contains("空格 暂停/继续") && paused.contains("[ ] 上/下一条"))
        // and the help lists them first
        var help = try Self.state(Size(width: 200, height: 60), .en)
        _ = help.update(.key(.character("?")))
        let helpText = WallView.render(help)
        #expect(misalignedRow(helpText) == nil)
        #expect(helpText.text.range(of: #"│ *g +jump to time"#, options: .regularExpression) != nil, "\(helpText.text)")
    }

    @Test("space, [ ], + - ask the replay's clock; g takes a time and jumps; a time outside the replay is refused; writing keys are refused")
    func keys() throws {
        var state = try Self.state(Size(width: 200, height: 60), .en)
        #expect(state.update(.key(.character(" "))) == .replay(.togglePause))
        #expect(state.update(.key(.character("]"))) == .replay(.step(forward: true)))
        #expect(state.update(.key(.character("["))) == .replay(.step(forward: false)))
        #expect(state.update(.key(.character("+"))) == .replay(.speed(faster: true)))
        #expect(state.update(.key(.character("-"))) == .replay(.speed(faster: false)))
        #expect(state.update(.key(.character("g"))) == nil)
        for c in "09:30" { #expect(state.update(.key(.character(c))) == nil) }
        #expect(WallView.render(state).text.contains("REPLAY · jump to 09:30_"))
        #expect(state.update(.key(.enter)) == .replay(.jump(Fixtures.now.addingTimeInterval(-30 * 60))))
        #expect(state.replay?.entry == nil)
        // outside the period (it runs 09:00–11:00), or not a time
        for text in ["12:00", "9:75", "tea"] {
            _ = state.update(.key(.character("g")))
            for c in text { _ = state.update(.key(.character(c))) }
            #expect(state.update(.key(.enter)) == nil)
            #expect(state.notice?.message == .replayBadTime(text.filter { $0.isASCII && ($0.isNumber || $0 == ":") }), "\(text)")
        }
        // nothing is written: a call, a dispatch, taking an alarm
        for key in ["c", "C", "d", "a"] {
            state.notice = nil
            #expect(state.update(.key(.character(Character(key)))) == nil)
            #expect(state.notice?.message == .replayNothingWritten, "\(key)")
        }
        // looking around still works
        _ = state.update(.key(.tab))
        #expect(state.focus != .grids)
    }

    @Test("a time to jump to: HH:MM on the replay's day (or the next, past midnight), a whole date, in the wall's zone")
    func jumpTimes() throws {
        let zone = try #require(TimeZone(identifier: "Asia/Shanghai"))
        // 2026-11-30 22:00 to 2026-12-01 02:00 in Shanghai
        let start = Date(timeIntervalSince1970: 1_796_047_200)
        let replay = ReplayStatus(paused: true, speed: 1, start: start, end: start.addingTimeInterval(4 * 3_600))
        #expect(WallState.replayInstant("23:30", within: replay, timeZone: zone) == start.addingTimeInterval(5_400))
        #expect(WallState.replayInstant("01:15:30", within: replay, timeZone: zone) == start.addingTimeInterval(3 * 3_600 + 15 * 60 + 30))
        #expect(WallState.replayInstant("2026-12-01 00:00", within: replay, timeZone: zone) == start.addingTimeInterval(7_200))
        #expect(WallState.replayInstant("21:00", within: replay, timeZone: zone) == nil)
        #expect(WallState.replayInstant("2026-12-02 00:00", within: replay, timeZone: zone) == nil)
        #expect(WallState.replayInstant("24:00", within: replay, timeZone: zone) == nil)
    }

    @Test("a ticket's page on a replay shows its history up to the replayed time, not what came after")
    func ticketHistory() throws {
        var state = try Self.state(Size(width: 200, height: 60), .en, paused: true)
        state.update(.key(.tab))
        state.update(.key(.tab))
        let open = try #require(state.selectedTicket)
        #expect(state.update(.key(.enter)) == .loadHistory(ticketID: open.id))
        let t0 = open.ticket.createdAt
        state.update(.history(ticketID: open.id, [
            TicketHistoryEntry(from: nil, to: .ordered, change: .ordered(title: open.ticket.title), actor: "resident", at: t0),
            TicketHistoryEntry(from: .ordered, to: .dispatched, change: .dispatched(gridCode: open.ticket.gridCode, assigneeID: nil), actor: "S0001",
                               at: Fixtures.now.addingTimeInterval(600)),
        ]))
        #expect(!WallView.render(state).text.contains("ordered → dispatched"))
        state.now = Fixtures.now.addingTimeInterval(700)
        #expect(WallView.render(state).text.contains("ordered → dispatched"))
    }
}

