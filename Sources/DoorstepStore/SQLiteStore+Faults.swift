import DoorstepDomain
import Foundation
import GRDB

/// The file under the store failing (issue #18): a full disk, a read-only file system or file,
/// another process holding the lock, a damaged file, the file deleted or replaced under a
/// running process. SQLite reports most of these as "disk I/O error" or "database or disk is
/// full" depending on where the write failed; the store looks at the file and its file system
/// and says which, and what to do.
extension SQLiteStore {
    /// The file a store opened, as the file system names it: a path that now names another
    /// file (a copy restored over it) or none (deleted) is noticed before the next read or write,
    /// which would otherwise go on in the old, unlinked file and be lost with it.
    struct FileIdentity: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64

        /// The identity of the file at `path`; nil when there is none.
        static func of(_ path: String) -> FileIdentity? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        }
    }

    /// Refuses to go on when the file at `path` is no longer the one opened.
    func checkStillThere(writing: Bool) throws {
        guard let opened = identity else { return }
        let outcome = writing ? "nothing was written" : "what is shown is what it held then"
        guard let now = FileIdentity.of(path) else {
            throw StoreError.unavailable("\(path) was deleted after it was opened: \(outcome); restart to open a database there", fault: .deleted)
        }
        if now != opened {
            throw StoreError.unavailable("\(path) was replaced by another file after it was opened: \(outcome); restart to open the new one",
                                         fault: .replaced)
        }
    }

    /// Bytes free to this user on the file system holding `path`'s folder, and whether it is
    /// mounted read-only; nil when it cannot be asked.
    static func fileSystem(of path: String) -> (free: UInt64, readOnly: Bool)? {
        var info = statvfs()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard statvfs(folder, &info) == 0 else { return nil }
        return (UInt64(info.f_bavail) * UInt64(info.f_frsize), info.f_flag & UInt(ST_RDONLY) != 0)
    }

    /// A file system with less than this free is full for SQLite's purposes: its journal, its
    /// shared-memory index (32 KB) and a page or two of growth no longer fit.
    static let nearlyFull: UInt64 = 256 * 1024

    /// What the store was doing when the file failed it.
    enum Access {
        case opening(readOnly: Bool), reading, writing

        var writes: Bool {
            switch self {
            case .opening(let readOnly): !readOnly
            case .reading: false
            case .writing: true
            }
        }

        /// What it means for the user.
        var outcome: String {
            switch self {
            case .opening(readOnly: false): "it cannot be opened for writing"
            case .opening(readOnly: true), .reading: "it cannot be read"
            case .writing: "nothing was written"
            }
        }
    }

    /// `error` as the store's error, in words a person can act on (what failed, and what to do)
    /// and with its fault where the file or its file system shows it.
    static func failure(_ error: Error, path: String, _ access: Access) -> StoreError {
        guard let error = error as? DatabaseError else { return .unavailable("\(path): \(error)") }
        let message = error.message ?? "\(error.resultCode)"
        let outcome = access.outcome
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let system = fileSystem(of: path)
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .unavailable("\(path) is locked by another process: waited \(Int(busyWait)) s for it to finish; \(outcome); try again "
                                    + "(`fuser \(path)` names the process)", fault: .locked)
        case .SQLITE_CORRUPT:
            return .unavailable("\(path) is damaged (SQLite: \(message)): restore it from a copy (`doorstep copy` makes one)", fault: .damaged)
        case .SQLITE_NOTADB:
            return .unavailable("\(path) is not a SQLite database (SQLite: \(message))", fault: .damaged)
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_READONLY, .SQLITE_CANTOPEN:
            if let system, system.readOnly {
                return .unavailable(access.writes
                    ? "\(folder) is on a read-only file system: \(outcome)"
                    : "\(folder) is on a read-only file system, and SQLite cannot open a database there unless it was opened "
                        + "there before (its -shm file is missing): copy \(path) to a writable folder and open the copy", fault: .readOnly)
            }
            if error.resultCode == .SQLITE_FULL || (system.map { $0.free < nearlyFull } ?? false) {
                let free = system.map { " (\(bytes($0.free)) free)" } ?? ""
                return .unavailable("the disk holding \(folder) is full\(free): \(outcome); free some space and try again", fault: .diskFull)
            }
            if error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
                let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int).map { String(format: " (mode %o)", $0) } ?? ""
                if !FileManager.default.isWritableFile(atPath: path) || !FileManager.default.isWritableFile(atPath: folder) {
                    return .unavailable("\(path) or its folder is not writable by this user\(mode): \(outcome) "
                                            + "(SQLite needs to write its -wal and -shm files beside it)", fault: .readOnly)
                }
            }
            return .unavailable("\(path): \(message)")
        default:
            return .unavailable("\(path): \(message)")
        }
    }

    /// "0 bytes", "12 KB", "3.5 MB".
    static func bytes(_ count: UInt64) -> String {
        if count < 1024 { return "\(count) bytes" }
        if count < 1024 * 1024 { return "\(count / 1024) KB" }
        return String(format: "%.1f MB", Double(count) / 1_048_576)
    }

    /// How long a write waits for another process's lock before it gives up.
    static let busyWait: TimeInterval = 5

    /// SQLite's busy handler: waits up to `busyWait` in 10 ms steps, and says once, after half
    /// a second, that it is waiting (`waiting`, when given: a command's standard error).
    static func busyHandler(path: String, waiting: (@Sendable (String) -> Void)?) -> Database.BusyCallback {
        let step: useconds_t = 10_000
        let tries = Int(busyWait * 1_000_000) / Int(step)
        let announce = 500_000 / Int(step)  // (half a second of tries)
        return { attempt in
            if attempt >= tries { return false }
            if attempt == announce, let waiting {
                waiting("waiting for another process to finish writing \(path) (up to \(Int(busyWait)) s)…")
            }
            usleep(step)
            return true
        }
    }
}
