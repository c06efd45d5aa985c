import DoorstepDomain
import DoorstepStore
import Foundation

/// What the engine hands the screen: an immutable read model and how fresh it is.
public struct EngineSnapshot: Sendable {
    public var overview: Overview
    /// The newest event absorbed.
    public var sequence: Int64
    /// Set while the store cannot be read: the time the first failed poll happened.
    public var staleSince: Date?
    /// The store's complaint while stale.
    public var problem: String?
    /// The latest changes, newest first (the event ticker).
    public var recentEvents: [ChangeEvent]
}

/// The polling domain engine: follows the store's event log and keeps the read models
/// current. Each `poll()` reads the events after the last sequence seen, re-reads exactly what
/// they name, and re-evaluates the time-driven rules (deadlines, call timeouts) against the
/// clock. A failed poll keeps the last data and marks the snapshot stale.
///
/// Confined to one thread (the polling thread); hand its snapshots to others.
public final class Engine: @unchecked Sendable {
    let store: any DoorstepStore
    let clock: any Clock
    let calendar: Calendar
    let callTimeout: TimeInterval
    /// Events read per round trip.
    let batch = 2_000
    /// Events kept for the ticker.
    let recentLimit = 50

    private var data: StreetData?
    /// The clock-independent part of the read model, rebuilt only when the data or the month changes.
    private var base: OverviewBase?
    private var sequence: Int64 = 0
    private var recent: [ChangeEvent] = []
    private var staleSince: Date?

    public init(store: any DoorstepStore, clock: any Clock, calendar: Calendar, callTimeout: TimeInterval = Call.defaultTimeout) {
        self.store = store
        self.clock = clock
        self.calendar = calendar
        self.callTimeout = callTimeout
    }

    /// One poll. Nil only when the store has never been readable.
    public func poll() -> EngineSnapshot? {
        let now = clock.now()
        var problem: String?
        do {
            try absorb()
            staleSince = nil
        } catch {
            if staleSince == nil { staleSince = now }
            problem = "\(error)"
        }
        guard let data else { return nil }
        let month = OverviewBase.month(of: now, calendar: calendar)
        if base == nil || base?.month != month { base = OverviewBase(data: data, month: month) }
        guard let base else { return nil }
        return EngineSnapshot(
            overview: Overview(base: base, now: now, calendar: calendar, callTimeout: callTimeout), sequence: sequence,
            staleSince: staleSince, problem: problem, recentEvents: recent)
    }

    private func absorb() throws {
        guard data != nil else {
            let last = try store.lastSequence()  // read first: anything later is re-applied, harmlessly
            data = try store.loadAll()
            base = nil
            sequence = last
            recent = try store.recentEvents(limit: recentLimit)
            return
        }
        while true {
            let events = try store.events(after: sequence, limit: batch)
            guard let newest = events.last else { return }
            try apply(events)
            base = nil
            sequence = newest.sequence
            recent = Array((events.reversed() + recent).prefix(recentLimit))
            if events.count < batch { return }
        }
    }

    /// Re-reads what the events name and puts it in place.
    private func apply(_ events: [ChangeEvent]) throws {
        guard var current = data else { return }
        if events.contains(where: { $0.kind == "init" || $0.kind.hasPrefix("import.") }) {
            data = try store.loadAll()
            return
        }
        var tickets = Set<String>(), staff = Set<String>(), calls = Set<String>(), visits = Set<String>()
        for event in events {
            switch event.kind {
            case let kind where kind.hasPrefix("ticket."): tickets.insert(event.subject)
            case let kind where kind.hasPrefix("call."): calls.insert(event.subject)
            case "duty": staff.insert(event.subject)
            case "visit": visits.insert(event.subject)
            default: break
            }
        }
        Self.merge(try store.tickets(ids: Array(tickets)), into: &current.tickets)
        Self.merge(try store.staff(ids: Array(staff)), into: &current.staff)
        Self.merge(try store.calls(ids: Array(calls)), into: &current.calls)
        Self.merge(try store.visits(ids: Array(visits)), into: &current.visits)
        data = current
    }

    /// Replaces rows with the same id, appends new ones (keeping the data set's order).
    static func merge<T: Identifiable>(_ fresh: [T], into rows: inout [T]) where T.ID == String {
        guard !fresh.isEmpty else { return }
        var byID = Dictionary(fresh.map { ($0.id, $0) }, uniquingKeysWith: { _, new in new })
        for index in rows.indices {
            if let replacement = byID.removeValue(forKey: rows[index].id) { rows[index] = replacement }
        }
        rows += fresh.filter { byID[$0.id] != nil }
    }
}
