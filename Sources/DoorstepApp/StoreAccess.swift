import DoorstepStore
import Foundation
#if PostgreSQL
import DoorstepPostgres
import Logging
#endif

/// Opening the store for a command, its errors as one-line failures: a SQLite file, or — in a
/// doorstep built with the PostgreSQL trait — a `postgresql://` server.
public enum StoreAccess {
    /// `waiting` hears, once, that a write waits for another process's lock (SQLite; a
    /// command passes `standardErrorNotice`, never a wall).
    public static func open(_ path: String, readOnly: Bool = false, create: Bool = false,
                            waiting: (@Sendable (String) -> Void)? = nil) throws -> any SQLStore {
        guard ServerURL.isPostgres(path) else {
            return try storeCall { try SQLiteStore(path: path, readOnly: readOnly, create: create, waiting: waiting) }
        }
        #if PostgreSQL
        return try storeCall {
            let location: PostgresLocation
            do { location = try PostgresLocation.resolve(path) } catch { throw StoreError.invalid("\(error)") }
            // (warnings only: a command's output is read by scripts, and the wall logs to its file)
            var logger = Logger(label: "doorstep.postgres")
            logger.logLevel = .warning
            return try PostgresStore.open(location, poolSize: 4, logger: logger)
        }
        #else
        throw Failure(
            "\(ServerURL.redacted(path)) names a PostgreSQL server, and this doorstep was built without PostgreSQL: "
                + "build it with `swift build --traits PostgreSQL` (or give a SQLite file)", exitCode: ExitStatus.unavailable)
        #endif
    }

    /// A command's notice on its standard error ("doorstep: waiting for …").
    public static let standardErrorNotice: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data("doorstep: \(text)\n".utf8))
    }

    /// Whether the database holds a street already (a file that exists; a server's database with one).
    public static func holdsData(_ path: String) -> Bool {
        guard ServerURL.isPostgres(path) else { return FileManager.default.fileExists(atPath: path) }
        return (try? open(path).jurisdiction()) != nil
    }
}
