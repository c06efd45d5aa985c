import Foundation
import Testing

/// The Party chain on the real binary: the demo street's branches on a grid's page, the vacant
/// branch on its tile and its community's page, and `doorstep party` for scripts.
@Suite("Party chain end to end", .serialized)
struct PartyEndToEndTests {
    let binary = doorstepBinary()

    @Test("a grid's page shows its branch beside the roster; the vacant branch shows on its tile and its community")
    func onTheWall() throws {
        let tmux = try Tmux(width: 200, height: 60, command: "\(shellQuoted(binary)) demo --lang zh --rate 1; echo \"exit=$?\"; sleep 600")
        #expect(tmux.wait { $0.contains("云台六网格") }.ok, "the wall did not come up")
        tmux.send("p")
        let network = tmux.wait { $0.contains("功能型党组织 · 3") && $0.contains("五支先锋队") && $0.contains("三级党群服务体系 · 73 处") }
        #expect(network.ok, "p did not open the Party-led network:\n\(network.screen)")
        tmux.send("Escape")
        #expect(tmux.wait { !$0.contains("五支先锋队") }.ok, "Esc did not close the Party-led network")
        tmux.send("Enter")
        let page = tmux.wait { $0.contains("网格党支部 · 书记 ") }
        #expect(page.ok, "no Party branch on the grid's page:\n\(page.screen)")
        #expect(page.screen.contains("兼双全社工") && page.screen.contains("中心户"))
        tmux.send("Escape")
        tmux.send("/")
        tmux.send("YT06")
        tmux.send("Enter")
        tmux.send("Enter")
        let vacant = tmux.wait { $0.contains("网格党支部 · 缺书记") }
        #expect(vacant.ok, "YT06's branch is not shown vacant:\n\(vacant.screen)")
        #expect(vacant.screen.contains("缺支书"))
        tmux.send("u")
        let community = tmux.wait { $0.contains("云台社区党委 书记") }
        #expect(community.ok, "no chain on the community's page:\n\(community.screen)")
        #expect(community.screen.contains("缺书记或未建 1"))
        tmux.resize(width: 80, height: 24)
        #expect(tmux.wait { $0.contains("云台社区党委") && $0.split(separator: "\n").allSatisfy { $0.count <= 80 } }.ok)
        tmux.send("q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok)
    }

    @Test("doorstep party lists a grid's members as JSON, and names an unknown grid")
    func listing() throws {
        let (folder, db) = try demoDatabase("party", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let listed = try spawn([binary, "party", "--db", db, "--grid", "JB01", "--json"])
        #expect(listed.status == 0, "\(listed.output)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect(rows.first?["post"] as? String == "secretary" && rows.first?["grid"] as? String == "JB01")
        #expect(rows.contains { $0["post"] as? String == "central_household" && $0["staff"] is String })
        // an office's sheet of members, exported as CSV, added to the branch
        let sheet = folder.appendingPathComponent("党员.csv")
        try Data("\u{FEFF}id,name,phone,org,post,building,functional,staff\r\nPM9001,周红,15500000009,JB01-ZB,member,JB01-B02,,\r\n".utf8).write(to: sheet)
        let imported = try spawn([binary, "import", "--db", db, sheet.path])
        #expect(imported.status == 0 && imported.output.contains("1 Party members imported"), "\(imported.output)")
        let again = try spawn([binary, "party", "--db", db, "--grid", "JB01"])
        #expect(again.output.contains("PM9001") && again.output.contains("周红"))
        // a committee member holds no grid post: called on the chain's phone, named in the calls
        let called = try spawn([binary, "call", "--db", db, "--staff", "PM0001"])
        #expect(called.status == 0, "\(called.output)")
        let calls = try spawn([binary, "calls", "--db", db, "--json"])
        let rows2 = try #require(try JSONSerialization.jsonObject(with: Data(calls.output.utf8)) as? [[String: Any]])
        #expect(rows2.first?["staff"] as? String == "PM0001" && rows2.first?["name"] as? String == "金鹏敏", "\(calls.output)")
        let unknown = try spawn([binary, "party", "--db", db, "--grid", "ZZ99"])
        #expect(unknown.status == 3 && unknown.output.contains("no grid 'ZZ99'"))
    }
}
