import DoorstepDomain
import DoorstepTestSupport
import Foundation
import GRDB
import Testing

@testable import DoorstepStore

/// A database written by the version before the change feed was typed (main at 985ef0f: the
/// demo street, one ticket through the whole loop, an escalation, a cancellation, a duty change,
/// a visit, calls answered and declined, two imports, an escalated call and a reveal) reads
/// into typed changes unchanged.
@Suite("A database written by an earlier version")
struct WrittenByMainTests {
    /// A copy of the fixture in its own folder (opening a database may write beside it).
    func copy() throws -> TemporaryDatabase {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/written-by-985ef0f.sqlite")
        let database = try TemporaryDatabase()
        try FileManager.default.copyItem(at: fixture, to: URL(fileURLWithPath: database.path))
        return database
    }

    @Test("every event it wrote reads as a typed change, with who did it")
    func events() throws {
        let database = try copy()
        defer { database.cleanUp() }
        let store = try SQLiteStore(path: database.path, readOnly: true)
        let events = try store.events(after: 0, limit: 100)
        let expected: [(String, Change)] = [
            ("init", .initialised(centreCode: "LJ", grids: 64)),
            ("cli:unknown", .ticket(id: "T00074", .ordered(title: "独居老人助餐"))),
            ("dispatcher:D1", .ticket(id: "T00074", .dispatched(gridCode: "JB02", assigneeID: "S0016"))),
            ("S0016", .ticket(id: "T00074", .accepted(staffID: "S0016"))),
            ("S0016", .ticket(id: "T00074", .resolved(note: "已送餐"))),
            ("resident", .ticket(id: "T00074", .rated(score: 5))),
            ("cli:unknown", .ticket(id: "T00075", .ordered(title: "助浴"))),
            ("cli:unknown", .ticket(id: "T00075", .dispatched(gridCode: "JB01", assigneeID: nil))),
            ("cli:unknown", .ticket(id: "T00075", .escalated)),
            ("cli:unknown", .ticket(id: "T00076", .ordered(title: "重复单"))),
            ("cli:unknown", .ticket(id: "T00076", .cancelled(reason: "重复"))),
            ("S0002", .duty(staffID: "S0002", .busy)),
            ("S0002", .visit(visitID: "V00316", householdID: "H00001")),
            ("cli:unknown", .callPlaced(callID: "C000001", staffID: "S0002")),
            ("S0002", .callAnswered(callID: "C000001", accepted: true)),
            ("cli:unknown", .callPlaced(callID: "C000002", staffID: "S0003")),
            ("S0003", .callAnswered(callID: "C000002", accepted: false)),
            ("import", .imported(.households, source: "h.csv", rows: 2)),
            ("import", .imported(.staff, source: "s.csv", rows: 2)),
            ("operator", .callEscalated(callID: "C000002", to: ["S0003", "S0004"])),
            ("operator", .revealed(subject: "T00074")),
        ]
        #expect(events.map(\.sequence) == Array(1...Int64(expected.count)))
        #expect(events.map(\.actor) == expected.map(\.0))
        #expect(events.map(\.change) == expected.map(\.1))
        // and each writes back to the same columns it was read from
        let stored = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, subject, detail FROM event ORDER BY seq").map { row -> [String] in
                [row["kind"], row["subject"], row["detail"]]
            }
        }
        #expect(events.map { EventCodec.encode($0.change) }.map { [$0.kind, $0.subject, $0.detail] } == stored)
    }

    @Test("a ticket's history reads as typed moves; the working set and the engine read it whole")
    func history() throws {
        let database = try copy()
        defer { database.cleanUp() }
        let store = try SQLiteStore(path: database.path, readOnly: true)
        let history = try store.history(of: "T00074")
        #expect(history.map(\.change) == [
            .ordered(title: "独居老人助餐"), .dispatched(gridCode: "JB02", assigneeID: "S0016"), .accepted(staffID: "S0016"),
            .resolved(note: "已送餐"), .rated(score: 5),
        ])
        #expect(history.map(\.to) == [.ordered, .dispatched, .accepted, .resolved, .rated])
        let written = try #require(history.last?.at)
        let data = try store.loadAll(at: written.addingTimeInterval(60))
        #expect(data.grids.count == 64)
        #expect(data.tickets.contains { $0.id == "T00075" && $0.state == .escalated })
    }

    @Test("a kind this version does not know is kept as stored, not an error that stops the feed")
    func unknownKind() throws {
        let database = try copy()
        defer { database.cleanUp() }
        let writer = try SQLiteStore(path: database.path)
        try writer.pool.write { db in
            try db.execute(sql: "INSERT INTO event (at, kind, subject, actor, detail) VALUES (0, 'hazard.opened', 'Z001', 'S0002', '燃气')")
            try db.execute(sql: "INSERT INTO event (at, kind, subject, actor, detail) VALUES (0, 'ticket.rate', 'T00074', 'x', 'five')")
        }
        let events = try writer.events(after: 21, limit: 10)
        #expect(events.map(\.change) == [
            .unreadable(kind: "hazard.opened", subject: "Z001", detail: "燃气"),
            .unreadable(kind: "ticket.rate", subject: "T00074", detail: "five"),
        ])
    }
}
