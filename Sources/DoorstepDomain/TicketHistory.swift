import Foundation

/// One line of a ticket's history as the store recorded it: who moved it from which state
/// to which, when, and with what detail (the note, the score, the reason).
public struct TicketHistoryEntry: Hashable, Sendable {
    public var from: TicketState?
    public var to: TicketState
    /// The verb, as the command line spells it (ordered for the creation).
    public var verb: String
    public var actor: String
    public var at: Date
    public var detail: String

    public init(from: TicketState?, to: TicketState, verb: String, actor: String, at: Date, detail: String) {
        self.from = from
        self.to = to
        self.verb = verb
        self.actor = actor
        self.at = at
        self.detail = detail
    }
}
