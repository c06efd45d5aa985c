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
    /// Why, when the store could tell.
    public var fault: StorageFault?
    /// The latest changes, newest first (the event ticker).
    public var recentEvents: [ChangeEvent]
    /// What a screen shows of this snapshot, in brief: equal signatures, same screen (only
    /// the instant differs), so a poller need not hand it on.
    public var signature: Signature

    public struct Signature: Hashable, Sendable {
        var generation: Int
        var revision: Int
        var sequence: Int64
        var figures: Overview.Figures
        var callStates: [Call.State]
        var stale: Bool
        /// (a fault that changes while the data stays stale is news too: replaced, then deleted)
        var fault: StorageFault?
        var trendsRevision: Int
    }
}

/// The polling domain engine: follows the store's event log and keeps the read models
/// current. Each `poll()` reads the events after the last sequence seen, re-reads exactly what
/// they name, and re-evaluates the time-driven rules (deadlines, call timeouts) against the
/// clock. A failed poll keeps the last data and marks the snapshot stale.
///
/// `@unchecked Sendable` because it is confined, not locked: a `PollingLoop` makes the first
/// poll before its thread starts and every later one on that thread; a bench or a test polls
/// from the one thread that made it. Hand its snapshots (values) to other threads.
public final class Engine: @unchecked Sendable {
    let store: any ChangeFeed
    let clock: any Clock
    let calendar: Calendar
    let callTimeout: TimeInterval
    /// Events read per round trip.
    let batch = 2_000
    /// Events kept for the ticker (a community's or grid's wall keeps more, as it shows only its own).
    let recentLimit: Int

    /// The read model, kept current in place; rebuilt from the store only at start, after an
    /// `init` or import, and when the calendar month turns.
    private var live: LiveOverview?
    private var sequence: Int64 = 0
    /// How many times the model was built from scratch (its revision starts again each time).
    private var generation = 0
    private var recent: [ChangeEvent] = []
    private var staleSince: Date?
    /// 民情气象站, counted from the store's orders (when it keeps them) every `trendsEvery`
    /// seconds and when the day turns; not at the first poll, so the first frame does not wait.
    private var trends: ConcernTrends?
    /// When the trends are next counted: `trendsEvery` after the last count, or the next day's start if sooner.
    private var trendsUntil = Date.distantPast
    private var trendsCountedAt = Date.distantPast
    /// Counts that changed something (a count the same as the last is no news to a screen).
    private var trendsRevision = 0
    private var polls = 0
    /// The instant of the last poll (a later poll at an earlier instant builds afresh).
    private var absorbedAt = Date.distantPast
    public static let trendsEvery: TimeInterval = 300

    public init(store: any ChangeFeed, clock: any Clock, calendar: Calendar, callTimeout: TimeInterval = Call.defaultTimeout, recentLimit: Int = 50) {
        self.recentLimit = max(1, recentLimit)
        self.store = store
        self.clock = clock
        self.calendar = calendar
        self.callTimeout = callTimeout
    }

    /// One poll. Nil only when the store has never been readable.
    public func poll() -> EngineSnapshot? {
        let now = clock.now()
        var problem: String?
        var fault: StorageFault?
        do {
            try absorb(now: now)
            staleSince = nil
        } catch {
            if staleSince == nil { staleSince = now }
            problem = "\(error)"
            fault = (error as? StoreError)?.fault
        }
        guard var current = live else { return nil }
        live = nil  // keep the model uniquely referenced while it changes (no copy)
        var overview = current.overview(at: now)
        live = current
        polls += 1
        if polls > 1, trendsDue(at: now) { countTrends(overview, at: now) }
        overview.trends = trends
        let signature = EngineSnapshot.Signature(
            generation: generation, revision: current.revision, sequence: sequence, figures: overview.figures,
            callStates: overview.calls.map(\.state), stale: staleSince != nil, fault: fault, trendsRevision: trendsRevision)
        return EngineSnapshot(
            overview: overview, sequence: sequence, staleSince: staleSince, problem: problem, fault: fault, recentEvents: recent, signature: signature)
    }

    private func trendsDue(at now: Date) -> Bool {
        trends == nil || now >= trendsUntil || now < trendsCountedAt  // (a clock set back counts again too)
    }

    /// Counts the orders of the weeks the trends cover; a store that cannot be read keeps the
    /// last count (the figures and tiles say when the store is stale).
    private func countTrends(_ overview: Overview, at now: Date) {
        guard let history = store as? any OrderHistory,
              let orders = try? history.orders(createdSince: ConcernTrends.horizon(before: now)) else { return }
        let communities = Dictionary(overview.grids.map { ($0.grid.code, $0.grid.communityCode) }, uniquingKeysWith: { first, _ in first })
        let counted = ConcernTrends(orders: orders, communityOfGrid: communities, now: now, calendar: calendar)
        var same = counted
        same.asOf = trends?.asOf ?? now
        if same != trends {
            trends = counted
            trendsRevision += 1
        }
        trendsCountedAt = now
        let tomorrow = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now)) ?? now.addingTimeInterval(86_400)
        trendsUntil = min(now.addingTimeInterval(Self.trendsEvery), tomorrow)
    }

    private func absorb(now: Date) throws {
        if let month = live?.month, !month.contains(now) { live = nil }  // the month turned: count its must-visits afresh
        // a clock that went back (a replay stepped back, the system clock set back): the time-driven
        // judgements made since (a call missed, a deadline passed) are undone by building afresh
        if now < absorbedAt { live = nil }
        absorbedAt = now
        guard live != nil else {
            let last = try store.lastSequence()  // read first: anything later is re-applied, harmlessly
            try rebuild(now: now)
            sequence = last
            recent = try store.recentEvents(limit: recentLimit)
            return
        }
        while true {
            let changes = try store.changes(after: sequence, limit: batch)
            let events = changes.events
            guard let newest = events.last else {
                // a log that went back (a replay stepped back, a database restored from an older
                // copy): what was absorbed is no longer true, so build afresh
                if try store.lastSequence() < sequence {
                    live = nil
                    try absorb(now: now)
                }
                return
            }
            try apply(changes, now: now)
            sequence = newest.sequence
            // the ticker read at start may already hold the first of these (read after the sequence)
            let shown = recent.first?.sequence ?? 0
            recent = Array((events.filter { $0.sequence > shown }.reversed() + recent).prefix(recentLimit))
            if events.count < batch { return }
        }
    }

    /// The read model built afresh from the store's working set.
    private func rebuild(now: Date) throws {
        live = LiveOverview(data: try store.loadAll(at: now), now: now, calendar: calendar, callTimeout: callTimeout)
        generation += 1
    }

    /// Puts in place the rows the events name (read with them), or builds afresh when one of
    /// them replaced the territory or its people.
    private func apply(_ changes: ChangeBatch, now: Date) throws {
        guard var current = live else { return }
        if changes.rebuild {
            try rebuild(now: now)
            return
        }
        live = nil
        current.update(tickets: changes.tickets)
        current.update(staff: changes.staff)
        current.update(calls: changes.calls)
        current.update(visits: changes.visits)
        current.update(callIns: changes.callIns)
        current.update(carePlans: changes.carePlans)
        current.update(placeVisits: changes.placeVisits)
        current.update(alarms: changes.alarms)
        current.update(handovers: changes.handovers)
        current.update(fourClears: changes.clearsMoves)
        live = current
    }
}
