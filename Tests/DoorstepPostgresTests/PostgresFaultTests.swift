import DoorstepTestSupport
import DoorstepDomain
import DoorstepStore
import Foundation
import Synchronization
import Testing
@testable import DoorstepPostgres

/// Push and faults: a commit on one machine wakes a listener on another at once; a server
/// restart costs a wall a moment, not its data or its process.
@Suite("PostgreSQL listening and restarts", .enabled(if: TestServer.isAvailable), .serialized)
struct PostgresFaultTests {
    let t0 = Date(timeIntervalSince1970: 1_796_032_800)

    @Test("a commit from another store wakes the listener well under a refresh interval")
    func wakes() throws {
        let location = try TestServer.freshDatabase()
        let writer = try PostgresStore.open(location, logger: TestServer.logger)
        defer { writer.close() }
        let reader = try PostgresStore.open(location, logger: TestServer.logger)
        defer { reader.close() }
        let woken = DispatchSemaphore(value: 0)
        let listening = DispatchSemaphore(value: 0)
        let listener = FeedListener(store: reader, logger: TestServer.logger, onState: { if $0 { listening.signal() } }) { woken.signal() }
        listener.start()
        defer { listener.stop() }
        #expect(listening.wait(timeout: .now() + 30) == .success)
        var latencies: [Duration] = []
        for n in 0..<5 {
            let start = ContinuousClock.now
            try writer.recordReveal(of: "T\(n)", by: "duty", at: t0)
            #expect(woken.wait(timeout: .now() + 5) == .success)
            latencies.append(ContinuousClock.now - start)
        }
        // every wake came: the events are there to read
        #expect(try reader.events(after: 0, limit: 10).count == 5)
        print("feed listener: commit to wake \(latencies.map { $0.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))) })")
    }

    @Test("the server restarts: the next command on the same store works, and the listener hears again and wakes to catch up")
    func restart() throws {
        let cluster: Cluster
        do { cluster = try Cluster.start() } catch { throw error }
        defer { cluster.stop() }
        var location = try PostgresLocation(url: cluster.adminURL)
        location.database = "postgres"
        let store = try PostgresStore.open(location, poolSize: 2, patience: 5, logger: TestServer.logger)
        defer { store.close() }
        let states = Mutex<[Bool]>([])
        let wakes = Atomic<Int>(0)
        let heard = DispatchSemaphore(value: 0)
        let listener = FeedListener(store: store, logger: TestServer.logger, onState: { listening in
            states.withLock { $0.append(listening) }
            heard.signal()
        }) { wakes.add(1, ordering: .relaxed) }
        listener.start()
        defer { listener.stop() }
        #expect(heard.wait(timeout: .now() + 30) == .success)
        try store.recordReveal(of: "T1", by: "duty", at: t0)
        let before = try store.lastSequence()

        #expect(cluster.pgctl("restart") == nil)
        // nothing acknowledged is lost, and the store reaches the server again by itself
        try store.recordReveal(of: "T2", by: "duty", at: t0)
        #expect(try store.events(after: 0, limit: 10).map(\.change) == [.revealed(subject: "T1"), .revealed(subject: "T2")])
        #expect(try store.lastSequence() > before)
        // the listener lost the server, then heard it again, and woke the reader to catch up
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, states.withLock({ $0 }) != [true, false, true] { _ = heard.wait(timeout: .now() + 1) }
        #expect(states.withLock { $0 } == [true, false, true])
        #expect(wakes.load(ordering: .relaxed) >= 1)
    }
}
