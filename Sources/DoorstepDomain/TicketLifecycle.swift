import Foundation

/// Something a person does to a ticket. Each moves it along 点单 → 派单 → 接单 → 办结 → 评价,
/// or out of the loop (上交, 撤销).
public enum TicketAction: Hashable, Sendable {
    /// 派单: the community sends it to a grid, optionally to one person.
    case dispatch(gridCode: String, assigneeID: String?)
    /// 接单: a grid worker takes it.
    case accept(staffID: String)
    /// 办结: the worker resolves it, saying how.
    case resolve(staffID: String, note: String)
    /// 评价: the resident scores the result, 1 to 5.
    case rate(score: Int)
    /// 上交: pushed up to the community or the street — a visible cost.
    case escalate
    /// 撤销, with the reason.
    case cancel(reason: String)

    /// The verb, as the command line spells it.
    public var verb: String {
        switch self {
        case .dispatch: return "dispatch"
        case .accept: return "accept"
        case .resolve: return "resolve"
        case .rate: return "rate"
        case .escalate: return "escalate"
        case .cancel: return "cancel"
        }
    }

    /// The states this action may start from.
    public var allowedFrom: Set<TicketState> {
        switch self {
        case .dispatch: return [.ordered, .escalated]
        case .accept: return [.dispatched]
        case .resolve: return [.accepted, .escalated]
        case .rate: return [.resolved]
        case .escalate: return [.ordered, .dispatched, .accepted]
        case .cancel: return [.ordered, .dispatched, .accepted, .escalated]
        }
    }

    /// The state the action leads to.
    public var target: TicketState {
        switch self {
        case .dispatch: return .dispatched
        case .accept: return .accepted
        case .resolve: return .resolved
        case .rate: return .rated
        case .escalate: return .escalated
        case .cancel: return .cancelled
        }
    }
}

/// One recorded transition: who moved which ticket from where to where, and when.
public struct TicketTransition: Hashable, Sendable {
    public var ticketID: String
    public var from: TicketState
    public var to: TicketState
    public var action: TicketAction
    public var actor: String
    public var at: Date
}

/// An action the ticket's current state does not allow, said so a person can act on it.
public struct TransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var ticketID: String
    public var state: TicketState
    public var action: TicketAction
    public var reason: String

    public var description: String { "cannot \(action.verb) \(ticketID): \(reason)" }

    public init(ticketID: String, state: TicketState, action: TicketAction, reason: String) {
        self.ticketID = ticketID
        self.state = state
        self.action = action
        self.reason = reason
    }
}

/// Who last moved a ticket, to which state and when: in a refusal, the operator who got there first.
public struct LastMove: Hashable, Sendable {
    public var actor: String
    public var to: TicketState
    public var at: Date

    public init(actor: String, to: TicketState, at: Date) {
        self.actor = actor
        self.to = to
        self.at = at
    }
}

extension Ticket {
    /// The ticket after `action` by `actor` at `time`, and the transition to record; or why
    /// the action is not allowed now. Pure: the store calls this inside its transaction,
    /// against the state it has just read, so two racing operators cannot both succeed.
    public func applying(_ action: TicketAction, by actor: String, at time: Date) throws(TransitionError) -> (Ticket, TicketTransition) {
        guard action.allowedFrom.contains(state) else {
            throw TransitionError(ticketID: id, state: state, action: action, reason: Self.refusal(action, state))
        }
        var next = self
        switch action {
        case .dispatch(let grid, let assignee):
            next.gridCode = grid
            next.assigneeID = assignee
            next.dispatchedAt = time
        case .accept(let staff):
            next.assigneeID = staff
            next.acceptedAt = time
        case .resolve(let staff, let note):
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                throw TransitionError(ticketID: id, state: state, action: action, reason: "a resolution needs a note saying what was done")
            }
            next.assigneeID = staff
            next.resolutionNote = trimmed
        case .rate(let score):
            guard (1...5).contains(score) else {
                throw TransitionError(ticketID: id, state: state, action: action, reason: "a score is 1 to 5, not \(score)")
            }
            next.rating = score
        case .escalate, .cancel:
            break
        }
        next.state = action.target
        next.stateSince = time
        return (next, TicketTransition(ticketID: id, from: state, to: action.target, action: action, actor: actor, at: time))
    }

    private static func refusal(_ action: TicketAction, _ state: TicketState) -> String {
        switch (action, state) {
        case (.accept, .ordered): return "it is ordered and not yet dispatched (dispatch it first)"
        case (.rate, .rated): return "it is rated already"
        case (.rate, _): return "it is \(state.rawValue); only a resolved ticket can be rated"
        case (.resolve, .dispatched): return "it is dispatched but not yet accepted (accept it first)"
        case (_, .cancelled): return "it was cancelled"
        case (_, .rated), (_, .resolved): return "it is \(state.rawValue) already"
        default: return "it is \(state.rawValue)"
        }
    }
}
