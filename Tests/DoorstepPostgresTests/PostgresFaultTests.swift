import DoorstepCalls
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

    @Test("a database that takes no writes (as a standby does): a write is refused as read-only and nothing written, reads go on; writable again, it writes")
    func readOnly() throws {
        let location = try TestServer.demoDatabase(now: t0)
        let admin = try PostgresLocation(url: try TestServer.admin.get())
        try PostgresStore.administer("ALTER DATABASE \(location.database) SET default_transaction_read_only = on", at: admin, logger: TestServer.logger)
        // (the setting is taken by new sessions: a store opened now has only such)
        let store = try PostgresStore.open(location, logger: TestServer.logger)
        defer { store.close() }
        let before = try store.lastSequence()
        let start = ContinuousClock.now
        #expect(throws: StoreError.self) { try store.recordReveal(of: "T00001", by: "duty", at: t0) }
        // (refused at once: the server's answer is final, not a fault to wait out)
        #expect(ContinuousClock.now - start < .seconds(2), "\(ContinuousClock.now - start)")
        do {
            try store.recordReveal(of: "T00001", by: "duty", at: t0)
        } catch let error as StoreError {
            #expect(error.fault == .readOnly && "\(error)".contains("read-only"), "\(error)")
        }
        #expect(try store.lastSequence() == before)
        #expect(try store.tickets(matching: TicketQuery()).count > 0)
        try PostgresStore.administer("ALTER DATABASE \(location.database) SET default_transaction_read_only = off", at: admin, logger: TestServer.logger)
        let again = try PostgresStore.open(location, logger: TestServer.logger)
        defer { again.close() }
        try again.recordReveal(of: "T00001", by: "duty", at: t0)
        #expect(try again.lastSequence() == before + 1)
    }

    @Test("the disk under the database full (its tablespace on a 32 MB tmpfs, filled): a write is refused as a full disk, reads go on; space freed, it writes",
          .enabled(if: getuid() == 0))
    func diskFull() throws {
        var template = Array("/tmp/doorstep-pgfull-XXXXXX".utf8CString)
        let folder = try #require(mkdtemp(&template).map { String(cString: $0) })
        defer { _ = try? Subprocess.run(["umount", folder], environment: [:], timeout: 30); rmdir(folder) }
        let mounted = try Subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", folder], environment: [:], timeout: 30)
        try #require(mounted.status == 0, "\(mounted.output)")
        let account = try #require(getpwnam("postgres"))
        chown(folder, account.pointee.pw_uid, account.pointee.pw_gid)
        let admin = try PostgresLocation(url: try TestServer.admin.get())
        let name = "doorstep_full_\(getpid())"
        try PostgresStore.administer("CREATE TABLESPACE \(name) LOCATION '\(folder)'", at: admin, logger: TestServer.logger)
        defer {
            try? PostgresStore.administer("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", at: admin, logger: TestServer.logger)
            try? PostgresStore.administer("DROP TABLESPACE IF EXISTS \(name)", at: admin, logger: TestServer.logger)
        }
        // (the demo street copied into the tablespace)
        let demo = try TestServer.demoDatabase(now: t0)
        try PostgresStore.administer("CREATE DATABASE \(name) TEMPLATE \(demo.database) TABLESPACE \(name)", at: admin, logger: TestServer.logger)
        var location = admin
        location.database = name
        let store = try PostgresStore.open(location, logger: TestServer.logger)
        defer { store.close() }
        // what is left of the file system, filled
        let filler = folder + "/filler"
        _ = try Subprocess.run(["dd", "if=/dev/zero", "of=\(filler)", "bs=64k"], environment: [:], timeout: 60)
        let before = try store.lastSequence()
        var refused: StoreError?
        // (a page or two may still fit in what the table had free: write until one is refused)
        for n in 0..<2_000 where refused == nil {
            do {
                _ = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "hazard", title: String(repeating: "满", count: 2_000) + "\(n)"), by: "duty", at: t0)
            } catch let error as StoreError {
                refused = error
            }
        }
        let error = try #require(refused, "every write fitted")
        #expect(error.fault == .diskFull, "\(error)")
        #expect(try store.tickets(matching: TicketQuery()).count > 0)
        _ = unlink(filler)
        let after = try store.lastSequence()
        _ = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "hazard", title: "空间已释放"), by: "duty", at: t0)
        #expect(try store.lastSequence() == after + 1 && after >= before)
    }
}
