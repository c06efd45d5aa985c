import DoorstepDomain
import DoorstepEngine
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Synchronization
import Testing

/// A change feed that can be told to fail, for staleness, or to report its newest sequence
/// number one behind (`lagging`: a write landing between the engine reading the sequence and
/// the rest). The engine needs the feed alone, so this is all a test double must be.
final class FlakyStore: ChangeFeed {
    let inner: any ChangeFeed
    private let state = Mutex((failing: false, lag: Int64(0)))

    var lagging: Bool {
        get { state.withLock { $0.lag > 0 } }
        set { state.withLock { $0.lag = newValue ? 1 : 0 } }
    }

    init(_ inner: any ChangeFeed) { self.inner = inner }

    func fail(_ on: Bool) { state.withLock { $0.failing = on } }

    private func check() throws {
        if state.withLock({ $0.failing }) { throw StoreError.unavailable("disk unplugged") }
    }

    func loadAll(at now: Date) throws -> CentreData { try check(); return try inner.loadAll(at: now) }
    func lastSequence() throws -> Int64 { try check(); return try inner.lastSequence() - state.withLock { $0.lag } }
    func events(after sequence: Int64, limit: Int) throws -> [ChangeEvent] { try check(); return try inner.events(after: sequence, limit: limit) }
    func recentEvents(limit: Int) throws -> [ChangeEvent] { try check(); return try inner.recentEvents(limit: limit) }
    func tickets(ids: [String]) throws -> [Ticket] { try check(); return try inner.tickets(ids: ids) }
    func staff(ids: [String]) throws -> [Staff] { try check(); return try inner.staff(ids: ids) }
    func calls(ids: [String]) throws -> [Call] { try check(); return try inner.calls(ids: ids) }
    func visits(ids: [String]) throws -> [Visit] { try check(); return try inner.visits(ids: ids) }
    func callIns(ids: [String]) throws -> [CallIn] { try check(); return try inner.callIns(ids: ids) }
    func carePlans(ids: [String]) throws -> [CarePlan] { try check(); return try inner.carePlans(ids: ids) }
    func placeVisits(ids: [String]) throws -> [PlaceVisit] { try check(); return try inner.placeVisits(ids: ids) }
    func alarms(ids: [String]) throws -> [Alarm] { try check(); return try inner.alarms(ids: ids) }
}

@Suite("Polling engine")
struct EngineTests {
    let now = StoreFixtures.now

    func status(_ snapshot: EngineSnapshot?, _ grid: String) -> GridStatus? {
        snapshot?.overview.grids.first { $0.grid.code == grid }?.assessment.status
    }

    @Test("a write between reading the sequence and the ticker at start shows once in the ticker")
    func tickerWithoutDuplicates() throws {
        let (database, writer) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let store = FlakyStore(try SQLiteStore(path: database.path, readOnly: true))
        let engine = Engine(store: store, clock: ManualClock(now), calendar: StoreFixtures.calendar)
        _ = try writer.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐"), by: "resident", at: now)
        store.lagging = true  // the start reads the sequence before that order, the ticker after it
        _ = try #require(engine.poll())
        store.lagging = false
        let next = try #require(engine.poll())
        let sequences = next.recentEvents.map(\.sequence)
        #expect(Set(sequences).count == sequences.count, "ticker: \(sequences)")
        #expect(next.overview.figures.openTickets == 44)
    }

    @Test("a ticket ordered through another connection is in the next poll")
    func otherConnection() throws {
        let (database, writer) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let reader = try SQLiteStore(path: database.path, readOnly: true)
        let engine = Engine(store: reader, clock: ManualClock(now), calendar: StoreFixtures.calendar)
        let first = try #require(engine.poll())
        #expect(first.overview.figures.openTickets == 43)
        let ticket = try writer.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐"), by: "resident", at: now)
        let second = try #require(engine.poll())
        #expect(second.overview.openTickets.contains { $0.ticket.id == ticket.id })
        #expect(second.overview.figures.openTickets == 44)
        #expect(second.sequence == first.sequence + 1)
        #expect(second.recentEvents.first?.subject == ticket.id)
        _ = try writer.act(on: ticket.id, .cancel(reason: "重复"), by: "S0001", at: now)
        #expect(engine.poll()?.overview.figures.openTickets == 43)
    }

