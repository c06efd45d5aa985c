import Foundation
import Testing

/// 四清 on the real binary: a worker confirms a household from the command line, and the grid's
/// completeness on the wall moves.
@Suite("Four clears end to end", .serialized)
struct FourClearsEndToEndTests {
    let binary = doorstepBinary()

    @Test("YS03's page shows its 四清 completeness; a household confirmed elsewhere raises it; a key place visited counts")
    func confirm() throws {
        let (folder, db) = try demoDatabase("clears", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let listed = try spawn([binary, "clears", "list", "--db", db, "--grid", "YS03", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]], "\(listed.output)")
        let clear = rows.filter { $0["clear"] as? Bool == true }.count
        let target = try #require(rows.first { $0["clear"] as? Bool == false }?["household"] as? String)
        let tmux = try Tmux(width: 200, height: 60,
                            command: "\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --lang zh; echo \"exit=$?\"; sleep 600")
        #expect(tmux.wait { $0.contains("云台六网格") }.ok, "the wall did not come up")
        tmux.send("/")
        tmux.send("YS03")
        tmux.send("Enter")
        tmux.send("Enter")
        let before = "四清 \(clear * 100 / rows.count)% (\(clear)/\(rows.count))"
        let page = tmux.wait { $0.contains(before) }
        #expect(page.ok, "YS03's page does not show \(before):\n\(page.screen)")
        let confirmed = try spawn([binary, "clears", "confirm", target, "--db", db, "--family", "三口之家", "--category", "户籍人口",
                                   "--needs", "无", "--hazards", "无", "--by", "S0380"])
        #expect(confirmed.status == 0 && confirmed.output.contains("\(target) clear until"), "\(confirmed.output)")
        let after = "四清 \((clear + 1) * 100 / rows.count)% (\(clear + 1)/\(rows.count))"
        let moved = tmux.wait { $0.contains(after) }
        #expect(moved.ok, "the completeness did not move to \(after):\n\(moved.screen)")
        let none = try spawn([binary, "clears", "confirm", target, "--db", db])
        #expect(none.status == 64, "\(none.output)")

        // a key place not yet visited this month (in any grid: late in a month most are) is
        // visited: its grid's must-visits count it
        let places = try spawn([binary, "places", "--db", db, "--json"])
        let placeRows = try #require(try JSONSerialization.jsonObject(with: Data(places.output.utf8)) as? [[String: Any]], "\(places.output)")
        let unvisited = try #require(placeRows.first { $0["visited_this_month"] as? Bool == false })
        let place = try #require(unvisited["code"] as? String)
        let grid = try #require(unvisited["grid"] as? String)
        tmux.send("Escape")  // the page
        tmux.send("Escape")  // the filter
        tmux.send("/")
        tmux.send(grid)
        tmux.send("Enter")
        tmux.send("Enter")
        // (the place's row may be below the households the box has room for: its count is the check)
        let gridPage = tmux.wait { $0.contains(" \(grid) · ") && $0.contains("六必访 · 本月 ") }
        #expect(gridPage.ok, "\(grid)'s page did not open:\n\(gridPage.screen)")
        let counted = try #require(gridPage.screen.firstMatch(of: /六必访 · 本月 (\d+)\/(\d+)/)).output
        let visited = try spawn([binary, "visit", "--db", db, "--place", place, "--staff", "S0380", "--note", "无异常"])
        #expect(visited.status == 0, "\(visited.output)")
        let done = try #require(Int(counted.1))
        let expected = "六必访 · 本月 \(done + 1)/\(counted.2)"
        let recounted = tmux.wait { $0.contains(expected) }
        #expect(recounted.ok, "the place's visit is not counted (\(expected)):\n\(recounted.screen)")
        tmux.send("q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok)
    }
}
