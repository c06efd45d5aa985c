import Foundation

/// One line of a ticket's history as the store recorded it: who moved it from which state
/// to which, when, and what the move carried (the title ordered, the note, the score, the reason).
public struct TicketHistoryEntry: Hashable, Sendable {
    /// Nil for the order that created it.
    public var from: TicketState?
    public var to: TicketState
    public var change: TicketChange
    public var actor: String
    public var at: Date

    public init(from: TicketState?, to: TicketState, change: TicketChange, actor: String, at: Date) {
        self.from = from
        self.to = to
        self.change = change
        self.actor = actor
        self.at = at
    }
}
