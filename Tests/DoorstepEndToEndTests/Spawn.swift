import DoorstepCalls
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What a finished child process left: its exit status and everything it wrote.
typealias SpawnResult = Subprocess.Result

/// Runs a program the way the notifier does (`Subprocess`: posix_spawn, since Foundation.Process
/// hangs here with tmux; every signal unblocked; standard input from /dev/null; output and
/// errors together), keeping all it writes.
func spawn(_ arguments: [String], environment: [String: String]? = nil) throws -> SpawnResult {
    try Subprocess.run(arguments, environment: environment ?? ProcessInfo.processInfo.environment, timeout: 900, outputLimit: .max)
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
