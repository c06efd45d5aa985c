import DoorstepCanvas
import DoorstepDomain
import DoorstepEngine
import DoorstepScreen
import DoorstepSimulation
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// 回放: a wall driven from the event log shows what the live wall showed at the same instants.
@Suite("Replay")
struct ReplayTests {
    let start = StoreFixtures.now
    let calendar = StoreFixtures.calendar

    /// The wall a person would see for `snapshot` at `now`.
    func frame(_ snapshot: EngineSnapshot, at now: Date, size: Size, language: Language) -> String {
        var state = WallState(overview: snapshot.overview, language: language, now: now, timeZone: calendar.timeZone, size: size)
        state.update(.events(snapshot.recentEvents))
        return WallView.render(state).text
    }

    /// A clock a test sets to an instant.
    final class SetClock: Clock, @unchecked Sendable {
        // (confined to the test's one thread)
        var instant: Date
        init(_ instant: Date) { self.instant = instant }
        func now() -> Date { instant }
    }

    @Test("a live session and its replay agree frame by frame at the same instants (tickets, duty, calls, visits, call-ins, care, trends)")
    func replayAgreesWithLive() throws {
        let (database, store) = try TemporaryDatabase.demo(now: start)
        defer { database.cleanUp() }
        let clock = SetClock(start)
        let simulator = try Simulator(store: store, clock: clock, seed: 11)
        let live = Engine(store: store, clock: clock, calendar: calendar)
        _ = live.poll()  // the wall opens at the start
        var frames: [(at: Date, zh: String, en: String)] = []
        var kinds = Set<ChangeKind>()
        var alarm: Alarm?

        // an afternoon at 90 changes an hour, looked at every 20 s (and across the trends' 5-minute count)
        for step in 1...240 {
            clock.instant = start.addingTimeInterval(Double(step) * 10)
            _ = try simulator.step()
            // the wall's own writes: an alarm raised, taken and cleared; a shift handed over
            switch step {
            case 40: alarm = try store.raiseAlarm(gridCode: "JB02", reasons: ["overdue"], at: clock.instant)
            case 90: _ = try store.acknowledgeAlarms(ids: [try #require(alarm).id], by: "duty", at: clock.instant)
            case 150: _ = try store.clearAlarm(id: try #require(alarm).id, at: clock.instant)
            case 170: _ = try store.recordHandover(to: "duty-night", note: "交班", inherited: HandoverSummary(), by: "duty", at: clock.instant)
            default: break
            }
            if step.isMultiple(of: 2) {
                clock.instant = clock.instant.addingTimeInterval(3)
                let snapshot = try #require(live.poll())
                frames.append((clock.instant, frame(snapshot, at: clock.instant, size: Size(width: 200, height: 60), language: .zh),
                               frame(snapshot, at: clock.instant, size: Size(width: 100, height: 30), language: .en)))
            }
        }
        for event in try store.events(after: 0, limit: 10_000) where event.at > start { kinds.insert(event.kind) }
        #expect(kinds.isSuperset(of: [.ticketOrdered, .ticketDispatched, .ticketAccepted, .ticketResolved, .ticketRated, .duty, .visit,
                                      .callPlaced, .callAnswered, .callInRequested, .alarmRaised, .alarmAcknowledged, .alarmCleared, .handover]), "the session made too few kinds of change: \(kinds)")

        // the replay: the same store, only read, from the same start
        let replayClock = SetClock(start)
        let feed = try ReplayFeed(base: store, clock: replayClock, start: start)
        let replay = Engine(store: feed, clock: replayClock, calendar: calendar)
        _ = replay.poll()
        var differing: [String] = []
        for (at, zh, en) in frames {
            replayClock.instant = at
            let snapshot = try #require(replay.poll())
            let again = (frame(snapshot, at: at, size: Size(width: 200, height: 60), language: .zh),
                         frame(snapshot, at: at, size: Size(width: 100, height: 30), language: .en))
            for (live, replayed) in [(zh, again.0), (en, again.1)] where live != replayed {
                let lines = zip(live.split(separator: "\n", omittingEmptySubsequences: false), replayed.split(separator: "\n", omittingEmptySubsequences: false))
                let first = lines.enumerated().first { $0.element.0 != $0.element.1 }
                differing.append("\(at): line \(first?.offset ?? -1)\n live:   \(first?.element.0 ?? "")\n replay: \(first?.element.1 ?? "")")
            }
        }
        let report = "\(differing.count) of \(frames.count) frames differ; the first:\n" + differing.prefix(3).joined(separator: "\n")
        let differingFrames = differing.count
        #expect(differingFrames == 0, "\(report)")
    }
}
