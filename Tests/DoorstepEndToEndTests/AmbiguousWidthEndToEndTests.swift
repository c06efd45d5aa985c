import Foundation
import Testing

/// The real binary on an emulated terminal that draws East Asian ambiguous characters two
/// columns wide, as PuTTY's and Xshell's CJK option and xterm -cjk_width do (`Tools/cjk-terminal.py`,
/// on pyte), and on one that draws them one column wide: the wall finds out which by itself and
/// every border stays in its column.
@Suite("Terminals that draw ambiguous characters wide", .serialized, .enabled(if: CJKTerminal.runnable))
struct AmbiguousWidthEndToEndTests {
    let binary = doorstepBinary()

    @Test("asked, a wide terminal gets the wide glyph set and every row lines up, in both languages, 200×60 and 80×24",
          arguments: [(200, 60, "zh"), (200, 60, "en"), (80, 24, "zh"), (80, 24, "en")])
    func wideTerminal(width: Int, height: Int, language: String) throws {
        let screens = try CJKTerminal.run(
            wide: true, width: width, height: height, [binary, "demo", "--lang", language, "--log", CJKTerminal.log],
            waits: [language == "zh" ? "全部网格" : "All grids"], keys: [])
        #expect(screens.found == [true], "\(screens.text)")
        #expect(screens.misaligned.isEmpty, "misaligned rows \(screens.misaligned):\n\(screens.text)")
        // the wide set: ASCII marks, no middle dot, no Unicode mark that the terminal would draw wide
        #expect(!screens.text.contains("●") && !screens.text.contains("·") && !screens.text.contains("▌"))
        #expect(screens.text.contains("o 江滨") || screens.text.contains("o江滨"))
        #expect(try String(contentsOfFile: CJKTerminal.log, encoding: .utf8).contains("ambiguous characters: wide, as the terminal answered"))
    }

    @Test("the language switches live on a wide terminal and stays lined up")
    func switchLanguage() throws {
        let screens = try CJKTerminal.run(
            wide: true, width: 200, height: 60, [binary, "demo", "--lang", "zh", "--log", CJKTerminal.log],
            waits: ["全部网格", "All grids"], keys: ["L"])
        #expect(screens.found == [true, true], "\(screens.text)")
        #expect(screens.misaligned.isEmpty, "misaligned rows \(screens.misaligned):\n\(screens.text)")
    }

    @Test("the help overlay on a wide terminal lines up too")
    func help() throws {
        let screens = try CJKTerminal.run(
            wide: true, width: 200, height: 60, [binary, "demo", "--lang", "zh", "--log", CJKTerminal.log], waits: ["全部网格", "按键说明"], keys: ["?"])
        #expect(screens.found == [true, true], "\(screens.text)")
        #expect(screens.misaligned.isEmpty, "misaligned rows \(screens.misaligned):\n\(screens.text)")
    }

    @Test("asked, a narrow terminal keeps the Unicode glyphs, lined up")
    func narrowTerminal() throws {
        let screens = try CJKTerminal.run(
            wide: false, width: 200, height: 60, [binary, "demo", "--lang", "zh", "--log", CJKTerminal.log], waits: ["全部网格"], keys: [])
        #expect(screens.found == [true])
        #expect(screens.misaligned.isEmpty, "misaligned rows \(screens.misaligned):\n\(screens.text)")
        #expect(screens.text.contains("●") && screens.text.contains("·"))
    }

    @Test("told narrow on a wide terminal, the borders move: what the detection prevents (and what this check sees)")
    func forcedNarrowOnWide() throws {
        let screens = try CJKTerminal.run(
            wide: true, width: 200, height: 60, [binary, "demo", "--lang", "zh", "--ambiguous", "narrow", "--log", CJKTerminal.log],
            waits: ["全部网格"], keys: [])
        #expect(screens.found == [true])
        #expect(!screens.misaligned.isEmpty)
    }
}

/// `Tools/cjk-terminal.py`, run and read.
enum CJKTerminal {
    struct Screen: Decodable {
        var rows: [String]
        var misaligned: [Int]
        var found: [Bool]
        var text: String { rows.joined(separator: "\n") }
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Tools/cjk-terminal.py").path
    static let log = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-cjk-terminal-\(getpid()).log").path

    /// Python 3 with pyte, or a CI run (where its absence must fail the run, not skip it).
    static let runnable: Bool = {
        if ProcessInfo.processInfo.environment["CI"] != nil { return true }
        return (try? spawn(["python3", "-c", "import pyte"]).status) == 0
    }()

    /// Runs `command` on the emulated terminal until each of `waits` shows, sending `keys[i]`
    /// before waiting for `waits[i + 1]`.
    /// `log` is the wall's log file this run starts afresh (another suite running beside this
    /// one passes its own).
    static func run(wide: Bool, width: Int, height: Int, _ command: [String], waits: [String], keys: [String], log: String = log) throws -> Screen {
        try? FileManager.default.removeItem(atPath: log)
        var arguments = ["python3", script, "--cols", "\(width)", "--rows", "\(height)", "--timeout", "60"]
        if !wide { arguments.append("--narrow") }
        for wait in waits { arguments += ["--wait-for", wait] }
        for key in keys { arguments += ["--keys", key] }
        let result = try spawn(arguments + ["--"] + command)
        let json = result.output.split(separator: "\n").last.map(String.init) ?? ""
        do {
            return try JSONDecoder().decode(Screen.self, from: Data(json.utf8))
        } catch {
            Issue.record("cjk-terminal.py gave no screen (status \(result.status)):\n\(result.output)")
            throw error
        }
    }
}
