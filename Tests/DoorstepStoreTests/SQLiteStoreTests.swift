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
        // make it look like a version-2 database: no v3 columns, no v3 migration recorded
        try store.pool.write { db in
            try db.execute(sql: """
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

    @Test("the loop 点单 → 派单 → 接单 → 办结 → 评价 runs, each step in the event log")
    func loop() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let start = try store.lastSequence()
        let ticket = try store.order(
            OrderRequest(gridCode: "JB01", categoryCode: "care", title: "独居老人助餐", residentName: "王五", residentPhone: "13812345678"),
            by: "resident", at: now)
        #expect(ticket.id == "T00074")
        _ = try store.act(on: ticket.id, .dispatch(gridCode: "JB02", assigneeID: nil), by: "S0001", at: now.addingTimeInterval(60))
        _ = try store.act(on: ticket.id, .accept(staffID: "S0016"), by: "S0016", at: now.addingTimeInterval(120))
        _ = try store.act(on: ticket.id, .resolve(staffID: "S0016", note: "已送餐"), by: "S0016", at: now.addingTimeInterval(180))
        let rated = try store.act(on: ticket.id, .rate(score: 5), by: "resident", at: now.addingTimeInterval(240))
        #expect(rated.state == .rated)
        #expect(rated.gridCode == "JB02")
        #expect(rated.rating == 5)
        #expect(try store.tickets(ids: [ticket.id]).first == rated)
        // its history, step by step with who did it
        let history = try store.history(of: ticket.id)
        #expect(history.map(\.to) == [.ordered, .dispatched, .accepted, .resolved, .rated])
        #expect(history.map(\.actor) == ["resident", "S0001", "S0016", "S0016", "resident"])
        let events = try store.events(after: start, limit: 100)
        #expect(events.map(\.kind) == [.ticketOrdered, .ticketDispatched, .ticketAccepted, .ticketResolved, .ticketRated])
        #expect(events.allSatisfy { $0.subject == ticket.id })
        #expect(events.map(\.sequence) == Array((start + 1)...(start + 5)))
        #expect(events.map(\.actor) == ["resident", "S0001", "S0016", "S0016", "resident"])
    }

    @Test("an illegal transition is refused, names who won, and writes nothing")
    func illegal() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let ticket = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐"), by: "r", at: now)
        let before = try store.lastSequence()
        #expect(throws: StoreError.self) { try store.act(on: ticket.id, .accept(staffID: "S0002"), by: "S0002", at: now) }
        _ = try store.act(on: ticket.id, .dispatch(gridCode: "JB01", assigneeID: nil), by: "S0001", at: now)
        _ = try store.act(on: ticket.id, .accept(staffID: "S0002"), by: "S0002", at: now)
        do {
            _ = try store.act(on: ticket.id, .accept(staffID: "S0003"), by: "S0003", at: now)
            Issue.record("a second accept succeeded")
        } catch let error as StoreError {
            #expect(error.description.hasPrefix("cannot accept \(ticket.id): it is accepted (by S0002 at "))
        }
        #expect(try store.lastSequence() == before + 2)
        #expect(try store.tickets(ids: [ticket.id]).first?.assigneeID == "S0002")
    }

    @Test("unknown grids, staff, tickets and calls are named; nothing is written")
    func unknown() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let before = try store.lastSequence()
        #expect(throws: StoreError.notFound(kind: "grid", id: "ZZ99")) {
            try store.order(OrderRequest(gridCode: "ZZ99", categoryCode: "care", title: "x"), by: "r", at: now)
        }
        #expect(throws: StoreError.notFound(kind: "category", id: "nope")) {
            try store.order(OrderRequest(gridCode: "JB01", categoryCode: "nope", title: "x"), by: "r", at: now)
        }
        #expect(throws: StoreError.notFound(kind: "ticket", id: "T99999")) { try store.act(on: "T99999", .escalate, by: "x", at: now) }
        #expect(throws: StoreError.notFound(kind: "staff", id: "S9999")) { try store.setDuty(staffID: "S9999", .off, by: "x", at: now) }
        #expect(throws: StoreError.notFound(kind: "call", id: "C999999")) {
            try store.acknowledge(callID: "C999999", staffID: "S0002", accept: true, timeout: 60, at: now)
        }
        #expect(throws: StoreError.invalid("an order needs a title")) {
            try store.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "  "), by: "r", at: now)
        }
        #expect(try store.lastSequence() == before)
    }

    @Test("calls: placed ringing, answered by the person called, missed after the timeout")
    func calls() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let calls = try store.placeCalls(to: ["S0002", "S0003"], gridCode: "JB01", by: "operator", at: now)
        #expect(calls.map(\.id) == ["C000001", "C000002"])
        #expect(throws: StoreError.invalid("call C000001 is for S0002, not S0003")) {
            try store.acknowledge(callID: "C000001", staffID: "S0003", accept: true, timeout: 60, at: now)
        }
        let answered = try store.acknowledge(callID: "C000001", staffID: "S0002", accept: true, timeout: 60, at: now.addingTimeInterval(10))
        #expect(answered.state == .answered)
        #expect(throws: StoreError.call(CallError(callID: "C000002", state: .missed))) {
            try store.acknowledge(callID: "C000002", staffID: "S0003", accept: true, timeout: 60, at: now.addingTimeInterval(61))
        }
        #expect(try store.ringingCalls().map(\.id) == ["C000002"])
    }

    @Test("duty changes, visits and imports land and are logged")
    func peopleAndVisits() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        #expect(try store.setDuty(staffID: "S0002", .off, by: "S0002", at: now).duty == .off)
        let visit = try store.logVisit(householdID: "H00001", staffID: "S0002", at: now)
        #expect(try store.visits(ids: [visit.id]).first?.householdID == "H00001")
        var household = try #require(try store.loadAll(at: now).households.first)
        household.headName = "新户主"
        household.id = "H99999"
        #expect(try store.upsert(households: [household], source: "test.csv", at: now) == 1)
        #expect(try store.loadAll(at: now).households.contains { $0.id == "H99999" && $0.headName == "新户主" })
        #expect(try store.recentEvents(limit: 3).map(\.kind) == [.importedHouseholds, .visit, .duty])
    }
}

@Suite("Bulk orders")
struct BulkOrderTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("orders in bulk are written in one transaction with an event each, or not at all")
    func allOrNone() throws {
        let (database, store) = try TemporaryDatabase.demo(now: now)
        defer { database.cleanUp() }
        let before = try store.lastSequence()
        let good = (0..<50).map { OrderRequest(gridCode: "JB01", categoryCode: "care", title: "批量 \($0)") }
        let written = try store.order(good, by: "hotline", at: now)
        #expect(written.count == 50 && Set(written.map(\.id)).count == 50)
        let events = try store.events(after: before, limit: 100)
        #expect(events.map(\.subject) == written.map(\.id) && events.allSatisfy { $0.kind == .ticketOrdered })

        let sequence = try store.lastSequence()
        var bad = good
        bad[30].gridCode = "NOPE"
        #expect(throws: StoreError.notFound(kind: "grid", id: "NOPE")) { try store.order(bad, by: "hotline", at: now) }
        bad[30] = OrderRequest(gridCode: "JB01", categoryCode: "care", title: "  ")
        #expect(throws: StoreError.invalid("order 31 of 50 has no title")) { try store.order(bad, by: "hotline", at: now) }
        #expect(try store.lastSequence() == sequence)  // nothing of either batch was written
        // the next single order continues the numbering
        let next = try store.order(OrderRequest(gridCode: "JB02", categoryCode: "care", title: "单张"), by: "t", at: now)
        #expect(next.id > (written.last?.id ?? ""))
    }
}
