import Foundation

/// What tickets add to the figures: resolved today, the day's accept times, the month's
/// ratings (time series), and what each ticket that can still move on added, so a move
/// takes back exactly what it had added.
struct OutcomeLedger: Sendable {
    /// For tickets that can still move on and add anything (rated and cancelled tickets are
    /// final; only their entries in the series remain).
    private var outcomes: [String: TicketOutcome] = [:]
    private(set) var resolved = TimeSeries()
    private(set) var acceptances = TimeSeries()
    private(set) var ratings = TimeSeries()

    init() {}

    /// What every ticket, open or closed, counts in the figures.
    init(tickets: [Ticket], closed: [TicketOutcome]) {
        outcomes.reserveCapacity(tickets.count * 2)
        var resolvedEntries: [(Date, Double)] = [], acceptEntries: [(Date, Double)] = [], ratingEntries: [(Date, Double)] = []
        for outcome in tickets.lazy.map(TicketOutcome.init) + closed {
            if outcome.canChange, outcome.contributes { outcomes[outcome.id] = outcome }
            if let at = outcome.resolvedAt { resolvedEntries.append((at, 1)) }
            if let a = outcome.acceptance { acceptEntries.append((a.at, a.minutes)) }
            if let r = outcome.scored { ratingEntries.append((r.at, Double(r.score))) }
        }
        resolved = TimeSeries(resolvedEntries)
        acceptances = TimeSeries(acceptEntries)
        ratings = TimeSeries(ratingEntries)
    }

    /// A ticket's fresh row: what it added before is taken back, what it adds now put in.
    mutating func apply(_ ticket: Ticket) {
        // a ticket not held here closed long ago: what it added has left every window
        if let old = outcomes.removeValue(forKey: ticket.id) { forget(old) }
        let outcome = TicketOutcome(ticket)
        if outcome.canChange, outcome.contributes { outcomes[ticket.id] = outcome }
        remember(outcome)
    }

    /// Drops what is older than every window (30 days of ratings): the series' entries, and,
    /// once an hour, the tickets held only to take back what they added, when all they added
    /// is older (a ticket resolved and never rated was held for ever: a wall running for months
    /// grew by every such ticket). One that moves on later is put in anew by `apply`.
    mutating func drop(before horizon: Date) {
        resolved.drop(before: horizon)
        acceptances.drop(before: horizon)
        ratings.drop(before: horizon)
        if let pruned = prunedAt, horizon.timeIntervalSince(pruned) < 3_600, horizon >= pruned { return }
        prunedAt = horizon
        outcomes = outcomes.filter { _, outcome in
            [outcome.resolvedAt, outcome.acceptance?.at, outcome.scored?.at].contains { $0.map { $0 >= horizon } ?? false }
        }
    }

    /// The horizon of the last pruning of `outcomes`.
    private var prunedAt: Date?

    /// How many tickets are held to be taken back (for tests).
    var held: Int { outcomes.count }

    private mutating func remember(_ outcome: TicketOutcome) {
        if let at = outcome.resolvedAt { resolved.insert(at, 1) }
        if let a = outcome.acceptance { acceptances.insert(a.at, a.minutes) }
        if let r = outcome.scored { ratings.insert(r.at, Double(r.score)) }
    }

    private mutating func forget(_ outcome: TicketOutcome) {
        if let at = outcome.resolvedAt { resolved.remove(at, 1) }
        if let a = outcome.acceptance { acceptances.remove(a.at, a.minutes) }
        if let r = outcome.scored { ratings.remove(r.at, Double(r.score)) }
    }
}