    @Test("民情气象站: counted from the second poll on (not the first frame's), again after five minutes, and a new order is in the next count")
    func trendsCounted() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let clock = ManualClock(now)
        let engine = Engine(store: store, clock: clock, calendar: StoreFixtures.calendar)
        #expect(engine.poll()?.overview.trends == nil)
        clock.advance(by: 1)
        let counted = try #require(engine.poll()?.overview.trends)
        #expect(counted.asOf == clock.now())
        let before = counted.weekly.last ?? 0
        _ = try store.order(OrderRequest(gridCode: "JB03", categoryCode: "mediation", title: "楼上漏水纠纷"), by: "resident", at: clock.now())
        clock.advance(by: 60)
        #expect(engine.poll()?.overview.trends?.weekly.last == before)  // counted every five minutes, not every poll
        clock.advance(by: Engine.trendsEvery)
        let recounted = try #require(engine.poll()?.overview.trends)
        #expect(recounted.weekly.last == before + 1)
        #expect(recounted.weeklyByGrid["JB03"]?.last ?? 0 >= 1)
    }

    @Test("time alone turns a grid red: a deadline passes with no event")
    func timeDriven() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let clock = ManualClock(now)
        let engine = Engine(store: store, clock: clock, calendar: StoreFixtures.calendar)
        // hazard: 10 minutes to dispatch; JB02 has nothing else going on
        _ = try store.order(OrderRequest(gridCode: "JB02", categoryCode: "hazard", title: "燃气泄漏"), by: "resident", at: now)
        #expect(status(engine.poll(), "JB02") == .normal)
        clock.advance(by: 9 * 60)
        #expect(status(engine.poll(), "JB02") == .attention)
        clock.advance(by: 61)
        let late = engine.poll()
        #expect(status(late, "JB02") == .alarm)
        #expect(late?.overview.grids.first { $0.grid.code == "JB02" }?.assessment.reasons.first == .overdueTickets(1))
    }

    @Test("a call unanswered past the timeout turns the grid red; answering in time does not")
    func missedCall() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let clock = ManualClock(now)
        let engine = Engine(store: store, clock: clock, calendar: StoreFixtures.calendar, callTimeout: 60)
        let calls = try store.placeCalls(to: ["S0002", "S0017"], gridCode: nil, by: "operator", at: now)
        _ = try store.acknowledge(callID: calls[0].id, staffID: "S0002", accept: true, timeout: 60, at: now.addingTimeInterval(5))
        #expect(status(engine.poll(), "JB01") == .normal)
        clock.advance(by: 61)
        let snapshot = engine.poll()
        let s0017grid = try #require(try store.staff(ids: ["S0017"]).first?.gridCode)
        #expect(status(snapshot, s0017grid) == .alarm)
        #expect(status(snapshot, "JB01") == .normal)
        #expect(snapshot?.overview.calls.first { $0.call.id == calls[1].id }?.state == .missed)
    }

    @Test("the clock set back (NTP, a replay stepping back) undoes what time alone had judged: a call missed at the later instant rings again")
    func clockSetBack() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let clock = ManualClock(now)
        let engine = Engine(store: store, clock: clock, calendar: StoreFixtures.calendar, callTimeout: 60)
        let call = try #require(try store.placeCalls(to: ["S0017"], gridCode: nil, by: "operator", at: now).first)
        let grid = try #require(try store.staff(ids: ["S0017"]).first?.gridCode)
        _ = engine.poll()
        clock.advance(by: 90)
        #expect(status(engine.poll(), grid) == .alarm)
        clock.advance(by: -60)
        let back = engine.poll()
        #expect(back?.overview.calls.first { $0.call.id == call.id }?.state == .ringing)
        #expect(status(back, grid) != .alarm)
        #expect(back.map { $0.overview.asOf } == clock.now())
    }

    @Test("an unreadable store keeps the last data and says since when it is stale")
    func stale() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let flaky = FlakyStore(store)
        let clock = ManualClock(now)
        let engine = Engine(store: flaky, clock: clock, calendar: StoreFixtures.calendar)
        #expect(engine.poll()?.staleSince == nil)
        flaky.fail(true)
        clock.advance(by: 5)
        let first = try #require(engine.poll())
        #expect(first.staleSince == now.addingTimeInterval(5))
        #expect(first.problem?.contains("disk unplugged") == true)
        #expect(first.overview.grids.count == 64)
        clock.advance(by: 5)
        #expect(engine.poll()?.staleSince == now.addingTimeInterval(5))  // since the first failure
        flaky.fail(false)
        #expect(engine.poll()?.staleSince == nil)
    }

    @Test("the polling loop delivers snapshots to another thread without being asked")
    func loop() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let loop = PollingLoop(engine: Engine(store: store, clock: SystemClock(), calendar: StoreFixtures.calendar), interval: 0.05)
        #expect(loop.start() != nil)
        defer { loop.stop() }
        _ = loop.takeNew()
        let ticket = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐"), by: "resident", at: Date())
        let deadline = Date().addingTimeInterval(30)
        var seen = false
        while !seen, Date() < deadline {
            seen = loop.takeNew()?.overview.openTickets.contains { $0.ticket.id == ticket.id } ?? false
            if !seen { Thread.sleep(forTimeInterval: 0.02) }
        }
        #expect(seen)
    }

    @Test("news a poll was asked for with push (a commit elsewhere) is pushed to the screen; a poll asked for without, and the loop's own, are not")
    func pushed() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        // a long interval: within the test, only asked-for polls run
        let loop = PollingLoop(engine: Engine(store: store, clock: SystemClock(), calendar: StoreFixtures.calendar), interval: 600)
        let pushes = Mutex(0)
        loop.whenPushed { pushes.withLock { $0 += 1 } }
        #expect(loop.start() != nil)
        defer { loop.stop() }
        _ = loop.takeNew()
        // the second poll counts the trends (news, not pushed): wait for it
        loop.pollSoon()
        let counted = Date().addingTimeInterval(30)
        while loop.takeNew()?.overview.trends == nil, Date() < counted { Thread.sleep(forTimeInterval: 0.01) }
        loop.pollSoon(push: true)  // nothing new: no push
        let quiet = Date().addingTimeInterval(1)
        while (loop.lastPoll ?? .distantPast) < quiet.addingTimeInterval(-1), Date() < quiet { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(pushes.withLock { $0 } == 0)
        // news from this process's own write (asked for without push): taken at the next second, not pushed
        let own = try store.order(OrderRequest(gridCode: "JB02", categoryCode: "care", title: "助浴"), by: "resident", at: Date())
        loop.pollSoon()
        let first = Date().addingTimeInterval(30)
        while loop.takeNew()?.overview.openTickets.contains(where: { $0.ticket.id == own.id }) != true, Date() < first {
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(pushes.withLock { $0 } == 0)
        let ticket = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐"), by: "resident", at: Date())
        loop.pollSoon(push: true)
        let deadline = Date().addingTimeInterval(30)
        while pushes.withLock({ $0 }) == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(pushes.withLock { $0 } == 1)
        #expect(loop.takeNew()?.overview.openTickets.contains { $0.ticket.id == ticket.id } == true)
    }

    @Test("the loop says when it last polled, news or not; stopped, it says so no more")
    func lastPoll() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let loop = PollingLoop(engine: Engine(store: store, clock: SystemClock(), calendar: StoreFixtures.calendar), interval: 0.05)
        #expect(loop.lastPoll == nil)
        let first = try #require(loop.start())
        #expect(loop.lastPoll == first.overview.asOf)
        // nothing changes, yet the polls go on: the time moves
        let deadline = Date().addingTimeInterval(30)
        while (loop.lastPoll ?? .distantPast) <= first.overview.asOf, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect((loop.lastPoll ?? .distantPast) > first.overview.asOf)
        loop.stop()
        let stopped = loop.lastPoll
        Thread.sleep(forTimeInterval: 0.2)
        #expect(loop.lastPoll == stopped)
    }
}
