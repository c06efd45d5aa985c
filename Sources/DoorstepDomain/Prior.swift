import Foundation

/// What a changed row held just before a change, where the change itself does not say and a
/// replay needs it (回放): a person's duty, a call-in's state, a ticket's standing, a care
/// service's last time given. Kept with
/// the event (nil in events written before it was kept, and for every other change).
public enum Prior: Hashable, Sendable {
    /// A person's duty before it changed.
    case duty(DutyState)
    /// A call-in's state before its answer.
    case callIn(CallIn.State)
    /// A ticket's standing before it moved.
    case ticket(TicketStanding)
    /// When a care service was last given before this time (nil: never).
    case serviceLastDone(Date?)
}

/// The part of a ticket that moves along 点单 → 派单 → 接单 → 办结 → 评价 (its grid, state, stage
/// clock, assignee, note, rating and times): enough to put a ticket back as it stood.
public struct TicketStanding: Hashable, Sendable, Codable {
    public var gridCode: String
    public var state: TicketState
    public var stateSince: Date
    public var assigneeID: String?
    public var resolutionNote: String?
    public var rating: Int?
    public var dispatchedAt: Date?
    public var acceptedAt: Date?

    public init(_ ticket: Ticket) {
        gridCode = ticket.gridCode
        state = ticket.state
        stateSince = ticket.stateSince
        assigneeID = ticket.assigneeID
        resolutionNote = ticket.resolutionNote
        rating = ticket.rating
        dispatchedAt = ticket.dispatchedAt
        acceptedAt = ticket.acceptedAt
    }

    /// `ticket` put back to this standing.
    public func applied(to ticket: Ticket) -> Ticket {
        var back = ticket
        back.gridCode = gridCode
        back.state = state
        back.stateSince = stateSince
        back.assigneeID = assigneeID
        back.resolutionNote = resolutionNote
        back.rating = rating
        back.dispatchedAt = dispatchedAt
        back.acceptedAt = acceptedAt
        return back
    }
}
