import Foundation
import Testing

/// 民情气象站 on the real binary: the engine counts the demo street's orders after the first
/// frame and the pane shows them, with what is rising; `w` opens the page, Esc closes it.
@Suite("民情气象站 end to end", .serialized)
struct TrendsEndToEndTests {
    let binary = doorstepBinary()

    @Test("the pane fills in after the first frame; w opens the page and Esc closes it; every row stays 200 columns")
    func trends() throws {
        let tmux = try Tmux(width: 200, height: 60, command: "\(shellQuoted(binary)) demo --lang zh; echo \"exit=$?\"; sleep 600")
        // counted at the engine's second poll: the street's line against its usual level (the
        // demo holds seven weeks of closed orders), and mediation rising across the street
        let pane = tmux.wait { $0.contains("─ 民情气象站 ─") && $0.contains("全街道 ") && $0.contains("↑ 矛盾调解 · 全街道  本周 ") }
        #expect(pane.ok, "the trends pane did not fill in:\n\(pane.screen)")
        #expect(pane.screen.contains("矛盾调解") && pane.screen.contains("本周 "))
        tmux.send("w")
        let page = tmux.wait { $0.contains("民情气象站 · 统计于") && $0.contains("近14天每日点单") && $0.contains("近8周每周点单") }
        #expect(page.ok, "w did not open the page:\n\(page.screen)")
        #expect(page.screen.contains("常态 = 前 4 周的平均"))
        let rows = page.screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(60)
        #expect(rows.filter { $0.hasPrefix("│") }.allSatisfy { $0.hasSuffix("│") || $0.hasSuffix("▼") })
        tmux.send("Escape")
        #expect(tmux.wait { !$0.contains("近14天每日点单") && $0.contains("─ 民情气象站 ─") }.ok, "Esc did not close the page")
        tmux.send("q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok)
    }
}
