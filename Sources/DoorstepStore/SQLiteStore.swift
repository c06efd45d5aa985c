import DoorstepDomain
import Foundation
import GRDB

/// The store on one SQLite file, through GRDB: a `DatabasePool` in WAL mode, so any number of
/// readers (walls, listings, other terminals) read while one writer writes; a 5-second busy
/// timeout; every write an IMMEDIATE transaction that takes the write lock before it reads,
/// checks, writes and appends to the event log.
public final class SQLiteStore: SQLStore {
    let pool: DatabasePool
    public let path: String
    /// The operator this store acts for (`acting(as:)`): every write is checked against their
    /// role and scope inside its transaction. Nil for the store's own tools (an import, the
    /// demo's simulator, a bench), which are not checked.
    public let operatorID: String?
    /// The file opened (its device and inode): a path deleted or replaced under a running
    /// process is noticed (`checkStillThere`).
    let identity: FileIdentity?

    /// The same database, each write checked as done by operator `id` (who must exist when
    /// the write happens: an operator removed meanwhile is refused).
    public func acting(as id: String) -> SQLiteStore { SQLiteStore(pool: pool, path: path, operatorID: id, identity: identity) }

    public func checked(as operatorID: String) -> any DoorstepStore { acting(as: operatorID) }

    private init(pool: DatabasePool, path: String, operatorID: String?, identity: FileIdentity?) {
        self.pool = pool
        self.path = path
        self.operatorID = operatorID
        self.identity = identity
    }

    /// What a URL given for a SQLite file is told (its password, if any, left out).
    static func serverURLRefusal(_ url: String) -> String {
        "\(ServerURL.redacted(url)) names a database server, and this doorstep opens SQLite files only: the PostgreSQL store is not "
            + "wired into the commands yet (give a file path, or leave --db out for the default)"
    }

    /// Opens the database at `path`. `create` makes a new one (and its folder) when there is
    /// none; `readOnly` opens for reading only (a wall, a listing). `waiting` hears, once, that a
    /// write is waiting for another process's lock (a command's standard error; not a wall's).
    public init(path: String, readOnly: Bool = false, create: Bool = false, waiting: (@Sendable (String) -> Void)? = nil) throws {
        self.path = path
        operatorID = nil
        // a server's URL is not a file: today such a URL made a folder named `postgresql:`
        if let scheme = path.range(of: "://"), !path[..<scheme.lowerBound].contains("/") {
            throw StoreError.unavailable(Self.serverURLRefusal(path))
        }
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists {
            guard create, !readOnly else { throw StoreError.missingDatabase(path) }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                // (a folder made here is its owner's alone, as the database in it is)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.unavailable("cannot create \(folder.path): \(error.localizedDescription)")
            }
            // residents' names and phones: the file is made readable by its owner only (SQLite
            // gives its -wal and -shm files the database's permissions)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 {
                close(fd)
            } else if errno != EEXIST {  // (another process making it at the same moment is no error)
                throw StoreError.unavailable("cannot create \(path): \(String(cString: strerror(errno)))")
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .callback(Self.busyHandler(path: path, waiting: waiting))
        configuration.readonly = readOnly
        configuration.label = "doorstep"
        // WAL with NORMAL: a commit is durable against a crash of the program, and the file
        // stays consistent on power loss (the last commits may roll back); FULL would fsync
        // every commit, which caps single-order writes at the disk's sync rate
        configuration.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        do {
            let migrator = Schema.migrator
            if readOnly {
                var readerPool = try DatabasePool(path: path, configuration: configuration)
                if try !readerPool.read({ try migrator.hasCompletedMigrations($0) }) {
                    // a Doorstep database from an older version: bring it up to date once, then read
                    guard try readerPool.read({ try $0.tableExists("grdb_migrations") && $0.tableExists("street") }) else {
                        throw StoreError.unavailable("\(path) is not a Doorstep database")
                    }
                    var writable = configuration
                    writable.readonly = false
                    try migrator.migrate(try DatabasePool(path: path, configuration: writable))
                    readerPool = try DatabasePool(path: path, configuration: configuration)
                }
                pool = readerPool
            } else {
                pool = try DatabasePool(path: path, configuration: configuration)
                try migrator.migrate(pool)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.failure(error, path: path, .opening(readOnly: readOnly))
        }
        identity = FileIdentity.of(path)
    }

    /// Runs `body` in one IMMEDIATE write transaction; store errors pass through, database
    /// errors become `StoreError.unavailable`.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try checkStillThere(writing: true)
        do {
            var result: T?
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
            }
            guard let result else { throw StoreError.unavailable("the write produced no result") }
            return result
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.failure(error, path: path, .writing)
        }
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try checkStillThere(writing: false)
        do {
            return try pool.read { db in try body(db) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.failure(error, path: path, .reading)
        }
    }

}

