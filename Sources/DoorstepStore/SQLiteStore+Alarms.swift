import DoorstepDomain
import Foundation
import GRDB

/// Alarms (告警): raised when a grid enters alarm, acknowledged by an operator, cleared when
/// the grid leaves it, escalated when left untaken. One standing alarm per grid (a unique
/// partial index), each step checked inside its transaction.
extension SQLStore {
    public func raiseAlarm(gridCode: String, reasons: [String], at time: Date) throws -> Alarm? {
        try write { db in
            try Self.require(db, table: "grid", key: "code", gridCode, kind: "grid")
            if try db.text("id", "SELECT id FROM alarm WHERE grid = ? AND cleared_at IS NULL", [gridCode]) != nil {
                return nil
            }
            let alarm = Alarm(id: try Self.nextID(db, table: "alarm", prefix: "A", digits: 6), gridCode: gridCode, raisedAt: time, reasons: reasons)
            try Records.insert(alarm, db)
            try Self.append(db, .alarm(id: alarm.id, gridCode: gridCode, .raised(reasons: reasons)), by: "wall", at: time)
            return alarm
        }
    }

    public func acknowledgeAlarms(ids: [String], by actor: String, at time: Date) throws -> [Alarm] {
        try write { db in
            var taken: [Alarm] = []
            for id in ids {
                guard var alarm = try Self.alarmRow(db, id) else { throw StoreError.notFound(kind: "alarm", id: id) }
                try authorize(db, .acknowledgeAlarm(grid: alarm.gridCode))
                guard alarm.isNew else { continue }
                alarm.acknowledgedBy = actor
                alarm.acknowledgedAt = time
                try Records.insert(alarm, db)
                try Self.append(db, .alarm(id: id, gridCode: alarm.gridCode, .acknowledged), by: actor, at: time)
                taken.append(alarm)
            }
            return taken
        }
    }

    public func clearAlarm(id: String, at time: Date) throws -> Alarm? {
        try write { db in
            guard var alarm = try Self.alarmRow(db, id), alarm.isOpen else { return nil }
            alarm.clearedAt = time
            try Records.insert(alarm, db)
            try Self.append(db, .alarm(id: id, gridCode: alarm.gridCode, .cleared), by: "wall", at: time)
            return alarm
        }
    }

    public func escalateAlarm(id: String, after: TimeInterval, by actor: String, at time: Date) throws -> Alarm? {
        try write { db in
            guard var alarm = try Self.alarmRow(db, id), alarm.isDueForEscalation(at: time, after: after) else { return nil }
            alarm.escalatedAt = time
            try Records.insert(alarm, db)
            try Self.append(db, .alarm(id: id, gridCode: alarm.gridCode, .escalated), by: actor, at: time)
            return alarm
        }
    }

    public func alarms(ids: [String]) throws -> [Alarm] {
        guard !ids.isEmpty else { return [] }
        return try read { db in try Self.rows(db, ids, table: "alarm", key: "id", Records.alarm) }
    }

    /// The working set's alarms: every one standing, and those raised in the last hours.
    static func loadAlarms(_ db: some SQLSession, now: Date) throws -> [Alarm] {
        try Records.all(db, "SELECT * FROM alarm WHERE cleared_at IS NULL OR raised_at >= ? ORDER BY raised_at",
                        [now.addingTimeInterval(-Alarm.keptFor).timeIntervalSince1970], Records.alarm)
    }

    static func alarmRow(_ db: some SQLSession, _ id: String) throws -> Alarm? {
        try db.first("SELECT * FROM alarm WHERE id = ?", [id], Records.alarm)
    }
}

extension Records {
    static func alarm(_ row: Fields) throws -> Alarm {
        let id = try row.text("id", in: "alarm")
        let place = { "alarm \(id)" }
        return Alarm(
            id: id, gridCode: try row.text("grid", in: place()), raisedAt: try row.date("raised_at", in: place()),
            reasons: (row.optionalText("reasons") ?? "").split(separator: ",").map(String.init),
            acknowledgedBy: row.optionalText("acknowledged_by"), acknowledgedAt: row.optionalDate("acknowledged_at"),
            clearedAt: row.optionalDate("cleared_at"), escalatedAt: row.optionalDate("escalated_at"))
    }

    static func insert(_ a: Alarm, _ db: some SQLSession) throws {
        try db.execute("""
            INSERT INTO alarm (id, grid, raised_at, reasons, acknowledged_by, acknowledged_at, cleared_at, escalated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET grid = excluded.grid, raised_at = excluded.raised_at, reasons = excluded.reasons,
                acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at, cleared_at = excluded.cleared_at,
                escalated_at = excluded.escalated_at
            """, [a.id, a.gridCode, a.raisedAt.timeIntervalSince1970, a.reasons.joined(separator: ","), a.acknowledgedBy,
                  a.acknowledgedAt?.timeIntervalSince1970, a.clearedAt?.timeIntervalSince1970, a.escalatedAt?.timeIntervalSince1970])
    }
}
