import Foundation
import Testing

/// The real binary on an emulated terminal (`Tools/cjk-terminal.py`, on pyte) fed the
/// terminal's own mouse reports: a click on a tile selects its grid, a double click opens its
/// page.
@Suite("The mouse end to end", .serialized, .enabled(if: CJKTerminal.runnable))
struct MouseEndToEndTests {
    let binary = doorstepBinary()

    /// A click as xterm reports it in SGR mode (its terminfo entry asks for it): press and
    /// release at a cell (counted from 1).
    func click(x: Int, y: Int) -> String { "\u{1B}[<0;\(x);\(y)M\u{1B}[<0;\(x);\(y)m" }

    @Test("a click on 江滨三网格's tile selects it, a double click opens its page")
    func clickAndOpen() throws {
        // at 200×60 the first community's tiles start on row 5 (from 1): 江滨一网格 at column 4,
        // 江滨二网格 at 22, 江滨三网格 at 40
        // its own log: the wide-terminal suite, running beside this one, reads the shared one
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-mouse-\(getpid()).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let screens = try CJKTerminal.run(
            wide: false, width: 200, height: 60, [binary, "demo", "--lang", "zh", "--log", log],
            waits: ["网格力量 · 江滨一网格", "网格力量 · 江滨三网格", "六必访 · 本月"],
            keys: [click(x: 42, y: 5), click(x: 42, y: 5) + click(x: 42, y: 5)], log: log)
        #expect(screens.found == [true, true, true], "\(screens.text)")
        #expect(screens.text.contains("江滨三网格"))
    }
}
