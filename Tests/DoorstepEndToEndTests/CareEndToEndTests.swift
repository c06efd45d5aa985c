import Foundation
import Testing

/// Care plans on the real binary: a grid's missed services on its page and tile, given from the
/// social worker's terminal and cleared on the wall; the order → dispatch → accept loop for scripts.
@Suite("Care plans end to end", .serialized)
struct CareEndToEndTests {
    let binary = doorstepBinary()

    @Test("NH03's missed care services show on its page and tile; given from another terminal, they clear")
    func onTheWall() throws {
        let (folder, db) = try demoDatabase("care", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(width: 200, height: 60,
                            command: "\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --lang zh; echo \"exit=$?\"; sleep 600")
        #expect(tmux.wait { $0.contains("云台六网格") }.ok, "the wall did not come up")
        #expect(tmux.wait { $0.contains("NH03 帮扶逾期3") }.ok, "NH03's tile does not say its care services are missed")
        tmux.send("/")
        tmux.send("NH03")
        tmux.send("Enter")
        tmux.send("Enter")
        let page = tmux.wait { $0.contains("关爱帮扶 · 方案 2 · 逾期 3") }
        #expect(page.ok, "NH03's page does not list its care plans:\n\(page.screen)")
        #expect(page.screen.contains("康复陪护 1次/周 逾期"))

        let listed = try spawn([binary, "care", "list", "--db", db, "--grid", "NH03", "--json"])
        let plans = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]], "\(listed.output)")
        #expect(plans.count == 2)
        for plan in plans {
            let worker = try #require(plan["social_worker"] as? String)
            for service in (plan["services"] as? [[String: Any]] ?? []) where service["missed"] as? Bool == true {
                let done = try spawn([binary, "care", "done", try #require(service["id"] as? String), "--db", db, "--staff", worker, "--note", "已上门"])
                #expect(done.status == 0 && done.output.contains("done, next due"), "\(done.output)")
            }
        }
        let cleared = tmux.wait { $0.contains("关爱帮扶 · 方案 2 ─") && !$0.contains("帮扶逾期") }
        #expect(cleared.ok, "the services given did not clear:\n\(cleared.screen)")
        tmux.resize(width: 80, height: 24)
        #expect(tmux.wait { $0.contains("关爱帮扶") && $0.split(separator: "\n").allSatisfy { $0.count <= 80 } }.ok)
        tmux.send("q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok)
    }

    @Test("群众点单 → 社工站派单 → 专业社工接单 from the command line, with refusals named")
    func loop() throws {
        let (folder, db) = try demoDatabase("care-loop", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ordered = try spawn([binary, "care", "order", "--db", db, "--household", "H00001", "--group", "empty_nest_elder", "--goal", "按时就餐"])
        #expect(ordered.status == 0, "\(ordered.output)")
        let plan = ordered.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(plan == "P00032")
        let staff = try spawn([binary, "staff", "--db", db, "--grid", "JB01", "--json"])
        let people = try #require(try JSONSerialization.jsonObject(with: Data(staff.output.utf8)) as? [[String: Any]])
        let professional = try #require(people.first { $0["role"] as? String == "professional" }?["id"] as? String)
        let allRound = try #require(people.first { $0["role"] as? String == "all_round" }?["id"] as? String)
        let wrong = try spawn([binary, "care", "dispatch", plan, "--db", db, "--to", allRound])
        #expect(wrong.status == 1 && wrong.output.contains("not a professional social worker"), "\(wrong.output)")
        #expect(try spawn([binary, "care", "dispatch", plan, "--db", db, "--to", professional]).status == 0)
        let service = try spawn([binary, "care", "add-service", plan, "--db", db, "--name", "助餐", "--times", "3", "--per", "week"])
        #expect(service.status == 0, "\(service.output)")
        let early = try spawn([binary, "care", "done", service.output.trimmingCharacters(in: .whitespacesAndNewlines), "--db", db, "--staff", professional])
        #expect(early.status == 1 && early.output.contains("once its social worker accepts it"), "\(early.output)")
        let accepted = try spawn([binary, "care", "accept", plan, "--db", db, "--staff", professional])
        #expect(accepted.status == 0 && accepted.output.contains("\(plan) accepted"), "\(accepted.output)")
        let badGroup = try spawn([binary, "care", "order", "--db", db, "--household", "H00001", "--group", "elderly", "--goal", "x"])
        #expect(badGroup.status == 64 && badGroup.output.contains("--group: 'elderly' is not one of"), "\(badGroup.output)")
        let unknown = try spawn([binary, "care", "close", "P99999", "--db", db, "--reason", "x"])
        #expect(unknown.status == 3 && unknown.output.contains("no care plan 'P99999'"), "\(unknown.output)")
    }
}
