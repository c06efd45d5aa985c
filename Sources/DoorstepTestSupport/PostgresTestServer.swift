import DoorstepCalls
import Foundation
import Logging
import Synchronization
import DoorstepPostgres
import DoorstepSeeds
import DoorstepStore

#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server for the tests: the one `DOORSTEP_TEST_POSTGRES` names (an admin URL),
/// else a throwaway cluster this process starts — `initdb` and `pg_ctl` from Debian's
/// packages, as the `postgres` user when run as root (initdb refuses root), in a temporary
/// directory, on 127.0.0.1 and a free port — and stops when it exits. Each test takes a fresh
/// database of its own on it, so suites run side by side.
public enum TestServer {
    /// The admin URL, or why there is no server.
    public static let admin: Result<String, Unavailable> = start()

    public struct Unavailable: Error, CustomStringConvertible { public var description: String }

    public static var isAvailable: Bool {
        switch admin {
        case .success: return true
        case .failure(let reason):
            // (CI sets DOORSTEP_REQUIRE_POSTGRES: there the tests run, and fail saying why)
            if ProcessInfo.processInfo.environment["DOORSTEP_REQUIRE_POSTGRES"] == "1" { return true }
            FileHandle.standardError.write(Data("PostgreSQL tests skipped: \(reason)\n".utf8))
            return false
        }
    }

    public static let logger = Logger(label: "doorstep.test.postgres") { _ in SwiftLogNoOpLogHandler() }
    private static let counter = Mutex(0)

    /// The demo street's databases as of each instant asked for, loaded once (a load over the
    /// wire takes seconds), and copied for each test by `CREATE DATABASE … TEMPLATE`.
    private static let demoTemplates = Mutex<[Double: String]>([:])

    /// A new database holding the demo street as of `now`.
    public static func demoDatabase(now: Date) throws -> PostgresLocation {
        let admin = try PostgresLocation(url: try self.admin.get())
        let name = "doorstep_test_\(getpid())_\(counter.withLock { $0 += 1; return $0 })"
        try demoTemplates.withLock { templates in
            let template: String
            if let made = templates[now.timeIntervalSince1970] {
                template = made
            } else {
                let location = try freshDatabase()
                let store = try PostgresStore.open(location, logger: logger)
                defer { store.close() }
                try store.replaceAll(with: try DataSet.load(from: .embeddedDemo, now: now), at: now)
                store.close()
                template = location.database
                templates[now.timeIntervalSince1970] = template
            }
            // (one copy at a time: a template must have no other users while it is copied; a
            // connection of the store that loaded it can still be going away on the server, so
            // any left are ended and the copy tried again — once it failed with 55006, "being
            // accessed by other users", after PostgreSQL's own 5 s wait)
            for attempt in 1...3 {
                do {
                    try PostgresStore.administer("CREATE DATABASE \(name) TEMPLATE \(template)", at: admin, logger: logger)
                    break
                } catch let error as StoreError where attempt < 3 && "\(error)".contains("[55006]") {
                    try PostgresStore.administer(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(template)' AND pid <> pg_backend_pid()",
                        at: admin, logger: logger)
                }
            }
        }
        var location = admin
        location.database = name
        return location
    }

    /// A new, empty database on the server.
    public static func freshDatabase() throws -> PostgresLocation {
        let admin = try PostgresLocation(url: try self.admin.get())
        let name = "doorstep_test_\(getpid())_\(counter.withLock { $0 += 1; return $0 })"
        try PostgresStore.administer("DROP DATABASE IF EXISTS \(name)", at: admin, logger: logger)
        try PostgresStore.administer("CREATE DATABASE \(name)", at: admin, logger: logger)
        var location = admin
        location.database = name
        return location
    }

    private static func start() -> Result<String, Unavailable> {
        if let url = ProcessInfo.processInfo.environment["DOORSTEP_TEST_POSTGRES"], !url.isEmpty { return .success(url) }
        do {
            let cluster = try Cluster.start()
            atexit { Cluster.stopAll() }
            return .success(cluster.adminURL)
        } catch {
            return .failure(error)
        }
    }

    /// A TCP port nothing listens on now (the kernel's pick).
    public static func freePort() -> Int { (try? LocalPort.free()) ?? 0 }
}

/// A throwaway PostgreSQL cluster: `initdb` and `pg_ctl` from Debian's packages, as the
/// `postgres` user when run as root (initdb refuses root), in a temporary directory, on
/// 127.0.0.1 and a free port; stopped by `stop()` or when the test process ends.
public final class Cluster: Sendable {
    let directory: String
    let port: Int
    private let bin: String
    private let asPostgres: [String]
    private static let running = Mutex<[Cluster]>([])
    private static let environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"]

    public var adminURL: String { "postgresql://postgres@127.0.0.1:\(port)/postgres?sslmode=disable" }

    private init(directory: String, port: Int, bin: String, asPostgres: [String]) {
        self.directory = directory
        self.port = port
        self.bin = bin
        self.asPostgres = asPostgres
    }

    public static func start() throws(TestServer.Unavailable) -> Cluster {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let bin = versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }).map({ "/usr/lib/postgresql/\($0)/bin" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") })
        else { throw TestServer.Unavailable(description: "no initdb under /usr/lib/postgresql (apt-get install postgresql)") }
        var template = Array("/tmp/doorstep-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestServer.Unavailable(description: "cannot make a temporary directory") }
        let directory = String(cString: made)
        var asPostgres: [String] = []
        if getuid() == 0 {
            guard let account = getpwnam("postgres") else { throw TestServer.Unavailable(description: "running as root, and there is no postgres user") }
            chown(directory, account.pointee.pw_uid, account.pointee.pw_gid)
            asPostgres = ["runuser", "-u", "postgres", "--"]
        }
        let cluster = Cluster(directory: directory, port: TestServer.freePort(), bin: bin, asPostgres: asPostgres)
        if let problem = cluster.run(["initdb", "-D", directory + "/data", "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-locale"]) {
            throw TestServer.Unavailable(description: problem)
        }
        running.withLock { $0.append(cluster) }
        if let problem = cluster.pgctl("start") { throw TestServer.Unavailable(description: problem) }
        return cluster
    }

    /// Runs one of the server's programs; nil when it succeeded, else what it said.
    private func run(_ arguments: [String]) -> String? {
        do {
            let result = try Subprocess.run(asPostgres + [bin + "/" + arguments[0]] + arguments.dropFirst(), environment: Self.environment, timeout: 120)
            return result.status == 0 ? nil : "\(arguments[0]) exited \(result.status): \(result.output.suffix(400))"
        } catch {
            return "\(arguments[0]): \(error)"
        }
    }

    /// `pg_ctl start`, `stop` or `restart`, the old server stopped as a crash would (immediate:
    /// what it committed survives through its log, which is why commits are not made
    /// asynchronous here; fsync is off, which only a crash of the machine would show); nil
    /// when it worked.
    @discardableResult
    public func pgctl(_ action: String) -> String? {
        let options = "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300"
        return run(["pg_ctl", "-D", directory + "/data", "-l", directory + "/server.log", "-w", "-t", "60", "-m", "immediate", "-o", options, action])
    }

    /// Stops the server and removes its files.
    public func stop() {
        pgctl("stop")
        try? FileManager.default.removeItem(atPath: directory)
        Self.running.withLock { $0.removeAll { $0 === self } }
    }

    /// Stops every cluster still running (at the test process's exit).
    static func stopAll() {
        for cluster in running.withLock({ $0 }) { cluster.stop() }
    }
}
