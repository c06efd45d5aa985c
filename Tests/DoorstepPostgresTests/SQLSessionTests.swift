import DoorstepTestSupport
import Foundation
import Testing
@testable import DoorstepPostgres
@testable import DoorstepStore

/// The one surface the store's logic will use on either database: the same statements give
/// the same answers on SQLite and PostgreSQL — placeholders (numbered ones too, and a `?` in
/// quoted text left alone), NULLs, CJK text, upserts, rows changed, numbers and times.
@Suite("SQL sessions on both databases", .enabled(if: TestServer.isAvailable))
struct SQLSessionTests {
    enum Database: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    func withSession(_ database: Database, _ body: (any SQLSession) throws -> Void) throws {
        switch database {
        case .sqlite:
            let folder = try TemporaryDatabase()
            defer { folder.cleanUp() }
            let store = try SQLiteStore(path: folder.path, create: true)
            try store.write { try body($0) }
        case .postgres:
            let store = try PostgresStore.open(try TestServer.freshDatabase(), logger: TestServer.logger)
            defer { store.close() }
            try store.write { try body($0) }
        }
    }

    struct Credential: Equatable {
        var id: String, channel: String?, operatorID: String?, hash: String, issuedAt: Date, revokedAt: Date?
    }

    @Test("statements and rows agree", arguments: Database.allCases)
    func agree(_ database: Database) throws {
        try withSession(database) { db in
            let insert = """
                INSERT INTO credential (id, kind, channel, operator, hash, issued_by, issued_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
            let at = 1_796_032_800.25
            #expect(try db.execute(insert, ["K1", "key", "热线 12345?", SQLValue.null, "it's ? here", "duty", at, Double?.none]) == 1)
            #expect(try db.execute(insert, ["T1", "token", String?.none, "jb01-worker", "h2", "duty", at + 1, at + 2]) == 1)
            // a quoted '?' is text, not a placeholder; ?1 is used twice
            let found = try db.rows("""
                SELECT id, channel, operator, hash, issued_at, revoked_at FROM credential
                WHERE hash = 'it''s ? here' OR (id = ?1 AND ?1 <> 'x') ORDER BY id
                """, ["T1"]) { row in
                Credential(id: try row.text("id", in: "credential"), channel: row.optionalText("channel"), operatorID: row.optionalText("operator"),
                           hash: try row.text("hash", in: "credential"), issuedAt: try row.date("issued_at", in: "credential"),
                           revokedAt: row.optionalDate("revoked_at"))
            }
            #expect(found == [
                Credential(id: "K1", channel: "热线 12345?", operatorID: nil, hash: "it's ? here", issuedAt: Date(timeIntervalSince1970: at), revokedAt: nil),
                Credential(id: "T1", channel: nil, operatorID: "jb01-worker", hash: "h2", issuedAt: Date(timeIntervalSince1970: at + 1),
                           revokedAt: Date(timeIntervalSince1970: at + 2)),
            ])
            // rows changed: none, then one; an upsert counts one either way
            #expect(try db.execute("UPDATE credential SET revoked_at = ? WHERE id = ?", [at, "nobody"]) == 0)
            #expect(try db.execute("UPDATE credential SET revoked_at = ? WHERE id = ?", [at, "K1"]) == 1)
            let upsert = "INSERT INTO counter (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value"
            #expect(try db.execute(upsert, ["ticket", 7]) == 1)
            #expect(try db.execute(upsert, ["ticket", 9]) == 1)
            let counts = try db.rows("SELECT COUNT(*) AS n, COALESCE(MAX(value), 0) + 1 AS next FROM counter", []) { row in
                [row.optionalInteger("n"), row.optionalInteger("next")]
            }
            #expect(counts == [[1, 10]])
            #expect(try db.rows("SELECT value FROM counter WHERE name = ?", ["none"]) { $0.optionalInteger("value") }.isEmpty)
        }
    }

    @Test("placeholders are numbered outside quotes only", arguments: [
        ("SELECT ? , ?", "SELECT $1 , $2", 2),
        ("SELECT '?' , \"a?\" , ?", "SELECT '?' , \"a?\" , $1", 1),
        ("WHERE a = ?1 OR b = ?1 AND c = ?2", "WHERE a = $1 OR b = $1 AND c = $2", 2),
        ("WHERE a = 'it''s ?' AND b = ?", "WHERE a = 'it''s ?' AND b = $1", 1),
    ])
    func numbering(sql: String, expected: String, count: Int) {
        let (text, found) = PostgresSession.numbered(sql)
        #expect(text == expected && found == count)
    }
}
