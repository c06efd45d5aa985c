import DoorstepCalls
import Foundation
import Logging
import Synchronization
@testable import DoorstepPostgres

#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL server for the tests: the one `DOORSTEP_TEST_POSTGRES` names (an admin URL),
/// else a throwaway cluster this process starts — `initdb` and `pg_ctl` from Debian's
/// packages, as the `postgres` user when run as root (initdb refuses root), in a temporary
/// directory, on 127.0.0.1 and a free port — and stops when it exits. Each test takes a fresh
/// database of its own on it, so suites run side by side.
enum TestServer {
    /// The admin URL, or why there is no server.
    static let admin: Result<String, Unavailable> = start()

    struct Unavailable: Error, CustomStringConvertible { var description: String }

    static var isAvailable: Bool {
        switch admin {
        case .success: return true
        case .failure(let reason):
            // (CI sets DOORSTEP_REQUIRE_POSTGRES: there the tests run, and fail saying why)
            if ProcessInfo.processInfo.environment["DOORSTEP_REQUIRE_POSTGRES"] == "1" { return true }
            FileHandle.standardError.write(Data("PostgreSQL tests skipped: \(reason)\n".utf8))
            return false
        }
    }

    static let logger = Logger(label: "doorstep.test.postgres") { _ in SwiftLogNoOpLogHandler() }
    private static let counter = Mutex(0)

    /// A new, empty database on the server.
    static func freshDatabase() throws -> PostgresLocation {
        let admin = try PostgresLocation(url: try self.admin.get())
        let name = "doorstep_test_\(getpid())_\(counter.withLock { $0 += 1; return $0 })"
        let pool = ConnectionPool(location: admin, size: 1, logger: logger)
        defer { pool.close() }
        try pool.withConnection { connection in
            _ = try connection.query(.init(unsafeSQL: "DROP DATABASE IF EXISTS \(name)"), logger: logger).wait()
            _ = try connection.query(.init(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger).wait()
        }
        var location = admin
        location.database = name
        return location
    }

    private static func start() -> Result<String, Unavailable> {
        if let url = ProcessInfo.processInfo.environment["DOORSTEP_TEST_POSTGRES"], !url.isEmpty { return .success(url) }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let bin = versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }).map({ "/usr/lib/postgresql/\($0)/bin" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") })
        else { return .failure(Unavailable(description: "no initdb under /usr/lib/postgresql (apt-get install postgresql)")) }
        var template = Array("/tmp/doorstep-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return .failure(Unavailable(description: "cannot make a temporary directory")) }
        let directory = String(cString: made)
        var asPostgres: [String] = []
        if getuid() == 0 {
            guard let account = getpwnam("postgres") else { return .failure(Unavailable(description: "running as root, and there is no postgres user")) }
            chown(directory, account.pointee.pw_uid, account.pointee.pw_gid)
            asPostgres = ["runuser", "-u", "postgres", "--"]
        }
        let environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"]
        func run(_ arguments: [String]) -> String? {
            do {
                let result = try Subprocess.run(asPostgres + arguments, environment: environment, timeout: 120)
                return result.status == 0 ? nil : "\(arguments[0]) exited \(result.status): \(result.output.suffix(400))"
            } catch {
                return "\(arguments[0]): \(error)"
            }
        }
        if let problem = run([bin + "/initdb", "-D", directory + "/data", "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-locale"]) {
            return .failure(Unavailable(description: problem))
        }
        let port = freePort()
        let options = "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300"
        if let problem = run([bin + "/pg_ctl", "-D", directory + "/data", "-l", directory + "/server.log", "-w", "-t", "60", "-o", options, "start"]) {
            return .failure(Unavailable(description: problem))
        }
        Cluster.stopCommand.withLock { $0 = asPostgres + [bin + "/pg_ctl", "-D", directory + "/data", "-m", "immediate", "-w", "stop"] }
        Cluster.directory.withLock { $0 = directory }
        atexit { Cluster.stop() }
        return .success("postgresql://postgres@127.0.0.1:\(port)/postgres?sslmode=disable")
    }

    /// A TCP port nothing listens on now (the kernel's pick).
    static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// What stops the throwaway cluster when the test process ends.
enum Cluster {
    static let stopCommand = Mutex<[String]>([])
    static let directory = Mutex<String?>(nil)

    static func stop() {
        let command = stopCommand.withLock { $0 }
        guard !command.isEmpty else { return }
        _ = try? Subprocess.run(command, environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], timeout: 60)
        if let directory = directory.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: directory) }
    }
}
