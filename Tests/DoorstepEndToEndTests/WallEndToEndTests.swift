import Foundation
import Testing

/// The real `doorstep` binary in tmux, checked by what a person would see.
@Suite("Wall end to end", .serialized)
struct WallEndToEndTests {
    let binary = doorstepBinary()

    /// Runs `doorstep ARGS` in tmux, then prints its exit status and keeps the pane open.
    func session(_ arguments: String, width: Int = 200, height: Int = 60, prefix: String = "") throws -> Tmux {
        try Tmux(width: width, height: height, command: "\(prefix)\(shellQuoted(binary)) \(arguments); echo \"exit=$?\"; sleep 600")
    }

    @Test("the wall at 200×60: panes, grids, selection, resize, quit")
    func wall() throws {
        let tmux = try session("demo --lang zh")
        // the footer is the last row drawn: waiting for it means the whole first frame has arrived
        let first = tmux.wait { $0.contains("全部网格") && $0.contains("待办工单") && $0.contains("q 退出") }
        #expect(first.ok, "wall did not appear:\n\(first.screen)")
        for title in ["全部网格", "网格力量", "待办工单", "临江街道社会治理指挥中心", "q 退出"] {
            #expect(first.screen.contains(title), "missing \(title)")
        }
        for name in ["江滨一网格", "北固八网格", "银山五网格", "云台七网格"] { #expect(first.screen.contains(name)) }
        #expect(tmux.format("#{alternate_on}") == "1")
        // borders line up on every row: each row of the capture is exactly 200 columns
        let rows = first.screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(60)
        let bordered = rows.filter { $0.hasPrefix("│") }
        #expect(bordered.count > 40)
        #expect(bordered.allSatisfy { ["│", "┐", "┘"].contains($0.last.map(String.init) ?? "") })

        tmux.send("Right")
        #expect(tmux.wait { $0.contains("网格力量 · 江滨二网格") }.ok, "selection did not move right")
        tmux.send("Down")
        #expect(tmux.wait { $0.contains("网格力量 · 江滨八网格") }.ok, "selection did not move down")
        tmux.send("j")
        #expect(tmux.wait { $0.contains("网格力量 · 北固二网格") }.ok, "j did not move down")

        tmux.resize(width: 80, height: 24)
        let small = tmux.wait { $0.contains("q 退出") && $0.contains("全部网格") && !$0.contains("JB01") && $0.contains("●江滨一网格  ●江滨二网格") }
        #expect(small.ok, "80×24 did not redraw:\n\(small.screen)")
        #expect(small.screen.contains("待办工单"))
        #expect(small.screen.contains("─ 北固二网格 · 在岗"), "selection lost on resize")
        #expect(small.screen.split(separator: "\n").allSatisfy { $0.count <= 80 })

        tmux.resize(width: 60, height: 20)
        #expect(tmux.wait { $0.contains("终端太小") && $0.contains("60×20") }.ok, "too-small message missing")

        tmux.resize(width: 200, height: 60)
        let back = tmux.wait { $0.contains("q 退出") && $0.contains("JB01") && $0.contains("网格力量 · 北固二网格") }
        #expect(back.ok, "wall did not come back at 200×60:\n\(back.screen)")
        #expect(!back.screen.contains("终端太小"))

        tmux.send("q")
        let after = tmux.wait { $0.contains("exit=") }
        #expect(after.screen.contains("exit=0"), "exit status:\n\(after.screen)")
        #expect(tmux.format("#{alternate_on}") == "0")
        #expect(!after.screen.contains("全部网格"), "the wall is still on the screen after quitting")
    }

    @Test("SIGTERM leaves through the restore path")
    func sigterm() throws {
        let tmux = try session("demo --lang en", width: 100, height: 30)
        #expect(tmux.wait { $0.contains("All grids") }.ok)
        let child = try tmux.programPID()
        #expect(!child.isEmpty, "no doorstep process under the pane's shell")
        _ = try spawn(["kill", "-TERM", child])
        let after = tmux.wait { $0.contains("exit=") }
        #expect(after.screen.contains("exit=143"), "exit status:\n\(after.screen)")
        #expect(tmux.format("#{alternate_on}") == "0")
    }

    @Test("doorstep demo | cat exits 2 with a clear message")
    func notATerminal() throws {
        let result = try spawn(["bash", "-c", "\(shellQuoted(binary)) demo | cat; exit ${PIPESTATUS[0]}"])
        #expect(result.status == 2)
        #expect(result.output.contains("doorstep: the wall screen needs a terminal"))
        #expect(result.output.split(separator: "\n").count == 1)
    }

    @Test("TERM=dumb and an unknown TERM exit 2 with a clear message")
    func dumbTerminal() throws {
        let dumb = try session("demo", width: 120, height: 30, prefix: "TERM=dumb ")
        let seen = dumb.wait { $0.contains("exit=") }
        #expect(seen.screen.contains("doorstep: TERM=dumb cannot position the cursor"))
        #expect(seen.screen.contains("exit=2"))
        let unknown = try session("demo", width: 120, height: 30, prefix: "TERM=no-such-terminal ")
        let seen2 = unknown.wait { $0.contains("exit=") }
        #expect(seen2.screen.contains("TERM=no-such-terminal is not in the terminfo database"))
        #expect(seen2.screen.contains("exit=2"))
    }

    @Test("the config file sets language and theme; flags override it; a typo in it is refused by name")
    func configFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.json").path
        try #"{"language": "en", "theme": "mono", "refresh": 0.5, "escalation": ["dispatcher", "operator"]}"#
            .write(toFile: config, atomically: true, encoding: .utf8)
        let english = try session("demo", width: 120, height: 40, prefix: "DOORSTEP_CONFIG=\(shellQuoted(config)) ")
        #expect(english.wait { $0.contains("All grids") }.ok, "config language not applied:\n\(english.capture())")
        english.send("L")  // switch language on the running wall
        #expect(english.wait { $0.contains("全部网格") && $0.contains("q 退出") }.ok, "L did not switch to Chinese")
        english.send("q")
        #expect(english.wait { $0.contains("exit=0") }.ok)
        let chinese = try session("demo --lang zh", width: 120, height: 40, prefix: "DOORSTEP_CONFIG=\(shellQuoted(config)) ")
        #expect(chinese.wait { $0.contains("全部网格") }.ok, "the flag did not override the config:\n\(chinese.capture())")
        chinese.send("q")
        #expect(chinese.wait { $0.contains("exit=0") }.ok)

        try #"{"language": "en", "call_timout": 30}"#.write(toFile: config, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["DOORSTEP_CONFIG"] = config
        let typo = try spawn([binary, "demo"], environment: environment)
        #expect(typo.status == 65)
        #expect(typo.output.hasPrefix("doorstep: \(config): unknown key 'call_timout'"))
        try #"{"refresh": "fast"}"#.write(toFile: config, atomically: true, encoding: .utf8)
        let wrongKind = try spawn([binary, "demo"], environment: environment)
        #expect(wrongKind.output.contains("key 'refresh' has a value of the wrong kind"))
    }

    @Test("a malformed theme is refused before the terminal is touched, naming file, line and key")
    func badTheme() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-\(UUID().uuidString).theme")
        try "ok = green\nalarm = crimson bold\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try spawn([binary, "demo", "--theme", file.path])
        #expect(result.status == 65)
        #expect(result.output == "doorstep: theme: \(file.path):2: alarm: 'crimson' is not a colour (a name, 0–255 or #RRGGBB)\n")
        let unknown = try spawn([binary, "demo", "--theme", "sparkly"])
        #expect(unknown.status == 64)
        #expect(unknown.output.contains("built in: default, high-contrast, light, mono"))
    }

    @Test("a bad data-set folder is named in a one-line error, before the screen opens")
    func badDataSet() throws {
        let result = try spawn([binary, "snapshot", "--from", "/nonexistent/seed"])
        #expect(result.status == 65)
        #expect(result.output.hasPrefix("doorstep: data set: /nonexistent/seed/street.csv: not found"))
    }
}
