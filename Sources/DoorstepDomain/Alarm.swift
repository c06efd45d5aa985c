import Foundation
import Synchronization

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
///
/// Held in shards and chunks: the last snapshot shares the ledger, and a city holds some 17,000
/// standing alarms, so the poll that brings one new alarm copies a shard and a chunk, not them all.
public struct AlarmLedger: Sendable, Equatable {
    private var byID = ShardedDictionary<String, Alarm>()
    /// Newest first.
    public private(set) var queue = Self.queue([])
    private var standing = ShardedDictionary<String, String>()
    /// When the oldest standing alarm that nobody took and none sent up was raised: the next
    /// escalation falls due a fixed time after it (a wall asks every second, over thousands).
    public private(set) var oldestUnescalated: Date?

    public init(_ alarms: [Alarm] = []) { apply(alarms) }

    /// How many alarms stand.
    public var standingCount: Int { standing.count }
    /// How many standing alarms nobody has taken.
    public private(set) var unacknowledgedCount = 0
    /// Moves on with every change, and is never the same for two different contents (one
    /// counter for every ledger), so a reader can tell the alarms changed without comparing them.
    public private(set) var version = 0
    private static let versions = Atomic<Int>(0)
    /// The standing alarms nobody took and none sent up, by id (a few: most go up in minutes).
    private var unescalated = Set<String>()

    /// Puts fresh rows in place; returns the grids whose alarm changed. A few rows (a wall's
    /// poll brings one or two) move into their places in the queue; many at once sort it again.
    @discardableResult
    public mutating func apply(_ alarms: [Alarm]) -> Set<String> {
        guard !alarms.isEmpty else { return [] }
        var grids = Set<String>()
        var resort = alarms.count > 64
        for alarm in alarms {
            let old = byID.updateValue(alarm, forKey: alarm.id)
            grids.insert(alarm.gridCode)
            unacknowledgedCount += (alarm.isNew ? 1 : 0) - (old?.isNew == true ? 1 : 0)
            if alarm.isNew && alarm.escalatedAt == nil { unescalated.insert(alarm.id) } else { unescalated.remove(alarm.id) }
            if alarm.isOpen {
                standing[alarm.gridCode] = alarm.id
            } else if standing[alarm.gridCode] == alarm.id {
                standing[alarm.gridCode] = nil
            }
            if let cleared = alarm.clearedAt, earliestCleared.map({ cleared < $0 }) ?? true { earliestCleared = cleared }
            guard !resort else { continue }
            if let old {
                let index = Self.position(of: old, in: queue)
                guard queue.indices.contains(index), queue[index].id == old.id else {
                    resort = true
                    continue
                }
                queue.remove(at: index)
            }
            queue.insert(alarm, at: Self.position(of: alarm, in: queue))
        }
        if resort { queue = Self.queue(byID.values.sorted(by: Self.precedes)) }
        noteOldestUnescalated()
        return grids
    }

    /// The queue over `alarms` (already in its order), in chunks of 128: a changed alarm copies one.
    private static func queue(_ alarms: [Alarm]) -> ChunkedArray<Alarm> { ChunkedArray(alarms, chunkSize: 128) }

    /// Newest first; the same instant by id, highest first.
    private static func precedes(_ a: Alarm, _ b: Alarm) -> Bool { a.raisedAt != b.raisedAt ? a.raisedAt > b.raisedAt : a.id > b.id }

    /// Where `alarm` stands, or would stand, in `queue`: the first place not before it.
    private static func position(of alarm: Alarm, in queue: ChunkedArray<Alarm>) -> Int {
        var low = 0
        var high = queue.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(queue[middle], alarm) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private mutating func noteOldestUnescalated() {
        version = Self.versions.wrappingAdd(1, ordering: .relaxed).newValue
        oldestUnescalated = unescalated.compactMap { byID[$0]?.raisedAt }.min()
    }

    /// The standing alarms nobody took, left `after` seconds or more and not yet sent up, oldest first.
    public func dueForEscalation(at now: Date, after: TimeInterval) -> [Alarm] {
        guard let oldest = oldestUnescalated, now.timeIntervalSince(oldest) >= after else { return [] }
        return unescalated.compactMap { byID[$0] }.filter { $0.isDueForEscalation(at: now, after: after) }.sorted { $0.raisedAt < $1.raisedAt }
    }

    /// When the earliest alarm still kept was closed (none: nothing to drop; a wall asks every poll).
    private var earliestCleared: Date?

    /// Forgets alarms closed (cleared, or acknowledged and cleared) before `date`.
    public mutating func drop(closedBefore date: Date) {
        guard let earliest = earliestCleared, earliest < date else { return }
        let old = byID.values.filter { alarm in (alarm.clearedAt.map { $0 < date }) ?? false }
        for alarm in old {
            byID[alarm.id] = nil
            unescalated.remove(alarm.id)
            if alarm.isNew { unacknowledgedCount -= 1 }
        }
        earliestCleared = byID.values.compactMap(\.clearedAt).min()
        guard !old.isEmpty else { return }
        let gone = Set(old.map(\.id))
        queue = Self.queue(queue.filter { !gone.contains($0.id) })
        noteOldestUnescalated()
    }

    /// The same alarms in the same states (whatever the versions: two walls' ledgers compare equal).
    public static func == (a: AlarmLedger, b: AlarmLedger) -> Bool {
        a.version == b.version || (a.byID == b.byID && a.standing == b.standing)
    }

    /// The grids with a standing alarm, and each one's alarm id (in no particular order).
    public var standingByGrid: some Sequence<(key: String, value: String)> { standing.entries }
    /// A grid's standing alarm.
    public func standing(ofGrid code: String) -> Alarm? { standing[code].flatMap { byID[$0] } }
    public func alarm(_ id: String) -> Alarm? { byID[id] }

    /// Standing alarms nobody has acknowledged, newest first.
    public var unacknowledged: [Alarm] { queue.filter(\.isNew) }
    public var isEmpty: Bool { byID.isEmpty }
}
