import Foundation

/// One entry of the event log: every change to the store appends one, and its sequence
/// number is the change feed the polling engine follows.
public struct ChangeEvent: Hashable, Sendable, Identifiable {
    /// What changed: `ticket.<action>`, `duty`, `visit`, `call.placed`, `call.answered`,
    /// `call.declined`, `import.households`, `import.staff`, `init`.
    public var kind: String
    public var sequence: Int64
    public var at: Date
    /// The id of what changed (a ticket, staff member, call, visit, or the file imported).
    public var subject: String
    /// Who did it.
    public var actor: String
    /// A short human-readable detail (the new state, the note, the score …).
    public var detail: String
    public var id: Int64 { sequence }

    public init(sequence: Int64, at: Date, kind: String, subject: String, actor: String, detail: String) {
        self.sequence = sequence
        self.at = at
        self.kind = kind
        self.subject = subject
        self.actor = actor
        self.detail = detail
    }
}
