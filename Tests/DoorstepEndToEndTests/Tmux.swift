import Foundation

/// A detached tmux session on its own server socket, for driving the real binary as a
/// person would: type keys, resize, read the screen.
final class Tmux {
    let socket = "doorstep-test-\(UUID().uuidString.prefix(8))"
    let target = "wall"
    let environment: [String: String]

    /// Starts `command` (a shell command line) in a `width`×`height` session.
    init(width: Int, height: Int, command: String) throws {
        var environment = testEnvironment()
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        environment.removeValue(forKey: "NO_COLOR")  // the runner may set it; a person's terminal has colour
        self.environment = environment
        let started = try spawn(
            ["tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", command],
            environment: environment)
        guard started.status == 0 else { throw TmuxError(description: "tmux new-session failed: \(started.output)") }
    }

    struct TmuxError: Error, CustomStringConvertible {
        var description: String
    }

    deinit { _ = try? tmux("kill-server") }

    @discardableResult
    func tmux(_ arguments: String...) throws -> String {
        try spawn(["tmux", "-L", socket] + arguments, environment: environment).output
    }

    /// The visible screen, one line per row.
    func capture() -> String { (try? tmux("capture-pane", "-p", "-t", target)) ?? "" }

    func send(_ keys: String...) {
        for key in keys { _ = try? spawn(["tmux", "-L", socket, "send-keys", "-t", target, key], environment: environment) }
    }

    /// The process the pane's shell runs (the program under test), or "" when there is none.
    func programPID() throws -> String {
        try spawn(["pgrep", "-P", format("#{pane_pid}")]).output.split(separator: "\n").first.map(String.init) ?? ""
    }

    func resize(width: Int, height: Int) {
        _ = try? tmux("resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)")
    }

    /// A tmux format value of the pane, such as `#{alternate_on}` or `#{pane_pid}`.
    func format(_ format: String) -> String {
        ((try? tmux("display-message", "-p", "-t", target, format)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `condition` holds or `deadline` seconds pass; returns the last
    /// screen and whether the condition held. A generous deadline, never a fixed sleep.
    ///
    /// A screen that satisfies the condition is looked at again until two looks 50 ms apart
    /// agree (at most ten): a frame is one write of up to some 13 KB, which tmux can take in
    /// parts, so a capture in between shows the top of the new frame over the rest of the old.
    func wait(for deadline: TimeInterval = 30, _ condition: (String) -> Bool) -> (screen: String, ok: Bool) {
        let end = Date().addingTimeInterval(deadline)
        var screen = capture()
        while !condition(screen) {
            if Date() > end { return (screen, false) }
            usleep(100_000)
            screen = capture()
        }
        for _ in 0..<10 {
            usleep(50_000)
            let again = capture()
            if again == screen || !condition(again) { break }
            screen = again
        }
        return (screen, true)
    }
}
