import Foundation

/// A service category from the grid stations' "five kinds" list, with its service-level
/// deadlines. Categories come from the data set, so an office can change the deadlines.
public struct TicketCategory: Hashable, Sendable, Identifiable {
    public var code: String
    public var nameZh: String
    public var nameEn: String
    /// Minutes allowed to dispatch (派单), accept (接单) and resolve (办结).
    public var dispatchMinutes: Int
    public var acceptMinutes: Int
    public var resolveMinutes: Int
    public var id: String { code }

    public init(code: String, nameZh: String, nameEn: String, dispatchMinutes: Int, acceptMinutes: Int, resolveMinutes: Int) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.dispatchMinutes = dispatchMinutes
        self.acceptMinutes = acceptMinutes
        self.resolveMinutes = resolveMinutes
    }

    /// Minutes allowed for the stage a ticket in `state` is in, or nil when no clock runs.
    public func allowance(for state: TicketState) -> Int? {
        switch state {
        case .ordered: return dispatchMinutes
        case .dispatched: return acceptMinutes
        case .accepted: return resolveMinutes
        case .escalated: return resolveMinutes
        case .resolved, .rated, .cancelled: return nil
        }
    }
}

/// The ticket lifecycle: 点单 → 派单 → 接单 → 办结 → 评价, plus escalation and cancellation.
public enum TicketState: String, CaseIterable, Hashable, Sendable, Codable {
    /// 点单 — placed by a resident (or a patrol, a visit, the hotline).
    case ordered
    /// 派单 — dispatched by the community to a grid.
    case dispatched
    /// 接单 — accepted by the grid.
    case accepted
    /// 办结 — resolved.
    case resolved
    /// 评价 — rated by the resident.
    case rated
    /// 上交 — pushed up to the community or the street: a visible cost.
    case escalated
    /// 撤销
    case cancelled

    /// Open tickets still need work; resolved, rated and cancelled ones do not.
    public var isOpen: Bool {
        switch self {
        case .ordered, .dispatched, .accepted, .escalated: return true
        case .resolved, .rated, .cancelled: return false
        }
    }
}

/// Where a ticket came from.
public enum TicketSource: String, CaseIterable, Hashable, Sendable {
    /// 居民点单
    case resident
    /// 巡查
    case patrol
    /// 走访
    case visit
    /// 热线
    case hotline
}

public enum TicketPriority: String, CaseIterable, Hashable, Sendable, Comparable {
    case low, normal, high, urgent

    /// Low 0 … urgent 3.
    public var rank: Int {
        switch self {
        case .low: return 0
        case .normal: return 1
        case .high: return 2
        case .urgent: return 3
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// A request moving through the closed loop.
public struct Ticket: Hashable, Sendable, Identifiable {
    public var id: String
    public var gridCode: String
    public var categoryCode: String
    public var source: TicketSource
    public var priority: TicketPriority
    public var state: TicketState
    public var title: String
    /// The resident's name and phone (personal information: masked on the wall).
    public var residentName: String
    public var residentPhone: String
    public var createdAt: Date
    /// When the ticket entered its current state: the stage clock starts here.
    public var stateSince: Date
    /// The staff member working it, once dispatched to a person or accepted.
    public var assigneeID: String?
    /// What the resolver wrote (办结说明), once resolved.
    public var resolutionNote: String?
    /// The resident's score, 1–5, once rated (评价).
    public var rating: Int?
    /// When it was last dispatched and accepted (for the time-to-accept figure).
    public var dispatchedAt: Date?
    public var acceptedAt: Date?

    public init(
        id: String, gridCode: String, categoryCode: String, source: TicketSource, priority: TicketPriority,
        state: TicketState, title: String, residentName: String, residentPhone: String, createdAt: Date,
        stateSince: Date, assigneeID: String? = nil, resolutionNote: String? = nil, rating: Int? = nil,
        dispatchedAt: Date? = nil, acceptedAt: Date? = nil
    ) {
        self.id = id
        self.gridCode = gridCode
        self.categoryCode = categoryCode
        self.source = source
        self.priority = priority
        self.state = state
        self.title = title
        self.residentName = residentName
        self.residentPhone = residentPhone
        self.createdAt = createdAt
        self.stateSince = stateSince
        self.assigneeID = assigneeID
        self.resolutionNote = resolutionNote
        self.rating = rating
        self.dispatchedAt = dispatchedAt
        self.acceptedAt = acceptedAt
    }

    /// The deadline of the current stage under `category`'s SLA, or nil when no clock runs.
    public func dueAt(category: TicketCategory?) -> Date? {
        guard let category, let minutes = category.allowance(for: state) else { return nil }
        return stateSince.addingTimeInterval(TimeInterval(minutes * 60))
    }
}
