import Foundation
import Testing

/// The file under the store failing (issue #18), with the real binary: a full disk and a
/// read-only file system (a small tmpfs of the test's own: root only, as CI runs), a database
/// locked by another process, a damaged file and one that is not a database, and the file
/// replaced or deleted under a running wall and service. Each refusal is one line that says
/// which fault it is; nothing saved is lost; the wall keeps drawing what it had and says its
/// data is stale; everything works again once the fault is gone.
@Suite("Storage faults end to end", .serialized)
struct StorageFaultsEndToEndTests {
    let binary = doorstepBinary()
    static let canMount = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/mount")

    /// A tmpfs of `megabytes` at a new folder; unmount it with `unmount`.
    func smallDisk(_ megabytes: Int) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-disk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let mounted = try spawn(["mount", "-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", folder])
        try #require(mounted.status == 0, "mount: \(mounted.output)")
        return folder
    }

    /// The demo street on a new 8 MB tmpfs: the disk's folder and the database.
    func streetOnSmallDisk() throws -> (disk: String, db: String) {
        let disk = try smallDisk(8)
        let db = disk + "/street.sqlite"
        #expect(try doorstep(["init", "--db", db]).status == 0)
        return (disk, db)
    }

    /// A wall over `db` in English at 120×40, polling twice a second (`prefix`: the shell's
    /// words before the command, an environment), once it shows the grids.
    func startWall(_ db: String, prefix: String = "") throws -> Tmux {
        let wall = try Tmux(width: 120, height: 40, command: "\(prefix)\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --lang en --refresh 0.5; echo \"exit=$?\"; sleep 600")
        #expect(wall.wait(for: 60) { $0.contains("All grids") }.ok)
        return wall
    }

    func unmount(_ folder: String) {
        _ = try? spawn(["umount", "-l", folder])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// `doorstep ARGS`: its status and its output's lines.
    func doorstep(_ arguments: [String]) throws -> (status: Int32, lines: [Substring]) {
        let result = try spawn([binary] + arguments)
        return (result.status, result.output.split(separator: "\n", omittingEmptySubsequences: true))
    }

    func order(_ db: String, _ title: String) throws -> (status: Int32, lines: [Substring]) {
        try doorstep(["order", "--db", db, "--grid", "JB01", "--category", "hazard", "--title", title])
    }

    func integrity(_ db: String) throws -> String {
        try spawn(["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])", db])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("a full disk: an order is refused saying the disk is full, the running wall and a reader go on, and it works again once space is freed",
          .enabled(if: canMount, "needs root to mount a small tmpfs"))
    func diskFull() throws {
        let (disk, db) = try streetOnSmallDisk()
        defer { unmount(disk) }
        let wall = try startWall(db)
        // fill it (dd stops at the end of the space)
        _ = try spawn(["dd", "if=/dev/zero", "of=\(disk)/fill", "bs=64k"])
        let refused = try order(db, "no room")
        #expect(refused.status == 69 && refused.lines.count == 1, "\(refused)")
        #expect(refused.lines.first?.contains("the disk holding \(disk) is full") == true && refused.lines.first?.contains("nothing was written") == true,
                "\(refused.lines)")
        // reads go on beside the running wall (its shared-memory index is there already)
        let snapshot = try doorstep(["snapshot", "--db", db, "--lang", "en"])
        #expect(snapshot.status == 0 && snapshot.lines.contains { $0.contains("Open tickets") }, "\(snapshot.lines.prefix(3))")
        let clock = wall.capture().split(separator: "\n").first.map(String.init) ?? ""
        #expect(wall.wait(for: 10) { ($0.split(separator: "\n").first.map(String.init) ?? "") != clock }.ok, "the wall stopped drawing on a full disk")
        #expect(!wall.capture().contains("exit="))
        // space freed: the next order is saved and reaches the wall
        try FileManager.default.removeItem(atPath: "\(disk)/fill")
        let saved = try order(db, "room again")
        #expect(saved.status == 0, "\(saved.lines)")
        let id = String(saved.lines.first ?? "?")
        #expect(wall.wait(for: 30) { $0.contains(id) }.ok, "\(id) did not reach the wall")
        wall.send("q")
        #expect(wall.wait { $0.contains("exit=0") }.ok)
        #expect(try integrity(db) == "ok")
    }

    @Test("a read-only file system: a write is refused saying so; a database never opened there cannot be read, and the message says to copy it",
          .enabled(if: canMount, "needs root to mount a small tmpfs"))
    func readOnlyFileSystem() throws {
        let (disk, db) = try streetOnSmallDisk()
        defer { unmount(disk) }
        #expect(try spawn(["mount", "-o", "remount,ro", disk]).status == 0)
        let refused = try order(db, "read-only")
        #expect(refused.status == 69 && refused.lines == ["doorstep: database unavailable: \(disk) is on a read-only file system: it cannot be opened for writing"],
                "\(refused.lines)")
        let read = try doorstep(["snapshot", "--db", db])
        #expect(read.status == 69 && read.lines.count == 1 && read.lines.first?.contains("copy \(db) to a writable folder") == true, "\(read.lines)")
        #expect(try spawn(["mount", "-o", "remount,rw", disk]).status == 0)
        #expect(try order(db, "writable again").status == 0)
    }

    @Test("another process holds the write lock: an order says it is waiting, gives up after 5 s saying who to look for, and the wall reads on")
    func locked() throws {
        let (folder, db) = try demoDatabase("locked", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wall = try startWall(db)
        // a writer that holds its lock for 12 s
        let holder = try Tmux(width: 80, height: 5, command: """
            python3 -c "import sqlite3,time; c=sqlite3.connect('\(db)', isolation_level=None); c.execute('BEGIN EXCLUSIVE'); \
            c.execute('UPDATE street SET name = name'); print('holding', flush=True); time.sleep(12); c.execute('ROLLBACK'); print('let go')"; sleep 600
            """)
        #expect(holder.wait { $0.contains("holding") }.ok)
        let started = Date()
        let refused = try order(db, "locked out")
        let waited = Date().timeIntervalSince(started)
        #expect(refused.status == 69, "\(refused)")
        #expect(refused.lines.first?.contains("waiting for another process to finish writing \(db)") == true, "\(refused.lines)")
        #expect(refused.lines.last?.contains("is locked by another process: waited 5 s") == true && refused.lines.last?.contains("nothing was written") == true,
                "\(refused.lines)")
        #expect(waited >= 4.5 && waited < 11, "gave up after \(waited) s")
        // the wall reads on while the lock is held (WAL: readers are not blocked)
        let clock = wall.capture().split(separator: "\n").first.map(String.init) ?? ""
        #expect(wall.wait(for: 10) { ($0.split(separator: "\n").first.map(String.init) ?? "") != clock }.ok)
        #expect(!wall.capture().contains("STALE"))
        #expect(holder.wait(for: 30) { $0.contains("let go") }.ok)
        #expect(try order(db, "after the lock").status == 0)
    }

    @Test("a damaged file and a file that is not a database: the wall and a command refuse with one line naming it; the damage is left as found")
    func damaged() throws {
        let (folder, db) = try demoDatabase("damaged", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        // pages 4 to 23 overwritten
        let handle = try #require(FileHandle(forUpdatingAtPath: db))
        try handle.seek(toOffset: 4096 * 3)
        handle.write(Data(repeating: 0xFF, count: 4096 * 20))
        try handle.close()
        let damage = 4096 * 3..<4096 * 23
        let before = try Data(contentsOf: URL(fileURLWithPath: db))[damage]
        for arguments in [["order", "--db", db, "--grid", "JB01", "--category", "hazard", "--title", "x"], ["snapshot", "--db", db],
                          ["wall", "--db", db]] {
            let refused = try doorstep(arguments)
            #expect(refused.status == 69 && refused.lines.count == 1, "\(arguments[0]): \(refused)")
            #expect(refused.lines.first?.contains("\(db) is damaged (SQLite: database disk image is malformed): restore it from a copy") == true,
                    "\(arguments[0]): \(refused.lines)")
        }
        // (a writer's first open commits an empty change of the schema, GRDB's way of making
        // sure the WAL file exists: the header and schema pages move; the damaged pages must not)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db))[damage] == before, "a refused command wrote over the damaged pages")
        let text = folder.appendingPathComponent("notes.sqlite").path
        try Data("这不是数据库\n".utf8).write(to: URL(fileURLWithPath: text))
        let notDatabase = try doorstep(["snapshot", "--db", text])
        #expect(notDatabase.status == 69 && notDatabase.lines == ["doorstep: database unavailable: \(text) is not a SQLite database (SQLite: file is not a database)"],
                "\(notDatabase.lines)")
    }

    @Test("the file replaced (a copy moved over it) or deleted under a running wall and service: writes refused, nothing lost, the wall says stale")
    func replacedUnderneath() throws {
        let (folder, db) = try demoDatabase("replaced", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try spawn([binary, "key", "issue", "--channel", "hotline", "--db", db]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let logs = folder.appendingPathComponent("state").path
        let server = try Tmux(width: 200, height: 20, command: "\(shellQuoted(binary)) serve --listen 127.0.0.1:0 --db \(shellQuoted(db)); sleep 600")
        let listening = server.wait { $0.contains("listening on http://127.0.0.1:") }
        let port = try #require(listening.screen.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/)?.1).description
        let wall = try startWall(db, prefix: "XDG_STATE_HOME=\(shellQuoted(logs)) ")
        func post(_ title: String) throws -> String {
            try spawn(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-d", "api_key=\(key)", "-d", "service_code=hazard", "-d", "address_string=JB01",
                       "--data-urlencode", "description=\(title)", "http://127.0.0.1:\(port)/open311/v2/requests.json"]).output
        }
        #expect(try post("before") == "201")

        // a copy moved over it (as a restore does)
        let copy = folder.appendingPathComponent("restored.sqlite").path
        #expect(try spawn(["python3", "-c", "import sqlite3,sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))", db, copy]).status == 0)
        #expect(rename(copy, db) == 0)
        // the service refuses (it would have written into the file no path names any more)
        #expect(try post("into the old file") == "503")
        // the wall says its data is stale, and its log says why
        #expect(wall.wait(for: 30) { $0.contains("DATA STALE") && $0.contains("database file replaced: restart") }.ok, "\(wall.capture())")
        let log = (try? String(contentsOfFile: logs + "/doorstep/doorstep.log", encoding: .utf8)) ?? ""
        #expect(log.contains("\(db) was replaced by another file after it was opened"), "\(log.suffix(1000))")
        // a new process opens the file now there, which holds everything saved before
        let read = try spawn(["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM ticket WHERE title = 'before'\").fetchone()[0])", db])
        #expect(read.output.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        #expect(try order(db, "into the new file").status == 0)

        // deleted: commands say there is none; the wall stays stale and lives
        try FileManager.default.removeItem(atPath: db)
        let missing = try order(db, "nowhere")
        #expect(missing.status != 0 && missing.lines.count == 1 && missing.lines.first?.contains(db) == true, "\(missing.lines)")
        #expect(wall.wait(for: 30) { $0.contains("database file deleted") }.ok, "\(wall.capture())")
        #expect(!wall.capture().contains("exit="))
        wall.send("q")
        #expect(wall.wait { $0.contains("exit=0") }.ok)
    }
}
