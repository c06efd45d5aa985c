import DoorstepTestSupport
import DoorstepDomain
import DoorstepStore
import Foundation
import Synchronization
import Testing
@testable import DoorstepPostgres

/// The change feed on a real server: numbers in commit order, so a poller that reads "after
/// the last I saw" while many writers commit sees every event exactly once.
@Suite("PostgreSQL change feed", .enabled(if: TestServer.isAvailable))
struct PostgresFeedTests {
    let t0 = Date(timeIntervalSince1970: 1_796_032_800)

    @Test("an empty database gets the schema; two processes opening it together both succeed and it is migrated once")
    func migrations() throws {
        let location = try TestServer.freshDatabase()
        let opened = Mutex<[Result<[Int], StoreError>]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let store = try PostgresStore.open(location, poolSize: 1, logger: TestServer.logger)
                defer { store.close() }
                let versions = try store.schemaVersions()
                opened.withLock { $0.append(.success(versions)) }
            } catch {
                opened.withLock { $0.append(.failure(error as? StoreError ?? .unavailable("\(error)"))) }
            }
        }
        let results = opened.withLock { $0 }
        #expect(results.count == 2)
        for result in results { #expect((try? result.get()) == PostgresSchema.migrations.map(\.version)) }
    }

    @Test("events come back as written, oldest first after a number, newest first for the ticker")
    func roundTrip() throws {
        let store = try PostgresStore.open(try TestServer.freshDatabase(), logger: TestServer.logger)
        defer { store.close() }
        #expect(try store.lastSequence() == 0)
        try store.recordReveal(of: "T1", by: "duty", at: t0)
        try store.recordReveal(of: "H0001", by: "duty", at: t0.addingTimeInterval(1))
        let events = try store.events(after: 0, limit: 10)
        let numbers = events.map(\.sequence)
        #expect(numbers.count == 2 && numbers[1] > numbers[0])
        #expect(events.map(\.change) == [.revealed(subject: "T1"), .revealed(subject: "H0001")])
        #expect(events.map(\.at) == [t0, t0.addingTimeInterval(1)] && events.allSatisfy { $0.actor == "duty" && $0.gridCode == nil })
        #expect(try store.events(after: numbers[0], limit: 10).map(\.sequence) == [numbers[1]])
        #expect(try store.recentEvents(limit: 1).map(\.sequence) == [numbers[1]])
        #expect(try store.lastSequence() == numbers[1])
    }

    @Test("8 writers, each holding its write open a moment after its event, and a poller: every event seen exactly once, in order")
    func concurrentWriters() throws {
        let store = try PostgresStore.open(try TestServer.freshDatabase(), poolSize: 10, logger: TestServer.logger)
        defer { store.close() }
        let writers = 8
        let perWriter = 40
        let shared = Shared()
        let poller = Thread {
            var last: Int64 = 0
            while true {
                let done = shared.finished.load(ordering: .acquiring) == writers
                guard let batch = try? store.events(after: last, limit: 25) else { continue }
                if let newest = batch.last?.sequence { last = newest }
                shared.seen.withLock { $0 += batch }
                if done, batch.isEmpty { break }
            }
        }
        poller.start()
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for n in 0..<perWriter {
                do {
                    try store.write { db in
                        let event = EventCodec.encode(.visit(visitID: "V\(writer)-\(n)", householdID: "H\(writer)"))
                        try db.execute("INSERT INTO event (at, kind, subject, actor, detail) VALUES (?, ?, ?, ?, ?)",
                                       [t0.timeIntervalSince1970, event.kind, event.subject, "w\(writer)", event.detail])
                        // a commit that comes late: without the feed's lock, a later number would commit first
                        usleep(UInt32.random(in: 0...2_000))
                    }
                } catch {
                    Issue.record("writer \(writer) failed: \(error)")
                }
            }
            shared.finished.add(1, ordering: .releasing)
        }
        let deadline = Date().addingTimeInterval(120)
        while !poller.isFinished, Date() < deadline { usleep(10_000) }
        let events = shared.seen.withLock { $0 }
        #expect(poller.isFinished)
        #expect(events.count == writers * perWriter)
        #expect(Set(events.map(\.sequence)).count == events.count)
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.sequence < $1.sequence })
        #expect(Set(events.map(\.change)).count == writers * perWriter)
    }

    @Test("a server that does not answer is a clear 'cannot reach' within the wait, naming the place and not the password")
    func unreachable() throws {
        let port = TestServer.freePort()
        let location = try PostgresLocation(url: "postgresql://wall:hunter2@127.0.0.1:\(port)/street?sslmode=disable")
        #expect {
            try PostgresStore.open(location, patience: 3, logger: TestServer.logger)
        } throws: { error in
            let message = "\(error)"
            return message.contains("cannot reach postgresql://wall@127.0.0.1:\(port)/street") && !message.contains("hunter2")
        }
    }
}

/// What the writers and the poller share.
private final class Shared: Sendable {
    let finished = Atomic<Int>(0)
    let seen = Mutex<[ChangeEvent]>([])
}
