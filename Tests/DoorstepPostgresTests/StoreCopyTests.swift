import DoorstepDomain
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing
@testable import DoorstepPostgres

/// A whole database moved from SQLite to PostgreSQL and back: every table's rows, the history,
/// the event log with its numbers, and the stores go on from where the copy left off.
@Suite("Copying a store", .enabled(if: TestServer.isAvailable))
struct StoreCopyTests {
    let now = StoreFixtures.now

    @Test("SQLite → PostgreSQL → SQLite: the same counts, events, histories and working set; the copy writes on with the next numbers")
    func roundTrip() throws {
        let (folder, sqlite) = try TemporaryDatabase.demo(now: now)
        defer { folder.cleanUp() }
        // some history first: a ticket through the loop, a call, an alarm, a key
        let ticket = try sqlite.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "独居老人助餐"), by: "resident", at: now)
        _ = try sqlite.act(on: ticket.id, .dispatch(gridCode: "JB01", assigneeID: nil), by: "S0001", at: now)
        _ = try sqlite.act(on: ticket.id, .accept(staffID: "S0002"), by: "S0002", at: now)
        _ = try sqlite.placeCalls(to: ["S0002"], gridCode: "JB01", by: "duty", at: now)
        _ = try sqlite.raiseAlarm(gridCode: "JB03", reasons: ["overdue"], at: now)
        let postgres = try PostgresStore.open(try TestServer.freshDatabase(), logger: TestServer.logger)
        defer { postgres.close() }
        var heard: [String: Int] = [:]
        let counts = try StoreCopy.copy(from: sqlite, to: postgres) { table, done, _ in heard[table] = done }
        #expect(counts["household"] == 2950 && counts["event"] ?? 0 > 5 && counts["ticket"] ?? 0 > 70)
        #expect(heard["household"] == 2950)
        #expect(try postgres.events(after: 0, limit: 10_000) == sqlite.events(after: 0, limit: 10_000))
        #expect(try postgres.history(of: ticket.id) == sqlite.history(of: ticket.id))
        let (a, b) = (try sqlite.loadAll(at: now), try postgres.loadAll(at: now))
        // (open tickets come in each database's own order: the wall sorts them)
        #expect(a.tickets.sorted { $0.id < $1.id } == b.tickets.sorted { $0.id < $1.id })
        #expect(a.staff == b.staff)
        #expect(a.calls == b.calls)
        #expect(a.alarms == b.alarms)
        #expect(a.households == b.households)

        // a second copy into a store that holds data is refused, unless told to replace it
        #expect(throws: StoreError.self) { try StoreCopy.copy(from: sqlite, to: postgres) }

        // and back to a new file, for a backup a person can open
        let back = try TemporaryDatabase()
        defer { back.cleanUp() }
        let restored = try SQLiteStore(path: back.path, create: true)
        try StoreCopy.copy(from: postgres, to: restored, replace: true)
        #expect(try restored.events(after: 0, limit: 10_000) == sqlite.events(after: 0, limit: 10_000))

        // the copy goes on with the next ticket, transition and event numbers
        let next = try postgres.order(OrderRequest(gridCode: "JB02", categoryCode: "care", title: "助餐"), by: "resident", at: now)
        let original = try sqlite.order(OrderRequest(gridCode: "JB02", categoryCode: "care", title: "助餐"), by: "resident", at: now)
        #expect(next.id == original.id)
        #expect(try postgres.lastSequence() == sqlite.lastSequence())
    }
}
