import DoorstepDomain

/// What went wrong in the store, said so the person at the keyboard can act on it.
public enum StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// No database at the path.
    case missingDatabase(String)
    /// The database could not be opened or used; `fault` says why, when the store could tell.
    case unavailable(String, fault: StorageFault? = nil)
    /// A grid, staff member, ticket, household or call that does not exist.
    case notFound(kind: String, id: String)
    /// The action does not fit the ticket's current state; `lastMove` says who moved it there and when.
    case conflict(TransitionError, lastMove: LastMove?)
    /// A call that cannot be acknowledged any more.
    case call(CallError)
    /// Input that breaks a rule (empty title, bad score, …).
    case invalid(String)
    /// Something stored by another writer that this version cannot read.
    case corrupt(String)
    /// The operator acting may not do this (their role, or outside their scope).
    case forbidden(String)

    /// Why the store is unavailable, when it could tell.
    public var fault: StorageFault? {
        if case .unavailable(_, let fault) = self { return fault }
        return nil
    }

    public var description: String {
        switch self {
        case .missingDatabase(let path):
            return "no database at \(path) (create one with `doorstep init --db \(path)`)"
        case .unavailable(let reason, _): return "database unavailable: \(reason)"
        case .notFound(let kind, let id): return "no \(kind) '\(id)'"
        case .conflict(let error, let last):
            return last.map { "\(error) (by \($0.actor) at \($0.at.formatted(.iso8601)))" } ?? error.description
        case .call(let error): return error.description
        case .invalid(let message): return message
        case .corrupt(let message): return "unreadable stored data: \(message)"
        case .forbidden(let message): return "refused: \(message)"
        }
    }
}
