import DoorstepDomain
import DoorstepStore
import Foundation

/// 回放: the change feed as it was at the replay clock's time, over a store that is only read.
/// The engine and the wall run over it unchanged: events up to the replayed time are the feed,
/// and every row they name comes back as it stood then (`Rewind`).
///
/// The log is read once, from a month before the replay's start (the wall's working set) to
/// the newest event; each poll looks at the part of it up to the replayed time — the events in
/// the order they were written, up to the first one made after that time.
public final class ReplayFeed: ChangeFeed, OrderHistory, Sendable {
    public typealias Base = ChangeFeed & OrderHistory & StoreQueries
    let base: any Base
    let clock: any Clock
    /// The log, in the order it was written.
    let log: [ChangeEvent]
    let rewind: Rewind
    /// The newest event before the log's first (the feed's start when nothing is shown yet).
    let before: Int64

    /// The log may hold at most this many events from a month before the start to the newest.
    public static let logLimit = 2_000_000
    /// How far before the start the log is read: the wall's working set (a month of closed
    /// tickets, visits and alarms) and what a row changed since then was before.
    public static let window: TimeInterval = 31 * 86_400

    /// Reads the log for a replay starting at `start`; fails with a message when the store
    /// cannot be read or the log is too long to hold.
    public init(base: any Base, clock: any Clock, start: Date) throws {
        self.base = base
        self.clock = clock
        let log = try base.events(from: start.addingTimeInterval(-Self.window), to: .distantFuture, limit: Self.logLimit)
        guard log.count < Self.logLimit else {
            throw StoreError.invalid("more than \(Self.logLimit) events from a month before \(start) to now: replay a later start")
        }
        self.log = log
        self.rewind = Rewind(instant: start, log: log)
        let first = try log.first?.sequence ?? base.lastSequence() + 1
        self.before = max(0, first - 1)
    }

    /// The events written before the first made after `instant`.
    private func shown(at instant: Date) -> ArraySlice<ChangeEvent> {
        log[..<(log.firstIndex { $0.at > instant } ?? log.endIndex)]
    }

    /// Where `[` and `]` step from `instant`: the time of the event before the last one shown
    /// (it is then no longer shown), and of the first one not yet shown.
    public func stepTimes(from instant: Date) -> (back: Date?, forward: Date?) {
        let shown = shown(at: instant)
        guard let last = shown.last?.at else { return (nil, log.first?.at) }
        return (shown.last { event in event.at < last }?.at, log[shown.endIndex...].first?.at)
    }

    // MARK: ChangeFeed

    public func loadAll(at now: Date) throws -> CentreData {
        let r = rewind.at(now)
        var data = try base.loadAll(at: now)
        let touched = Set(log.lazy.filter { $0.at > now }.compactMap { event -> String? in
            if case .ticket(let id, _) = event.change { return id }
            return nil
        })
        data.tickets.removeAll { touched.contains($0.id) || $0.createdAt > now }
        data.outcomes.removeAll { touched.contains($0.id) }
        for ticket in try tickets(ids: Array(touched), at: r) {
            if ticket.state.isOpen { data.tickets.append(ticket) } else { data.outcomes.append(TicketOutcome(ticket)) }
        }
        data.staff = data.staff.map(r.staff)
        data.calls = data.calls.compactMap(r.call)
        data.visits = data.visits.compactMap(r.visit)
        data.callIns = data.callIns.compactMap(r.callIn)
        data.carePlans = data.carePlans.compactMap(r.carePlan)
        data.placeVisits = data.placeVisits.compactMap(r.placeVisit)
        data.alarms = data.alarms.compactMap(r.alarm)
        data.handovers = data.handovers.compactMap(r.handover)
        return data
    }

    public func lastSequence() throws -> Int64 { shown(at: clock.now()).last?.sequence ?? before }

    public func events(after sequence: Int64, limit: Int) throws -> [ChangeEvent] {
        Array(shown(at: clock.now()).lazy.filter { $0.sequence > sequence }.prefix(limit))
    }

    public func recentEvents(limit: Int) throws -> [ChangeEvent] { shown(at: clock.now()).suffix(limit).reversed() }

    public func tickets(ids: [String]) throws -> [Ticket] { try tickets(ids: ids, at: rewind.at(clock.now())) }

    private func tickets(ids: [String], at r: Rewind) throws -> [Ticket] {
        try base.tickets(ids: ids).compactMap { ticket in
            try r.ticket(ticket) { try base.history(of: ticket.id) }
        }
    }

    public func staff(ids: [String]) throws -> [Staff] { try base.staff(ids: ids).map(rewind.at(clock.now()).staff) }
    public func calls(ids: [String]) throws -> [Call] { try base.calls(ids: ids).compactMap(rewind.at(clock.now()).call) }
    public func visits(ids: [String]) throws -> [Visit] { try base.visits(ids: ids).compactMap(rewind.at(clock.now()).visit) }
    public func callIns(ids: [String]) throws -> [CallIn] { try base.callIns(ids: ids).compactMap(rewind.at(clock.now()).callIn) }
    public func carePlans(ids: [String]) throws -> [CarePlan] { try base.carePlans(ids: ids).compactMap(rewind.at(clock.now()).carePlan) }
    public func placeVisits(ids: [String]) throws -> [PlaceVisit] { try base.placeVisits(ids: ids).compactMap(rewind.at(clock.now()).placeVisit) }
    public func alarms(ids: [String]) throws -> [Alarm] { try base.alarms(ids: ids).compactMap(rewind.at(clock.now()).alarm) }
    public func handovers(ids: [String]) throws -> [Handover] { try base.handovers(ids: ids).compactMap(rewind.at(clock.now()).handover) }

    /// The events up to the replayed time and the rows they name as they stood then (read
    /// at one replayed instant, so the events and rows agree).
    public func changes(after sequence: Int64, limit: Int) throws -> ChangeBatch {
        let instant = clock.now()
        let r = rewind.at(instant)
        let events = Array(shown(at: instant).lazy.filter { $0.sequence > sequence }.prefix(limit))
        return try ChangeBatch(
            events: events, tickets: { try self.tickets(ids: $0, at: r) }, staff: { try self.base.staff(ids: $0).map(r.staff) },
            calls: { try self.base.calls(ids: $0).compactMap(r.call) }, visits: { try self.base.visits(ids: $0).compactMap(r.visit) },
            callIns: { try self.base.callIns(ids: $0).compactMap(r.callIn) }, carePlans: { try self.base.carePlans(ids: $0).compactMap(r.carePlan) },
            placeVisits: { try self.base.placeVisits(ids: $0).compactMap(r.placeVisit) }, alarms: { try self.base.alarms(ids: $0).compactMap(r.alarm) },
            handovers: { try self.base.handovers(ids: $0).compactMap(r.handover) })
    }

    // MARK: OrderHistory

    public func orders(createdSince start: Date) throws -> [OrderFacts] {
        let r = rewind.at(clock.now())
        return try base.orders(createdSince: start).compactMap(r.order)
    }

    public func events(from start: Date, to end: Date, limit: Int) throws -> [ChangeEvent] {
        try base.events(from: start, to: min(end, clock.now().addingTimeInterval(0.001)), limit: limit)
    }
}
