import Foundation

/// 告警: a grid that entered alarm, raised once when it does and kept until it clears — with
/// who acknowledged it (认领) and when, and whether it went up the chain unanswered. Raised,
/// acknowledged, cleared and escalated by transactions of the store, so every terminal that
/// shows the grid sees the same alarm in the same state.
public struct Alarm: Hashable, Sendable, Identifiable {
    public var id: String
    public var gridCode: String
    public var raisedAt: Date
    /// The alarm reasons' codes when it was raised (`overdue`, `unanswered_call` …).
    public var reasons: [String]
    public var acknowledgedBy: String?
    public var acknowledgedAt: Date?
    /// When the grid left alarm by itself (the alarm is kept, marked cleared).
    public var clearedAt: Date?
    /// When it was escalated for being left unacknowledged.
    public var escalatedAt: Date?

    public init(id: String, gridCode: String, raisedAt: Date, reasons: [String], acknowledgedBy: String? = nil, acknowledgedAt: Date? = nil,
                clearedAt: Date? = nil, escalatedAt: Date? = nil) {
        self.id = id
        self.gridCode = gridCode
        self.raisedAt = raisedAt
        self.reasons = reasons
        self.acknowledgedBy = acknowledgedBy
        self.acknowledgedAt = acknowledgedAt
        self.clearedAt = clearedAt
        self.escalatedAt = escalatedAt
    }

    /// Still standing (the grid is in alarm).
    public var isOpen: Bool { clearedAt == nil }
    /// Standing and nobody has taken it yet: the wall marks it new.
    public var isNew: Bool { clearedAt == nil && acknowledgedAt == nil }

    /// Whether it is left unacknowledged long enough (`after` seconds) to go up the chain, and
    /// has not yet.
    public func isDueForEscalation(at now: Date, after: TimeInterval) -> Bool {
        isNew && escalatedAt == nil && now.timeIntervalSince(raisedAt) >= after
    }

    /// How long an alarm is kept on the queue once it is cleared or acknowledged.
    public static let keptFor: TimeInterval = 12 * 3600
}

/// The alarms the wall knows: every one standing and those closed in the last hours, newest
/// first, with each grid's standing one.
public struct AlarmLedger: Sendable, Equatable {
    private var byID: [String: Alarm] = [:]
    /// Newest first.
    public private(set) var queue: [Alarm] = []
    private var standing: [String: String] = [:]
    /// When the oldest standing alarm that nobody took and none sent up was raised: the next
    /// escalation falls due a fixed time after it (a wall asks every second, over thousands).
    public private(set) var oldestUnescalated: Date?

    public init(_ alarms: [Alarm] = []) { apply(alarms) }

    /// How many alarms stand.
    public var standingCount: Int { standing.count }
    /// How many standing alarms nobody has taken.
    public private(set) var unacknowledgedCount = 0
    /// Moves on with every change, so a reader can tell the alarms changed without comparing them.
    public private(set) var version = 0

    /// Puts fresh rows in place; returns the grids whose alarm changed.
    @discardableResult
    public mutating func apply(_ alarms: [Alarm]) -> Set<String> {
        guard !alarms.isEmpty else { return [] }
        var grids = Set<String>()
        for alarm in alarms {
            byID[alarm.id] = alarm
            grids.insert(alarm.gridCode)
            if alarm.isOpen {
                standing[alarm.gridCode] = alarm.id
            } else if standing[alarm.gridCode] == alarm.id {
                standing[alarm.gridCode] = nil
            }
        }
        queue = byID.values.sorted { $0.raisedAt != $1.raisedAt ? $0.raisedAt > $1.raisedAt : $0.id > $1.id }
        noteOldestUnescalated()
        return grids
    }

    private mutating func noteOldestUnescalated() {
        version += 1
        oldestUnescalated = queue.last { $0.isNew && $0.escalatedAt == nil }?.raisedAt
        unacknowledgedCount = queue.reduce(0) { $0 + ($1.isNew ? 1 : 0) }
    }

    /// Forgets alarms closed (cleared, or acknowledged and cleared) before `date`.
    public mutating func drop(closedBefore date: Date) {
        let old = byID.values.filter { alarm in (alarm.clearedAt.map { $0 < date }) ?? false }
        guard !old.isEmpty else { return }
        for alarm in old { byID[alarm.id] = nil }
        let gone = Set(old.map(\.id))
        queue.removeAll { gone.contains($0.id) }
        noteOldestUnescalated()
    }

    /// A grid's standing alarm.
    public func standing(ofGrid code: String) -> Alarm? { standing[code].flatMap { byID[$0] } }
    public func alarm(_ id: String) -> Alarm? { byID[id] }

    /// Standing alarms nobody has acknowledged, newest first.
    public var unacknowledged: [Alarm] { queue.filter(\.isNew) }
    public var isEmpty: Bool { byID.isEmpty }
}
