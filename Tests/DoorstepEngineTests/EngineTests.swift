import DoorstepDomain
import DoorstepEngine
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// A store that can be told to fail, for staleness, or to report its newest sequence number
/// one behind (`lagging`: a write landing between the engine reading the sequence and the rest).
final class FlakyStore: DoorstepStore, @unchecked Sendable {
    let inner: any DoorstepStore
    private let lock = NSLock()
    private var failing = false
    private var lag: Int64 = 0

    var lagging: Bool {
        get { lock.withLock { lag > 0 } }
        set { lock.withLock { lag = newValue ? 1 : 0 } }
    }

    init(_ inner: any DoorstepStore) { self.inner = inner }

    func fail(_ on: Bool) {
        lock.lock()
        failing = on
        lock.unlock()
    }

    private func check() throws {
        lock.lock()
        defer { lock.unlock() }
        if failing { throw StoreError.unavailable("disk unplugged") }
    }

    func loadAll(at now: Date) throws -> StreetData { try check(); return try inner.loadAll(at: now) }
    func lastSequence() throws -> Int64 { try check(); return try inner.lastSequence() - lock.withLock { lag } }
    func events(after sequence: Int64, limit: Int) throws -> [ChangeEvent] { try check(); return try inner.events(after: sequence, limit: limit) }
    func recentEvents(limit: Int) throws -> [ChangeEvent] { try check(); return try inner.recentEvents(limit: limit) }
    func tickets(ids: [String]) throws -> [Ticket] { try check(); return try inner.tickets(ids: ids) }
    func staff(ids: [String]) throws -> [Staff] { try check(); return try inner.staff(ids: ids) }
    func calls(ids: [String]) throws -> [Call] { try check(); return try inner.calls(ids: ids) }
    func visits(ids: [String]) throws -> [Visit] { try check(); return try inner.visits(ids: ids) }
    func tickets(state: TicketState?, limit: Int) throws -> [Ticket] { try check(); return try inner.tickets(state: state, limit: limit) }
    func loadCategories() throws -> [String: TicketCategory] { try check(); return try inner.loadCategories() }
    func ringingCalls() throws -> [Call] { try check(); return try inner.ringingCalls() }
    func history(of ticketID: String) throws -> [TicketHistoryEntry] { try check(); return try inner.history(of: ticketID) }
    func recordReveal(of subject: String, by actor: String, at time: Date) throws {
        try inner.recordReveal(of: subject, by: actor, at: time)
    }
    func replaceAll(with data: StreetData, at time: Date) throws { try inner.replaceAll(with: data, at: time) }
    func order(_ request: OrderRequest, by actor: String, at time: Date) throws -> Ticket { try inner.order(request, by: actor, at: time) }
    func order(_ requests: [OrderRequest], by actor: String, at time: Date) throws -> [Ticket] { try inner.order(requests, by: actor, at: time) }
    func act(on ticketID: String, _ action: TicketAction, by actor: String, at time: Date) throws -> Ticket {
        try inner.act(on: ticketID, action, by: actor, at: time)
    }
    func setDuty(staffID: String, _ duty: DutyState, by actor: String, at time: Date) throws -> Staff {
        try inner.setDuty(staffID: staffID, duty, by: actor, at: time)
    }
    func logVisit(householdID: String, staffID: String, at time: Date) throws -> Visit {
        try inner.logVisit(householdID: householdID, staffID: staffID, at: time)
    }
    func placeCalls(to staffIDs: [String], gridCode: String?, by actor: String, at time: Date) throws -> [Call] {
        try inner.placeCalls(to: staffIDs, gridCode: gridCode, by: actor, at: time)
    }
    func acknowledge(callID: String, staffID: String, accept: Bool, timeout: TimeInterval, at time: Date) throws -> Call {
        try inner.acknowledge(callID: callID, staffID: staffID, accept: accept, timeout: timeout, at: time)
    }
    func upsert(households: [Household], source: String, at time: Date) throws -> Int { try inner.upsert(households: households, source: source, at: time) }
    func escalate(callID: String, to staffIDs: [String], timeout: TimeInterval, by actor: String, at time: Date) throws -> [Call] {
        try inner.escalate(callID: callID, to: staffIDs, timeout: timeout, by: actor, at: time)
    }
    func upsert(staff: [Staff], source: String, at time: Date) throws -> Int { try inner.upsert(staff: staff, source: source, at: time) }
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
}
