import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

@Suite("The ticker's page")
struct TickerPageTests {
    /// Events 1...n, newest first, as the engine hands them over.
    func events(_ n: Int) -> [ChangeEvent] {
        (1...n).reversed().map {
            ChangeEvent(sequence: Int64($0), at: Fixtures.now.addingTimeInterval(Double($0)), actor: "S0002", change: .duty(staffID: "S0002", .onDuty))
        }
    }

    func sequences(_ top: Int64?, _ events: [ChangeEvent], rows: Int) -> [Int64] {
        TickerPage.rows(top: top, events: events, rows: rows).map { events[$0].sequence }
    }

    @Test("it opens full, oldest first, and fills downward as events arrive")
    func fills() {
        let first = events(5)
        let top = TickerPage.top(previous: nil, events: first, rows: 9)
        #expect(sequences(top, first, rows: 9) == [1, 2, 3, 4, 5])
        let more = events(8)
        let next = TickerPage.top(previous: top, events: more, rows: 9)
        #expect(next == top)
        #expect(sequences(next, more, rows: 9) == [1, 2, 3, 4, 5, 6, 7, 8])
        // opening on more than fits: the newest, a full page
        let many = events(20)
        #expect(sequences(TickerPage.top(previous: nil, events: many, rows: 9), many, rows: 9) == Array(12...20))
    }

    @Test("an event on a full page turns it: the newest half stays, at the top")
    func turns() {
        let full = events(9)
        let top = TickerPage.top(previous: nil, events: full, rows: 9)
        #expect(top == 1)
        let one = events(10)
        let turned = TickerPage.top(previous: top, events: one, rows: 9)
        #expect(sequences(turned, one, rows: 9) == [7, 8, 9, 10])
        // and fills again from there without moving what is shown
        let later = events(15)
        let same = TickerPage.top(previous: turned, events: later, rows: 9)
        #expect(same == turned)
        #expect(sequences(same, later, rows: 9) == Array(7...15))
    }

    @Test("a page of a few lines moves up a line at a time; one of no lines shows nothing")
    func small() {
        let five = events(5)
        #expect(sequences(TickerPage.top(previous: 1, events: five, rows: 3), five, rows: 3) == [4, 5])
        #expect(sequences(TickerPage.top(previous: 3, events: five, rows: 3), five, rows: 3) == [3, 4, 5])
        let list = events(4)
        #expect(sequences(TickerPage.top(previous: 2, events: list, rows: 1), list, rows: 1) == [4])
        #expect(sequences(TickerPage.top(previous: 3, events: list, rows: 2), list, rows: 2) == [3, 4])
        #expect(TickerPage.top(previous: nil, events: list, rows: 0) == nil)
        #expect(TickerPage.top(previous: nil, events: [], rows: 9) == nil)
    }

    @Test("a new event on the wall rewrites one line of the ticker, not every line")
    func oneLine() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.events(Array(events(5))))
        let before = WallView.render(state)
        state.update(.events(Array(events(6))))
        let after = WallView.render(state)
        let layout = try #require(WallLayout(size: state.size))
        let changed = (layout.events.y..<layout.events.maxY).filter { before.line($0) != after.line($0) }
        #expect(changed.count == 1)
    }

    @Test("browsing the ticker: the cursor starts at the newest, at the bottom, and Up goes back in time")
    func browsing() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.events(events(30)))
        state.update(.key(.backTab))
        #expect(state.focus == .events)
        #expect(state.eventCursor == 0)
        state.update(.key(.up))
        #expect(state.eventCursor == 1)
        state.update(.key(.home))
        #expect(state.eventCursor == 29)  // the oldest
        state.update(.key(.end))
        #expect(state.eventCursor == 0)
        state.update(.key(.down))
        #expect(state.eventCursor == 0)
    }
}
