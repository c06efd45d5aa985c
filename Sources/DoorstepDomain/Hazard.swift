import Foundation

/// 隐患矛盾 — a hidden hazard or a dispute known in a grid.
public struct Hazard: Hashable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// 隐患
        case hazard
        /// 矛盾
        case dispute
    }

    public enum Severity: String, CaseIterable, Hashable, Sendable {
        case low, medium, severe
    }

    public enum Status: String, CaseIterable, Hashable, Sendable {
        case open, resolved
    }

    public var id: String
    public var gridCode: String
    public var kind: Kind
    public var severity: Severity
    public var status: Status
    public var title: String
    public var openedAt: Date

    public init(id: String, gridCode: String, kind: Kind, severity: Severity, status: Status, title: String, openedAt: Date) {
        self.id = id
        self.gridCode = gridCode
        self.kind = kind
        self.severity = severity
        self.status = status
        self.title = title
        self.openedAt = openedAt
    }
}

/// One must-visit (六必访) made: who visited which household, when.
public struct Visit: Hashable, Sendable, Identifiable {
    public var id: String
    public var householdID: String
    public var staffID: String
    public var at: Date

    public init(id: String, householdID: String, staffID: String, at: Date) {
        self.id = id
        self.householdID = householdID
        self.staffID = staffID
        self.at = at
    }
}
