import DoorstepCalls
import DoorstepDomain
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// The alarm desk over the demo street: an alarm raised for every grid in alarm (once, with
/// two walls reconciling), cleared when a grid leaves it, and sent to the street's duty
/// officers by phone when nobody takes it within its time.
@Suite("Alarm desk: raising, clearing, escalating")
struct AlarmDeskTests {
    let now = StoreFixtures.now

    func overview(_ store: SQLiteStore, at time: Date) throws -> Overview { try StoreFixtures.overview(store, at: time) }

    @Test("every grid in alarm gets one alarm, whichever wall reconciles first; untaken, it goes to the street by phone once")
    func raiseAndEscalate() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let clock = ManualClock(now)
        let notifier = RecordingNotifier()
        func desk() -> AlarmDesk {
            AlarmDesk(store: store, calls: CallDesk(store: store, notifier: notifier, clock: clock, timeout: 60, actor: "wall"),
                      clock: clock, escalateAfter: 600, actor: "wall")
        }
        let (one, two) = (desk(), desk())
        let first = try overview(store, at: now)
        let inAlarm = first.grids.filter { $0.assessment.status == .alarm }.map(\.grid.code)
        #expect(!inAlarm.isEmpty)
        #expect(one.hasWork(in: first) && first.alarmsOutOfStep == Set(inAlarm))
        #expect(Set(one.reconcile(first).raised.map(\.gridCode)) == Set(inAlarm))
        #expect(two.reconcile(first).raised.isEmpty)  // the other wall finds them standing
        let raised = try overview(store, at: now)
        #expect(raised.alarms.unacknowledged.count == inAlarm.count)
        #expect(!one.hasWork(in: raised) && raised.alarmsOutOfStep.isEmpty)

        // one is taken; the rest go up after ten minutes, once, to the street's duty officers
        let taken = try #require(raised.alarms.unacknowledged.first)
        _ = try store.acknowledgeAlarms(ids: [taken.id], by: "duty", at: now)
        clock.advance(by: 600)
        let later = try overview(store, at: clock.now())
        let report = one.reconcile(later)
        #expect(report.escalated.count == inAlarm.count - 1 && !report.escalated.contains { $0.id == taken.id })
        let officers = later.staffWithoutGrid.filter { $0.role == .streetOperator }.map(\.id)
        #expect(!officers.isEmpty && report.calls.count == officers.count * report.escalated.count)
        #expect(Set(report.calls.map(\.staffID)) == Set(officers))
        #expect(notifier.notices.count == report.calls.count)
        #expect(two.reconcile(try overview(store, at: clock.now())).escalated.isEmpty)
    }

    @Test("the clock stepped back and forward (NTP): no second alarm for a grid, none sent up early, each sent up once")
    func clockSteps() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let clock = ManualClock(now)
        let desk = AlarmDesk(store: store, calls: CallDesk(store: store, notifier: RecordingNotifier(), clock: clock, timeout: 60, actor: "wall"),
                             clock: clock, escalateAfter: 600, actor: "wall")
        let raised = desk.reconcile(try overview(store, at: now)).raised
        #expect(!raised.isEmpty)
        // back five minutes: nothing raised again, nothing sent up (the alarms are "from the future")
        clock.advance(by: -300)
        let back = desk.reconcile(try overview(store, at: clock.now()))
        #expect(back.raised.isEmpty && back.escalated.isEmpty)
        // forward to nine minutes after they were raised: still not sent up; at ten, once each
        clock.advance(by: 300 + 540)
        #expect(desk.reconcile(try overview(store, at: clock.now())).escalated.isEmpty)
        clock.advance(by: 60)
        #expect(desk.reconcile(try overview(store, at: clock.now())).escalated.count == raised.count)
        clock.advance(by: -120)
        _ = desk.reconcile(try overview(store, at: clock.now()))
        clock.advance(by: 240)
        #expect(desk.reconcile(try overview(store, at: clock.now())).escalated.isEmpty)
        let sentUp = try store.events(after: 0, limit: 10_000).filter { $0.kind == .alarmEscalated }
        #expect(sentUp.count == raised.count)
    }

    @Test("a grid that leaves alarm has its alarm cleared, kept on the queue")
    func clear() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let clock = ManualClock(now)
        let desk = AlarmDesk(store: store, calls: CallDesk(store: store, notifier: RecordingNotifier(), clock: clock, timeout: 60, actor: "wall"),
                             clock: clock, escalateAfter: 600, actor: "wall")
        // an alarm standing on a grid that is not in alarm (JB01 is quiet in the demo)
        let stray = try #require(try store.raiseAlarm(gridCode: "JB01", reasons: ["overdue"], at: now))
        let report = desk.reconcile(try overview(store, at: now))
        #expect(report.cleared.map(\.id) == [stray.id])
        let after = try overview(store, at: now)
        #expect(after.alarms.standing(ofGrid: "JB01") == nil && after.alarms.alarm(stray.id)?.clearedAt == now)
    }
}
