import Foundation
import Testing

/// 交接班 on the real binaries: a handover made from the command line is on the incoming
/// operator's wall (`H`) with what changed since, and one written on the wall is read back by
/// the command.
@Suite("Handover end to end", .serialized)
struct HandoverEndToEndTests {
    let binary = doorstepBinary()

    @Test("duty hands to duty-night by command; duty-night's wall shows it, records the next one with H, Enter, a note, Enter")
    func handover() throws {
        let (folder, db) = try demoDatabase("handover", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try spawn([binary, "handover", "--db", db, "--to", "duty-night", "--note", "JB03 燃气异味待回复"])
        #expect(made.status == 0 && made.output.hasPrefix("H000001 duty → duty-night"), "\(made.output)")
        #expect(made.output.contains("open tickets: ") && made.output.contains("note: JB03 燃气异味待回复"))
        // an order after it: one more open ticket than was handed on
        #expect(try spawn([binary, "order", "--db", db, "--grid", "JB01", "--category", "hazard", "--title", "电动车楼道充电"]).status == 0)

        let tmux = try Tmux(width: 200, height: 60,
                            command: "DOORSTEP_ACTOR=duty-night \(shellQuoted(binary)) wall --db \(shellQuoted(db)) --lang zh; echo \"exit=$?\"; sleep 600")
        #expect(tmux.wait(for: 60) { $0.contains("临江街道") }.ok)
        tmux.send("H")
        let page = tmux.wait { $0.contains("交接班 · 上次") && $0.contains("街道值班员 → 夜班值班员") }
        #expect(page.ok, "H did not open the handover page:\n\(page.screen)")
        #expect(page.screen.contains("交班备注 JB03 燃气异味待回复"))
        let open = page.screen.split(separator: "\n").first { $0.contains("│待办工单") }.map(String.init) ?? ""
        #expect(open.contains("+1"), "one more open ticket than handed on: \(open)")
        tmux.send("Enter")
        #expect(tmux.wait { $0.contains("接班人 ◀ 街道值班员 (duty) ▶") }.ok, "Enter did not start a handover")
        for key in ["n", "i", "g", "h", "t", "Space", "o", "k"] { tmux.send(key) }
        tmux.send("Enter")
        let recorded = tmux.wait { $0.contains("已记录交接 H000002,交给 街道值班员") }
        #expect(recorded.ok, "no notice of the handover:\n\(recorded.screen)")
        #expect(tmux.wait { $0.contains("夜班值班员 → 街道值班员") && $0.contains("交班备注 night ok") }.ok, "the page did not show the new handover")

        let shown = try spawn([binary, "handover", "--db", db, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any], "\(shown.output)")
        #expect(object["id"] as? String == "H000002" && object["from"] as? String == "duty-night" && object["to"] as? String == "duty")
        #expect(object["note"] as? String == "night ok" && object["desk"] as? String == "street")
        tmux.send("Escape")
        tmux.send("q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok)
    }

    @Test("a handover to nobody known, to oneself or from a lobby screen is refused with one line; nothing is written")
    func refused() throws {
        let (folder, db) = try demoDatabase("handover-refused", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (arguments, status, says) in [
            (["--to", "nobody"], Int32(3), "no operator 'nobody'"),
            (["--to", "duty"], Int32(1), "cannot hand the desk to themselves"),
            (["--to", "duty", "--actor", "lobby"], Int32(77), "may not hand the desk over"),
        ] {
            let refused = try spawn([binary, "handover", "--db", db] + arguments)
            #expect(refused.status == status && refused.output.contains(says), "\(arguments): \(refused.status) \(refused.output)")
            #expect(refused.output.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(refused.output)")
        }
        #expect(try spawn([binary, "handover", "--db", db]).output.contains("no handover yet"))
        // a note with escape sequences is kept as typed but reaches no terminal as such
        let hostile = try spawn([binary, "handover", "--db", db, "--to", "duty-night", "--note", "\u{1B}]0;owned\u{07}\u{1B}[2J看这里"])
        #expect(hostile.status == 0 && hostile.output.contains("note: ") && hostile.output.contains("看这里"), "\(hostile.output)")
        #expect(!hostile.output.contains("\u{1B}") && !hostile.output.contains("\u{07}"))
    }
}
