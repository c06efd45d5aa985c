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

    typealias Frame = (at: Date, zh: String, en: String)

    /// A live afternoon over the demo street: the simulator at 360 changes an hour (and the wall's
    /// own writes: a call placed and answered; an alarm raised, taken and cleared; a shift handed over), the live wall
    /// looked at every 20 s. Returns the store and what the wall showed when. Without `trends`
    /// the engine is given the feed alone (no order history), so it counts no 民情气象站.
    func liveSession(trends: Bool = true) throws -> (TemporaryDatabase, SQLiteStore, [Frame]) {
        let (database, store) = try TemporaryDatabase.demo(now: start)
        let clock = SetClock(start)
        let simulator = try Simulator(store: store, clock: clock, seed: 11)
        let live = Engine(store: trends ? store : FlakyStore(store), clock: clock, calendar: calendar)
        _ = live.poll()  // the wall opens at the start
        var frames: [Frame] = []
        var alarm: Alarm?
        for step in 1...240 {
            clock.instant = start.addingTimeInterval(Double(step) * 10)
            _ = try simulator.step()
            switch step {
            case 30: _ = try store.placeCalls(to: ["S0002"], gridCode: "JB01", by: "duty", at: clock.instant)
            case 31:
                // a call answered, whatever the seed's own calls do
                if let call = try store.ringingCalls().first(where: { $0.staffID == "S0002" && $0.placedBy == "duty" }) {
                    _ = try store.acknowledge(callID: call.id, staffID: "S0002", accept: true, timeout: 60, at: clock.instant)
                }
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
        return (database, store, frames)
    }

    /// Replays `store` from the start, visiting `frames` in the order given; the frames whose
    /// replay differs, described by their first differing line.
    func differences(_ store: SQLiteStore, _ frames: [Frame], trends: Bool = true) throws -> [String] {
        let replayClock = SetClock(start)
        let feed = try ReplayFeed(base: store, clock: replayClock, start: start)
        let replay = Engine(store: trends ? feed : FlakyStore(feed), clock: replayClock, calendar: calendar)
        _ = replay.poll()
        var differing: [String] = []
        for (at, zh, en) in frames {
            replayClock.instant = at
            let snapshot = try #require(replay.poll())
            let pairs = [(zh, frame(snapshot, at: at, size: Size(width: 200, height: 60), language: .zh)),
                         (en, frame(snapshot, at: at, size: Size(width: 100, height: 30), language: .en))]
            for (live, replayed) in pairs where live != replayed {
                let lines = zip(live.split(separator: "\n", omittingEmptySubsequences: false), replayed.split(separator: "\n", omittingEmptySubsequences: false))
                let first = lines.enumerated().first { $0.element.0 != $0.element.1 }
                differing.append("\(at): line \(first?.offset ?? -1)\n live:   \(first?.element.0 ?? "")\n replay: \(first?.element.1 ?? "")")
            }
        }
        return differing
    }

    @Test("a live session and its replay agree frame by frame at the same instants (tickets, duty, calls, visits, call-ins, care, alarms, a handover, trends)")
    func replayAgreesWithLive() throws {
        let (database, store, frames) = try liveSession()
        defer { database.cleanUp() }
        var kinds = Set<ChangeKind>()
        for event in try store.events(after: 0, limit: 10_000) where event.at > start { kinds.insert(event.kind) }
        #expect(kinds.isSuperset(of: [.ticketOrdered, .ticketDispatched, .ticketAccepted, .ticketResolved, .ticketRated, .duty, .visit,
                                      .callPlaced, .callAnswered, .callInRequested, .alarmRaised, .alarmAcknowledged, .alarmCleared, .handover]),
                "the session made too few kinds of change: \(kinds)")
        #expect(Set(frames.map(\.zh)).count > 50, "the live wall hardly changed: the comparison would prove little")
        let differing = try differences(store, frames)
        let report = "\(differing.count) of \(frames.count) frames differ; the first:\n" + differing.prefix(3).joined(separator: "\n")
        let differingFrames = differing.count
        #expect(differingFrames == 0, "\(report)")
    }

    @Test("jumping back and forth (the engine builds afresh when the replay goes back): each instant shows what the live wall showed then")
    func replayJumpsAgree() throws {
        // (the 民情气象站 is counted every five minutes of the engine's own clock, so after a jump it
        // is counted at the instant landed on where the live wall showed a count up to five minutes
        // old: both engines here are given the feed without its order history, and count none)
        let (database, store, frames) = try liveSession(trends: false)
        defer { database.cleanUp() }
        // backwards through the afternoon, then every seventh frame forwards from the middle
        let order = Array(frames.reversed()) + stride(from: frames.count / 2, to: frames.count, by: 7).map { frames[$0] }
        let differing = try differences(store, order, trends: false)
        let report = "\(differing.count) of \(order.count) frames differ; the first:\n" + differing.prefix(3).joined(separator: "\n")
        let differingFrames = differing.count
        #expect(differingFrames == 0, "\(report)")
    }
}
