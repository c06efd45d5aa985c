import Foundation

/// What one ticket adds to the headline figures, without its text: when it was resolved (for
/// "resolved today"), how long it waited to be accepted, and its rating. Closed tickets are
/// kept in memory only in this form.
public struct TicketOutcome: Hashable, Sendable, Identifiable {
    public var id: String
    public var state: TicketState
    public var stateSince: Date
    public var dispatchedAt: Date?
    public var acceptedAt: Date?
    public var rating: Int?

    public init(id: String, state: TicketState, stateSince: Date, dispatchedAt: Date? = nil, acceptedAt: Date? = nil, rating: Int? = nil) {
        self.id = id
        self.state = state
        self.stateSince = stateSince
        self.dispatchedAt = dispatchedAt
        self.acceptedAt = acceptedAt
        self.rating = rating
    }

    public init(_ ticket: Ticket) {
        self.init(id: ticket.id, state: ticket.state, stateSince: ticket.stateSince, dispatchedAt: ticket.dispatchedAt,
                  acceptedAt: ticket.acceptedAt, rating: ticket.rating)
    }

    /// False once nothing more can happen to it (rated, cancelled).
    public var canChange: Bool { state != .rated && state != .cancelled }

    /// True when it adds anything to a figure (most open tickets add nothing yet).
    public var contributes: Bool { resolvedAt != nil || acceptance != nil || scored != nil }

    /// When it counts as resolved (办结), if it does.
    public var resolvedAt: Date? { state == .resolved || state == .rated ? stateSince : nil }

    /// When it was accepted and the minutes from dispatch to accept, if both are known.
    public var acceptance: (at: Date, minutes: Double)? {
        guard let accepted = acceptedAt, let dispatched = dispatchedAt else { return nil }
        return (accepted, accepted.timeIntervalSince(dispatched) / 60)
    }

    /// When it was rated and the score, if it was.
    public var scored: (at: Date, score: Int)? {
        guard state == .rated, let rating else { return nil }
        return (stateSince, rating)
    }
}
