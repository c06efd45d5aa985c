import DoorstepDomain
import DoorstepStore
import Foundation
import Logging
import PostgresNIO

/// The change feed on PostgreSQL.
///
/// A sequence number is taken before its transaction commits, so with writers free to
/// interleave, `N+2` can commit before `N+1`, and a reader asking for "events after N" would
/// see `N+2`, move on, and skip `N+1` forever. Here every append first takes one advisory lock
/// held until its transaction ends: the next writer takes its number only after the previous
/// transaction committed and became visible, so numbers are taken in commit order, and any
/// snapshot that sees an event sees every event before it. Writers queue only for the last
/// step of their transaction (the event's row); the rest of their work runs side by side.
extension PostgresStore {
    /// Appends `change` to the event log inside `connection`'s open transaction and announces
    /// it on the feed's channel when the transaction commits; returns its sequence number.
    @discardableResult
    static func append(_ change: Change, by actor: String, at time: Date, gridCode: String?, on connection: PostgresConnection,
                       logger: Logger) throws -> Int64 {
        _ = try connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.feedLock))", logger: logger).wait()
        let row = EventCodec.encode(change)
        let inserted = try connection.query("""
            INSERT INTO event (at, kind, subject, actor, detail, grid)
            VALUES (\(time.timeIntervalSince1970), \(row.kind), \(row.subject), \(actor), \(row.detail), \(gridCode)) RETURNING seq
            """, logger: logger).wait()
        guard let sequence = try inserted.first?.decode(Int64.self) else { throw StoreError.corrupt("an event was written but no sequence number came back") }
        _ = try connection.query("SELECT pg_notify(\(PostgresSchema.feedChannel), \(String(sequence)))", logger: logger).wait()
        return sequence
    }

    /// Appends `changes` in one transaction (all or none); returns their sequence numbers.
    @discardableResult
    public func record(_ changes: [Change], by actor: String, at time: Date, gridCode: String? = nil) throws -> [Int64] {
        try transaction { connection in
            try changes.map { try Self.append($0, by: actor, at: time, gridCode: gridCode, on: connection, logger: logger) }
        }
    }

    /// The sequence number of the newest event (0 for none).
    public func lastSequence() throws -> Int64 {
        try pool.withConnection { connection in
            try connection.query("SELECT COALESCE(MAX(seq), 0) FROM event", logger: logger).wait().first?.decode(Int64.self) ?? 0
        }
    }

    /// Events after `sequence`, oldest first, at most `limit`.
    public func events(after sequence: Int64, limit: Int) throws -> [ChangeEvent] {
        try pool.withConnection { connection in
            try Self.events(connection.query("""
                SELECT seq, at, kind, subject, actor, detail, grid FROM event WHERE seq > \(sequence) ORDER BY seq LIMIT \(limit)
                """, logger: logger).wait())
        }
    }

    /// Events, newest first, at most `limit`.
    public func recentEvents(limit: Int) throws -> [ChangeEvent] {
        try pool.withConnection { connection in
            try Self.events(connection.query("""
                SELECT seq, at, kind, subject, actor, detail, grid FROM event ORDER BY seq DESC LIMIT \(limit)
                """, logger: logger).wait())
        }
    }

    static func events(_ rows: PostgresQueryResult) throws -> [ChangeEvent] {
        try rows.map { row in
            let (sequence, at, kind, subject, actor, detail, grid) = try row.decode((Int64, Double, String, String, String, String, String?).self)
            return ChangeEvent(sequence: sequence, at: Date(timeIntervalSince1970: at), actor: actor,
                               change: EventCodec.decode(kind: kind, subject: subject, detail: detail), gridCode: grid)
        }
    }
}
