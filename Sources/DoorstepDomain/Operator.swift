/// 操作员: a person who works a Doorstep terminal or command, with a role and the part of the
/// territory they act in. Every write names who acted; when that is an operator, the store
/// checks it against `Permissions` inside the write's transaction.
public struct Operator: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var role: OperatorRole
    public var scope: OperatorScope
    /// The staff record of the same person (a grid worker's, a community dispatcher's).
    public var staffID: String?
    /// The Unix account that acts as this operator when a command names nobody (`$USER`).
    public var login: String?

    public init(id: String, name: String, role: OperatorRole, scope: OperatorScope, staffID: String? = nil, login: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.scope = scope
        self.staffID = staffID
        self.login = login
    }

    /// Why this role cannot hold this scope, or nil when it can: the street's duty operators
    /// work for the street, dispatchers and social work stations for a community, grid
    /// workers for a grid; a viewer (a lobby screen) shows the street or a community.
    public var scopeProblem: String? {
        switch (role, scope) {
        case (.streetDuty, .street), (.communityDispatcher, .community), (.socialWorkStation, .community), (.gridWorker, .grid),
             (.viewer, .street), (.viewer, .community):
            return nil
        default:
            return "a \(role.description) cannot work for \(scope.description)"
        }
    }
}

/// What an operator is there to do (the source text's three ends, and the lobby screen).
public enum OperatorRole: String, CaseIterable, Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 街道值班员: the command centre's operator on duty; may do anything anywhere.
    case streetDuty = "street_duty"
    /// 社区派单员: dispatches the community's orders and follows them.
    case communityDispatcher = "community_dispatcher"
    /// 社工站: the community's social work station (care plans, visits, its grids' work).
    case socialWorkStation = "social_work_station"
    /// 网格员: works one grid's tickets, calls, visits and services.
    case gridWorker = "grid_worker"
    /// 大屏: a screen in a lobby; changes nothing and shows no resident's details.
    case viewer

    public var description: String {
        switch self {
        case .streetDuty: return "street duty operator"
        case .communityDispatcher: return "community dispatcher"
        case .socialWorkStation: return "social work station"
        case .gridWorker: return "grid worker"
        case .viewer: return "viewer"
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// The part of the territory an operator sees and acts in.
public enum OperatorScope: Hashable, Sendable, CustomStringConvertible {
    case street
    case community(String)
    case grid(String)

    /// The scope a role's `code` names: `street` (or nothing) for the street, otherwise a
    /// community's code for the roles that work for a community and a grid's for a grid worker.
    public init(role: OperatorRole, code: String) {
        if code.isEmpty || code == "street" {
            self = .street
        } else if role == .gridWorker {
            self = .grid(code)
        } else {
            self = .community(code)
        }
    }

    /// The scope's community, when it is a community.
    public var communityCode: String? {
        if case .community(let code) = self { return code }
        return nil
    }

    /// The scope's grid, when it is a grid.
    public var gridCode: String? {
        if case .grid(let code) = self { return code }
        return nil
    }

    /// The grids of `grids` in this scope; nil for the street's, which holds them all.
    public func gridCodes(in grids: some Sequence<Grid>) -> Set<String>? {
        switch self {
        case .street: return nil
        case .community(let code): return Set(grids.filter { $0.communityCode == code }.map(\.code))
        case .grid(let code): return [code]
        }
    }

    /// The scope as one word: `street`, a community's code or a grid's code.
    public var code: String {
        switch self {
        case .street: return "street"
        case .community(let code), .grid(let code): return code
        }
    }

    public var description: String {
        switch self {
        case .street: return "the street"
        case .community(let code): return "community \(code)"
        case .grid(let code): return "grid \(code)"
        }
    }
}