extension SQLStore {
    /// Appends one event to the log (inside the caller's transaction).
    /// `prior`: what the changed row held just before, where a replay needs it (`Prior`).
    static func append(_ db: some SQLSession, _ change: Change, prior: Prior? = nil, by actor: String, at time: Date) throws {
        let row = EventCodec.encode(change)
        try db.execute("INSERT INTO event (at, kind, subject, actor, detail, grid, prior) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [time.timeIntervalSince1970, row.kind, row.subject, actor, row.detail, try grid(of: change, db), EventCodec.encode(prior: prior)])
    }

    /// The grid a change happened in, read as the change is written (after its rows are).
    static func grid(of change: Change, _ db: some SQLSession) throws -> String? {
        switch change {
        case .initialised, .imported, .operatorAdded, .operatorRemoved, .keyIssued, .keyRevoked, .handover, .unreadable:
            return nil
        case .ticket(let id, _), .callIn(_, let id, _), .callInAnswered(_, let id, _):
            return try grid(of: "ticket", "id", id, db)
        case .duty(let staff, _):
            return try grid(of: "staff", "id", staff, db)
        case .visit(_, let household):
            return try grid(of: "household", "id", household, db)
        case .callPlaced(let call, _), .callAnswered(let call, _, _), .callEscalated(let call, _), .callFailed(let call, _), .callConfirmed(let call, _):
            guard let row = try db.first("SELECT grid, staff FROM \"call\" WHERE id = ?", [call], { ($0.optionalText("grid"), $0.optionalText("staff")) })
            else { return nil }
            if let grid = row.0 { return grid }
            return try row.1.flatMap { try grid(of: "staff", "id", $0, db) }
        case .carePlan(let plan, _), .careServiceDone(_, let plan):
            return try grid(of: "care_plan", "id", plan, db)
        case .fourClears(_, let grid, _, _), .alarm(_, let grid, _):
            return grid
        case .placeVisit(_, let place):
            return try grid(of: "key_place", "code", place, db)
        case .revealed(let subject):
            return try grid(of: "ticket", "id", subject, db) ?? grid(of: "household", "id", subject, db)
        }
    }

    /// The next id of the form PREFIX + zero-padded number for `table` (inside a write
    /// transaction).
    static func nextID(_ db: some SQLSession, table: String, prefix: String, digits: Int) throws -> String {
        guard let id = try nextIDs(db, table: table, prefix: prefix, digits: digits, count: 1).first else {
            throw StoreError.unavailable("no id could be allocated for \(table)")
        }
        return id
    }

    /// The next `count` ids for `table`. A counter row per table keeps it O(1) (one read and
    /// one write however many); the first use seeds it from the largest id already there (one scan).
    static func nextIDs(_ db: some SQLSession, table: String, prefix: String, digits: Int, count: Int) throws -> [String] {
        var current = try db.integer("value", "SELECT value FROM counter WHERE name = ?", [table])
        if current == nil {
            current = try db.integer("n", """
                SELECT MAX(CAST(SUBSTR(id, \(prefix.count + 1)) AS BIGINT)) AS n FROM \(table) WHERE \(db.dialect.digits(after: prefix, in: "id"))
                """) ?? 0
        }
        let first = (current ?? 0) + 1
        try db.execute("INSERT INTO counter (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                   [table, first + count - 1])
        return (first..<(first + count)).map { next in
            let number = String(next)
            return prefix + String(repeating: "0", count: Swift.max(0, digits - number.count)) + number
        }
    }
}
