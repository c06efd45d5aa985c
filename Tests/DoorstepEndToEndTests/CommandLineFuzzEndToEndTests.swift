import DoorstepDomain
import DoorstepCalls
import Foundation
import Testing

/// The command line's text fuzzed (issue #18): a seeded generator builds command lines from
/// each command's own flags (read from its `help`) and values meant to break them — injection
/// strings, escapes, bidi and invisible characters, 10,000 characters, numbers out of range,
/// impossible dates, codes of the wrong shape, flags where values go — and runs the real binary
/// on a demo database. Every run must end with one of the documented exit statuses (never a
/// signal, a Swift runtime trap or a stack dump), say something when it refuses, and leave the
/// database whole.
@Suite("Command-line text fuzzed end to end", .serialized)
struct CommandLineFuzzEndToEndTests {
    let binary = doorstepBinary()

    /// Commands that end by themselves (the wall, demo, replay, serve, simulate and bench run on).
    static let commands = [
        "order", "rate", "dispatch", "escalate", "cancel", "call-in", "answer", "accept", "resolve", "visit", "duty", "ack",
        "call", "calls", "call-ins", "responders", "grids", "staff", "party", "tickets", "report", "handover", "snapshot",
        "clears", "places", "care list", "care order", "care dispatch", "care accept", "care add-service", "care done",
        "care review", "care close", "operator", "key", "token", "import", "copy", "init",
    ]

    static let values = [
        "", " ", "-", "--", "-1", "0", "1", "5", "6", "99999999999999999999", "-99999999999999999999", "1e309", "nan", "inf",
        "0x10", "３", "T00001", "T00070", "T99999", "JB01", "JB", "S0002", "H00001", "C00001", "J00001", "R001", "CS-none",
        "zh", "en", "on", "busy", "json", "csv", "html", "markdown", "daily", "weekly", "urgent",
        "2026-12-31T23:59:59+08:00", "2026-02-30 10:00", "25:61", "24:00", "1969-12-31T23:59:59Z", "9999-12-31T23:59:59Z",
        "'; DROP TABLE ticket; --", "\" OR 1=1 --", "$1; SELECT pg_sleep(10); --", "%' UNION SELECT key_hash FROM credential --",
        "\u{1B}]0;PWNED\u{07}标题", "\u{1B}[2J\u{1B}[H清屏", "\u{202E}反向\u{202C}", "零\u{200B}宽\u{200D}连\u{FEFF}",
        "e" + String(repeating: "\u{301}", count: 40), "👨\u{200D}👩\u{200D}👧 🇨🇳 𠀋", "行\n换\r回\t表",
        String(repeating: "长", count: 10_000), "/nonexistent/folder/file.csv", "/dev/null", "--help", "--db", "-h",
        "postgresql://nobody@127.0.0.1:1/none", "../../etc/passwd",
    ]

    /// The flags a command takes, from the usage line of its help: those it requires (outside
    /// brackets) and the others (but the database and who acts, which the test sets).
    func flags(of command: String) throws -> (required: [String], optional: [String]) {
        let help = try spawn([binary, "help"] + command.split(separator: " ").map(String.init)).output
        let usage = help.split(separator: "\n").first { $0.hasPrefix("USAGE:") }.map(String.init) ?? ""
        var required: [String] = [], optional: [String] = []
        var depth = 0
        for word in usage.split(separator: " ") {
            let flag = word.drop { $0 == "[" }.prefix { $0.isLetter || $0 == "-" }
            depth += word.filter { $0 == "[" }.count
            if flag.hasPrefix("--"), !["--db", "--actor", "--help"].contains(String(flag)) {
                if depth > 0 { optional.append(String(flag)) } else { required.append(String(flag)) }
            }
            depth -= word.filter { $0 == "]" }.count
        }
        return (required, optional)
    }

    @Test("600 command lines of hostile text: documented exit statuses only, a message with every refusal, the database whole")
    func fuzzed() throws {
        let (folder, db) = try demoDatabase("cli-fuzz", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        var flagsOf: [String: (required: [String], optional: [String])] = [:]
        for command in Self.commands { flagsOf[command] = try flags(of: command) }
        #expect(flagsOf["order"]?.required == ["--grid", "--category", "--title"], "\(String(describing: flagsOf["order"]))")
        #expect(flagsOf["order"]?.optional.contains("--priority") == true, "\(String(describing: flagsOf["order"]))")
        // (the documented statuses: ExitStatus, and ArgumentParser's 64 for usage and 0 for help)
        let documented: Set<Int32> = [0, 1, 2, 3, 64, 65, 66, 69, 77]
        var generator = SeededRandom(seed: 20261203)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        var statuses: [Int32: Int] = [:]
        var problems: [String] = []
        let environment = testEnvironment().merging(["DOORSTEP_DB": db, "LANG": "C.UTF-8"]) { $1 }
        for _ in 0..<600 {
            let command = pick(Self.commands)
            var line = [binary] + command.split(separator: " ").map(String.init)
            let flags = flagsOf[command] ?? ([], [])
            // a positional value or two, then the flags it requires (most of the time) and each
            // other one time in three, most with a value
            for _ in 0..<Int(generator.next() % 3) { line.append(pick(Self.values)) }
            for flag in flags.required where generator.next() % 8 != 0 {
                line.append(flag)
                if generator.next() % 8 != 0 { line.append(pick(Self.values)) }
            }
            for flag in flags.optional where generator.next() % 3 == 0 {
                line.append(flag)
                if generator.next() % 8 != 0 { line.append(pick(Self.values)) }
            }
            // (init and copy write where they are told: only into the test's folder)
            if command == "init" || command == "copy" { line += ["--db", db, folder.appendingPathComponent("copy-\(statuses.values.reduce(0, +)).sqlite").path] }
            let result = try Subprocess.run(line, environment: environment, timeout: 60, outputLimit: 1 << 20)
            statuses[result.status, default: 0] += 1
            let shown = line.dropFirst().map { $0.count > 40 ? String($0.prefix(40)) + "…" : $0 }.debugDescription
            if !documented.contains(result.status) { problems.append("status \(result.status): \(shown)\n\(result.output.prefix(300))") }
            if result.status != 0 && result.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("silent refusal \(result.status): \(shown)") }
            for trap in ["Fatal error", "Stack dump", "Illegal instruction", "Segmentation fault", "Current stack trace"] where result.output.contains(trap) {
                problems.append("\(trap): \(shown)\n\(result.output.prefix(300))")
            }
        }
        let integrity = try spawn(["python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])", db])
        #expect(integrity.output.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "\(integrity.output)")
        print("command-line fuzz: 600 runs, statuses \(statuses.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")), \(problems.count) problems")
        #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
        // (enough of the runs got past the parser to reach the store)
        let reachedStore: Int = [0, 1, 3].reduce(0) { $0 + (statuses[$1] ?? 0) }
        #expect(reachedStore >= 60, "\(statuses)")
    }
}
