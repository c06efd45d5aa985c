import DoorstepDomain
import DoorstepSeeds
import DoorstepTestSupport
import Foundation
import GRDB
import Testing

@testable import DoorstepStore

@Suite("SQLite store")
struct SQLiteStoreTests {
    let now = StoreFixtures.now

    @Test("a server's URL given for a file is refused, without its password, and makes no folder named after it")
    func serverURL() throws {
        let here = FileManager.default.currentDirectoryPath
        #expect {
            try SQLiteStore(path: "postgresql://wall:hunter2@db.example:5432/street", create: true)
        } throws: { error in
            guard case StoreError.unavailable(let message, _) = error else { return false }
            return message.contains("postgresql://wall@db.example:5432/street names a database server") && !message.contains("hunter2")
        }
        #expect(!FileManager.default.fileExists(atPath: here + "/postgresql:"))
        #expect(throws: StoreError.self) { try SQLiteStore(path: "postgres://db/street", readOnly: true) }
    }

    @Test("a new database, its logs and the folder made for it are readable by their owner only (residents' names and phones)")
    func ownerOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-mode-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new/street.sqlite").path
        let store = try SQLiteStore(path: path, create: true)
        try store.replaceAll(with: try DataSet.load(from: .embeddedDemo, now: now), at: now)
        func mode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        #expect(try mode(path) == 0o600)
        #expect(try mode(path + "-wal") == 0o600)
        #expect(try mode(folder.appendingPathComponent("new").path) == 0o700)
        // (a second open of the same file neither fails nor changes it)
        _ = try SQLiteStore(path: path, create: true)
        #expect(try mode(path) == 0o600)
    }

    @Test("migrations run on an empty database and again on a populated one")
    func migrations() throws {
        let database = try TemporaryDatabase()
        defer { database.cleanUp() }
        #expect(throws: StoreError.missingDatabase(database.path)) { try SQLiteStore(path: database.path) }
        let empty = try SQLiteStore(path: database.path, create: true)
        #expect(try empty.lastSequence() == 0)
        #expect(throws: StoreError.self) { try empty.loadAll(at: now) }  // no street yet, said plainly
        try empty.replaceAll(with: try DataSet.load(from: .embeddedDemo, now: now), at: now)
        let reopened = try SQLiteStore(path: database.path)  // migrator runs again: nothing to do, nothing lost
        let data = try reopened.loadAll(at: now)
        #expect(data.grids.count == 64)
        // the working set: households due a must-visit (of 2,950), open tickets in full, closed ones as outcomes
        #expect(data.households.count == 339 && data.households.allSatisfy { !$0.mustVisit.isEmpty })
        #expect(data.tickets.count == 43 && data.tickets.allSatisfy(\.state.isOpen))
        #expect(data.outcomes.count == 30)
        #expect(data.visits.count > 300)
        let readOnly = try SQLiteStore(path: database.path, readOnly: true)
        #expect(try readOnly.loadAll(at: now).staff.count == data.staff.count)
        #expect(throws: StoreError.self) { try readOnly.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "x"), by: "t", at: now) }
    }

    @Test("a reader of a database from an older version brings it up to date once, losing nothing")
    func upgradeOnRead() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        // make it look like a version-2 database: no v3 columns, no v3 migration recorded (and
        // the later indexes over those columns not made yet)
        try store.pool.write { db in
            try db.execute(sql: """
                DROP INDEX ticket_open;
                DROP INDEX ticket_outcome;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v16%';
                ALTER TABLE ticket DROP COLUMN accepted_at;
                ALTER TABLE ticket DROP COLUMN dispatched_at;
                DELETE FROM grdb_migrations WHERE identifier LIKE 'v3%';
                """)
        }
        let reader = try SQLiteStore(path: database.path, readOnly: true)
        let data = try reader.loadAll(at: now)
        #expect(data.tickets.count + data.outcomes.count == 73)
        #expect(data.tickets.allSatisfy { $0.acceptedAt == nil })
        #expect(try reader.pool.read { try Schema.migrator.hasCompletedMigrations($0) })
    }

    @Test("a read-only open of a file that is not a Doorstep database is refused")
    func foreignFile() throws {
        let database = try TemporaryDatabase()
        defer { database.cleanUp() }
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: database.path))
        #expect(throws: StoreError.self) { try SQLiteStore(path: database.path, readOnly: true) }
    }
}
