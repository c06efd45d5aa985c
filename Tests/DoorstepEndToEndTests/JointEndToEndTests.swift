import Foundation
import Testing

/// Joint handling on the real binary: the waiting page, a party called in from a ticket's page
/// with `i`, its answer from another process shown live, and the resolve guard for scripts.
@Suite("Joint handling end to end", .serialized)
struct JointEndToEndTests {
    let binary = doorstepBinary()

    @Test("o lists the tickets waiting on outside parties; i calls one in; an answer from elsewhere shows on the ticket's page")
    func onTheWall() throws {
        let (folder, db) = try demoDatabase("joint", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(width: 200, height: 60,
                            command: "\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --lang zh; echo \"exit=$?\"; sleep 600")
        #expect(tmux.wait { $0.contains("云台六网格") }.ok, "the wall did not come up")
        tmux.send("o")
        let page = tmux.wait { $0.contains("本周最慢:") && $0.contains("等待外部力量的工单 · 9") }
        #expect(page.ok, "o did not open the joint-handling page:\n\(page.screen)")
        #expect(page.screen.contains("T00072") && page.screen.contains("超 "), "the late party is not shown late")
        // the late one leads: Enter opens its ticket with its party
        tmux.send("Enter")
        let ticket = tmux.wait { $0.contains("编号 T00072") && $0.contains("联动处置 · 1 方 · 待办结 1") }
        #expect(ticket.ok, "the ticket's page does not show its party:\n\(ticket.screen)")
        tmux.send("i")
        let picker = tmux.wait { $0.contains("联动 T00072:呼叫外部力量") && $0.contains("已在联动中") }
        #expect(picker.ok, "i did not open the picker:\n\(picker.screen)")
        // a hazard suggests the departments first: the health office is highlighted
        tmux.send("Enter")
        let called = tmux.wait { $0.contains("联动处置 · 2 方 · 待办结 2") && $0.contains("街道卫健办 · 卫健") }
        #expect(called.ok, "the party called in does not show:\n\(called.screen)")

        // the health office answers from its own terminal
        let listed = try spawn([binary, "call-ins", "--db", db, "--ticket", "T00072", "--pending", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]], "\(listed.output)")
        let id = try #require(rows.first { $0["responder"] as? String == "R004" }?["id"] as? String)
        let answered = try spawn([binary, "answer", id, "--db", db, "--handled", "已现场核查,无燃气泄漏", "--by", "R004"])
        #expect(answered.status == 0 && answered.output.contains("\(id) handled"), "\(answered.output)")
        let shown = tmux.wait { $0.contains("已处置 街道卫健办") && $0.contains("已现场核查,无燃气泄漏") && $0.contains("待办结 1") }
        #expect(shown.ok, "the answer does not show on the page:\n\(shown.screen)")

        // the emergency office is still pending: a plain resolution is refused, naming it
        let assignee = try spawn([binary, "tickets", "--db", db, "--state", "accepted", "--json"])
        let tickets = try #require(try JSONSerialization.jsonObject(with: Data(assignee.output.utf8)) as? [[String: Any]])
        let worker = try #require(tickets.first { $0["id"] as? String == "T00072" }?["assignee"] as? String)
        let refused = try spawn([binary, "resolve", "T00072", "--db", db, "--staff", worker, "--note", "已处置"])
        #expect(refused.status == 1 && refused.output.contains("still waiting on J00012"), "\(refused.output)")
        let resolved = try spawn([binary, "resolve", "T00072", "--db", db, "--staff", worker, "--note", "已处置", "--override", "险情已排除"])
        #expect(resolved.status == 0, "\(resolved.output)")
        #expect(tmux.wait { $0.contains("已撤回") && $0.contains("险情已排除") }.ok, "the withdrawal does not show")
        tmux.resize(width: 80, height: 24)
        #expect(tmux.wait { $0.contains("联动处置") && $0.split(separator: "\n").allSatisfy { $0.count <= 80 } }.ok)
        tmux.send("q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok)
    }
}
