/// What an operator asks to do, with the grid it lands in (where the store knows it).
public enum OperatorAction: Hashable, Sendable {
    /// 点单 on a resident's behalf (the hotline, a visit), in a grid.
    case order(grid: String)
    /// A ticket's move, the ticket being in `grid` now (a dispatch's target is checked too).
    case ticket(TicketAction, grid: String)
    /// 联动: calling outside parties in on a ticket in `grid`, or answering for one.
    case jointHandling(grid: String)
    /// A staff member's duty (their grid, or their community when they have no grid).
    case duty(grid: String?, community: String?)
    /// 六必访 or a key place's visit in `grid`.
    case visit(grid: String)
    /// 一键直呼: calling a grid's people (or people anywhere, with no grid).
    case calls(grid: String?)
    /// Answering a call placed to someone of `grid`.
    case answerCall(grid: String?)
    /// Taking (认领) a grid's alarm.
    case acknowledgeAlarm(grid: String)
    /// Seeing a resident's details unmasked (a ticket's or a household's, in `grid`).
    case reveal(grid: String?)
    /// 四清: confirming a household's facts in `grid`.
    case clears(grid: String)
    /// A care plan's work in `grid`: ordering it, taking it, giving its services.
    case careWork(grid: String)
    /// A care plan's management in `grid`: dispatching, reviewing, closing it.
    case careManagement(grid: String)
    /// Importing rows (households, staff, Party members, parties, care plans).
    case importData
    /// Adding or removing operators.
    case manageOperators
    /// 交接班: handing the desk to the next shift.
    case handover

    /// The action in a few words, for a refusal.
    public var description: String {
        switch self {
        case .order: return "place an order"
        case .ticket(let action, _): return action.verb
        case .jointHandling: return "call parties in"
        case .duty: return "change a duty"
        case .visit: return "log a visit"
        case .calls: return "place calls"
        case .answerCall: return "answer a call"
        case .acknowledgeAlarm: return "acknowledge an alarm"
        case .reveal: return "see a resident's details"
        case .clears: return "confirm 四清"
        case .careWork, .careManagement: return "act on a care plan"
        case .importData: return "import data"
        case .manageOperators: return "manage operators"
        case .handover: return "hand the desk over"
        }
    }

    /// The grids the action lands in, each of which must be in the operator's scope.
    var grids: [String?] {
        switch self {
        case .order(let grid), .visit(let grid), .clears(let grid), .careWork(let grid), .careManagement(let grid),
             .jointHandling(let grid), .acknowledgeAlarm(let grid):
            return [grid]
        case .ticket(let action, let grid):
            if case .dispatch(let target, _) = action { return [grid, target] }
            return [grid]
        case .duty(let grid, _), .calls(let grid), .answerCall(let grid), .reveal(let grid):
            return [grid]
        case .importData, .manageOperators, .handover:
            return []
        }
    }
}

/// Who may do what, and where: the one place the rules live. The store asks it inside each
/// write's transaction, so no command, terminal or service can go around it.
///
/// | role | may | where |
/// | --- | --- | --- |
/// | street duty | everything, imports and operators included | the street |
/// | community dispatcher | order, dispatch, accept, resolve, rate, escalate, cancel; call parties in; duty, visits, calls, 四清, care | its community |
/// | social work station | order, accept, resolve, escalate; duty, visits, calls answered, 四清, care | its community |
/// | grid worker | order, accept, resolve, escalate; its grid's duty, visits, calls answered, 四清, care work | its grid |
/// | viewer | nothing; residents' details stay masked | — |
///
/// Every role but the viewer may see a resident's details in its scope (each reveal is logged).
public enum Permissions {
    /// Why `op` may not do `action`, or nil when it may. `communityOfGrid` gives a grid's
    /// community (nil for a grid that does not exist, which no scope below the street holds).
    public static func refusal(_ action: OperatorAction, by op: Operator, communityOfGrid: (String) -> String?) -> String? {
        guard allows(op.role, action) else {
            return "\(op.id) (\(op.role.description)) may not \(action.description)"
        }
        for grid in action.grids {
            guard inScope(grid, action: action, of: op, communityOfGrid: communityOfGrid) else {
                let place = grid.map { " in grid \($0)" } ?? ""
                return "\(op.id) (\(op.role.description) of \(op.scope.code)) may not \(action.description)\(place): outside \(op.scope.description)"
            }
        }
        return nil
    }

    /// Whether the role may do this kind of thing at all.
    static func allows(_ role: OperatorRole, _ action: OperatorAction) -> Bool {
        switch role {
        case .streetDuty:
            return true
        case .viewer:
            return false
        case .communityDispatcher:
            switch action {
            case .importData, .manageOperators: return false
            default: return true
            }
        case .socialWorkStation, .gridWorker:
            switch action {
            case .ticket(let move, _):
                switch move {
                case .accept, .resolve, .escalate: return true
                case .dispatch, .rate, .cancel: return false
                }
            case .order, .duty, .visit, .answerCall, .reveal, .clears, .careWork, .acknowledgeAlarm:
                return true
            case .careManagement:
                return role == .socialWorkStation
            case .jointHandling, .calls, .importData, .manageOperators, .handover:
                return false
            }
        }
    }

    /// Whether `grid` (nil: no grid named) is inside the operator's scope.
    static func inScope(_ grid: String?, action: OperatorAction, of op: Operator, communityOfGrid: (String) -> String?) -> Bool {
        switch op.scope {
        case .street:
            return true
        case .community(let community):
            if case .duty(nil, let staffCommunity) = action { return staffCommunity == community }
            guard let grid else { return false }
            return communityOfGrid(grid) == community
        case .grid(let own):
            return grid == own
        }
    }
}
