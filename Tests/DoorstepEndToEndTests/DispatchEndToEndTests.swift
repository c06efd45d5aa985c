import Foundation
import Testing

/// Dispatching from the keyboard on the real wall, and losing a race to another terminal.
@Suite("Keyboard dispatch end to end", .serialized)
struct DispatchEndToEndTests {
    let binary = doorstepBinary()

    @Test("dispatch a ticket from the keyboard; a ticket another terminal dispatched first is refused plainly")
    func dispatchFromKeyboard() throws {
        let (folder, db) = try demoDatabase("dispatch", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        func order(_ title: String) throws -> String {
            // care has 30 minutes to dispatch; ordered 29 min 30 s ago it is the most urgent after the two overdue ones
            let at = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-1770))
            return try spawn([binary, "order", "--db", db, "--grid", "JQ04", "--category", "care", "--title", title, "--ordered-at", at])
                .output.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let first = try order("空巢老人送药")
        let tmux = try Tmux(width: 200, height: 60, command: "\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --lang zh --refresh 0.5; echo \"exit=$?\"; sleep 600")
        #expect(tmux.wait { $0.contains(first) }.ok)
        tmux.send("Tab", "Tab", "Down", "Down", "d")
        let picker = tmux.wait { $0.contains("派单 \(first)") && $0.contains("★") }
        #expect(picker.ok, "no dispatch picker:\n\(picker.screen)")
        tmux.send("Enter")
        let done = tmux.wait { $0.contains("\(first) → 待接") }
        #expect(done.ok, "no confirmation:\n\(done.screen)")
        let listed = try spawn([binary, "tickets", "--db", db, "--json", "--state", "dispatched", "--limit", "1"])
        let row = (try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])?.first
        #expect(row?["id"] as? String == first)
        let assignee = try #require(row?["assignee"] as? String)
        let staff = try spawn([binary, "staff", "--db", db, "--grid", "JQ04", "--json"]).output
        let professional = (try JSONSerialization.jsonObject(with: Data(staff.utf8)) as? [[String: Any]])?
            .first { $0["role"] as? String == "professional" }?["id"] as? String
        #expect(assignee == professional, "the suggested professional social worker was not the one dispatched to")

        let second = try order("残障人士出行协助")
        #expect(tmux.wait { $0.contains(second) }.ok)
        tmux.send("Home", "Down", "Down", "d")
        #expect(tmux.wait { $0.contains("派单 \(second)") }.ok)
        // the community's dispatcher, at another terminal, is quicker
        #expect(try spawn([binary, "dispatch", second, "--db", db, "--actor", "jq-dispatch"]).status == 0)
        tmux.send("Enter")
        let refused = tmux.wait { $0.contains("无法派单 \(second):已是「待接」(jq-dispatch 于") }
        #expect(refused.ok, "the conflict was not shown:\n\(refused.screen)")
        tmux.send("q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok)
    }
}
