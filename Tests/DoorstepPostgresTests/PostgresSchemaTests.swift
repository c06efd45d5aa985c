import DoorstepStore
import DoorstepTestSupport
import GRDB
import Testing
@testable import DoorstepPostgres

/// The two stores hold the same tables with the same columns, so the rows one writes the other
/// can read, and `doorstep copy` moves them column for column.
@Suite("PostgreSQL schema", .enabled(if: TestServer.isAvailable))
struct PostgresSchemaTests {
    @Test("every SQLite table and column is in PostgreSQL with the matching type (TEXT text, INTEGER bigint, REAL double precision), and no more")
    func sameTables() throws {
        let database = try TemporaryDatabase()
        defer { database.cleanUp() }
        _ = try SQLiteStore(path: database.path, create: true)
        let sqlite = try DatabaseQueue(path: database.path)
        let kinds = ["TEXT": "text", "INTEGER": "bigint", "REAL": "double precision"]
        let sqliteColumns: Set<String> = try sqlite.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """)
            var columns = Set<String>()
            for table in tables {
                for row in try Row.fetchAll(db, sql: "PRAGMA table_info(\"\(table)\")") {
                    let name: String = row["name"]
                    let type: String = row["type"]
                    columns.insert("\(table).\(name) \(kinds[type] ?? type)")
                }
            }
            return columns
        }
        let store = try PostgresStore.open(try TestServer.freshDatabase(), logger: TestServer.logger)
        defer { store.close() }
        let postgresColumns: Set<String> = try store.pool.withConnection { connection in
            let rows = try connection.query("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name != 'doorstep_migration'
                """, logger: TestServer.logger).wait()
            return Set(try rows.map { row in
                let (table, column, type) = try row.decode((String, String, String).self)
                return "\(table).\(column) \(type)"
            })
        }
        #expect(sqliteColumns.count > 150)
        #expect(sqliteColumns.subtracting(postgresColumns).sorted() == [])
        #expect(postgresColumns.subtracting(sqliteColumns).sorted() == [])
        #expect(try store.schemaVersions() == PostgresSchema.migrations.map(\.version))
    }
}
