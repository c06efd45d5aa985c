import DoorstepCalls
import DoorstepTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What a finished child process left: its exit status and everything it wrote.
typealias SpawnResult = Subprocess.Result

/// Runs a program the way the notifier does (`Subprocess`: posix_spawn, since Foundation.Process
/// hangs here with tmux; every signal unblocked; standard input from /dev/null; output and
/// errors together), keeping all it writes.
func spawn(_ arguments: [String], environment: [String: String]? = nil) throws -> SpawnResult {
    try Subprocess.run(arguments, environment: environment ?? testEnvironment(), timeout: 900, outputLimit: .max)
}

/// Runs `arguments`, expecting status 0; its output, trimmed.
func spawnSucceeding(_ arguments: [String]) throws -> String {
    let result = try spawn(arguments)
    #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.output)")
    return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// This process's environment, with the demo data set's street duty operator acting unless the
/// runner names another (`DOORSTEP_ACTOR`): commands and walls over a database with operators
/// must say who acts. A test of another operator passes `--actor` or `--as`.
func testEnvironment() -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    if environment["DOORSTEP_ACTOR"] == nil { environment["DOORSTEP_ACTOR"] = "duty" }
    return environment
}

/// The `doorstep` binary built beside this test bundle.
func doorstepBinary() -> String {
    if let path = ProcessInfo.processInfo.environment["DOORSTEP_BIN"] { return path }
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var url = URL(fileURLWithPath: exe)
    while url.path != "/" {
        url.deleteLastPathComponent()
        let candidate = url.appendingPathComponent("doorstep").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return "doorstep"
}

/// Single-quotes `text` for sh.
func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

/// A fresh temporary folder holding a database that `doorstep init` filled with the demo
/// street; remove the folder when done.
func demoDatabase(_ label: String, binary: String) throws -> (folder: URL, db: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let db = folder.appendingPathComponent("street.sqlite").path
    let made = try spawn([binary, "init", "--db", db])
    guard made.status == 0 else { throw InitFailed(output: made.output) }
    return (folder, db)
}

/// The demo street in a fresh database: a SQLite file in a fresh temporary folder, or (with
/// `postgres`) a database of the test server, `binary` being the PostgreSQL-trait one; remove
/// the folder when done.
func demoStreet(_ label: String, postgres: Bool, binary: String) throws -> (folder: URL, db: String) {
    guard postgres else { return try demoDatabase(label, binary: binary) }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = try TestServer.freshDatabase().description
    let made = try spawn([binary, "init", "--db", url])
    guard made.status == 0 else { throw InitFailed(output: made.output) }
    return (folder, url)
}

/// `doorstep init` refused to make the test's database (its output says why).
struct InitFailed: Error, CustomStringConvertible {
    let output: String
    var description: String { "doorstep init failed: \(output)" }
}
