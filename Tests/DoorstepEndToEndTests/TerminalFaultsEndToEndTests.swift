import Foundation
import Testing

/// The terminal's faults a wall that runs all day meets (issue #18): a storm of resizes, and
/// the connection going away.
@Suite("Terminal faults end to end", .serialized)
struct TerminalFaultsEndToEndTests {
    let binary = doorstepBinary()

    /// The doorstep processes whose command line holds `marker`.
    func processes(_ marker: String) throws -> [String] {
        try spawn(["pgrep", "-f", marker]).output.split(separator: "\n").map(String.init)
    }

    @Test("a thousand resizes in quick succession: the wall lives, and its last frame fits the last size with every border in place")
    func resizeStorm() throws {
        let tmux = try Tmux(width: 100, height: 30, command: "\(shellQuoted(binary)) demo --lang en; echo \"exit=$?\"; sleep 600")
        #expect(tmux.wait(for: 60) { $0.contains("All grids") && $0.contains("q quit") }.ok)
        // a hundred resizes a tmux call, ten calls: sizes from 60×20 to 219×69, the small ones
        // below the wall's minimum (it says so, then draws again)
        for batch in 0..<10 {
            var arguments = ["tmux", "-L", tmux.socket]
            for n in 0..<100 {
                let i = batch * 100 + n
                if n > 0 { arguments.append(";") }
                arguments += ["resize-window", "-t", tmux.target, "-x", "\(60 + (i * 37) % 160)", "-y", "\(20 + (i * 13) % 50)"]
            }
            _ = try spawn(arguments, environment: tmux.environment)
        }
        tmux.resize(width: 120, height: 40)
        let last = tmux.wait(for: 60) { screen in
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains("All grids") && screen.contains("q quit") && rows.count >= 40
                && rows.prefix(40).filter { $0.hasPrefix("│") || $0.hasPrefix("┌") || $0.hasPrefix("└") }.allSatisfy { ["│", "┐", "┘"].contains($0.last.map(String.init) ?? "") }
        }
        #expect(last.ok, "the last frame is not a whole wall at 120×40:\n\(last.screen)")
        let widths = last.screen.split(separator: "\n").prefix(40).map { $0.unicodeScalars.reduce(0) { $0 + (wide($1) ? 2 : 1) } }
        #expect(widths.allSatisfy { $0 <= 120 }, "rows wider than the terminal: \(widths.enumerated().filter { $0.element > 120 })")
        tmux.send("q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok, "the wall did not leave with 0 after the storm")
    }

    @Test("a crash (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL) restores the terminal and leaves with the signal's status", arguments: [11, 6, 7, 8, 4])
    func crashRestores(_ signal: Int32) throws {
        let tmux = try Tmux(width: 100, height: 30, command: "\(shellQuoted(binary)) demo --lang en; echo \"exit=$?\"; sleep 600")
        #expect(tmux.wait(for: 60) { $0.contains("All grids") }.ok)
        #expect(tmux.format("#{alternate_on}") == "1")
        let child = try tmux.programPID()
        #expect(!child.isEmpty, "no doorstep process under the pane's shell")
        _ = try spawn(["kill", "-\(signal)", child])
        let after = tmux.wait { $0.contains("exit=") }
        #expect(after.screen.contains("exit=\(128 + signal)"), "exit status:\n\(after.screen)")
        #expect(tmux.format("#{alternate_on}") == "0" && tmux.format("#{cursor_flag}") == "1", "the terminal was not restored")
        #expect(!after.screen.contains("All grids"), "the wall is still on the screen")
    }

    @Test("the connection goes away (tmux's session killed: SIGHUP, as when SSH closes): the wall leaves and no process is left behind")
    func hangUp() throws {
        let (folder, db) = try demoDatabase("hangup", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(width: 100, height: 30, command: "\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --lang en")
        #expect(tmux.wait(for: 60) { $0.contains("All grids") }.ok)
        #expect(try !processes(db).isEmpty, "no wall process over \(db)")
        _ = try tmux.tmux("kill-session", "-t", tmux.target)
        let deadline = Date().addingTimeInterval(30)
        var left = try processes(db)
        while !left.isEmpty, Date() < deadline {
            usleep(100_000)
            left = try processes(db)
        }
        #expect(left.isEmpty, "processes left behind: \(left)")
    }
}

/// East Asian wide or fullwidth (enough for the wall's own text: CJK, fullwidth forms).
private func wide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3,
         0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
        return true
    default:
        return false
    }
}
