import Foundation
import Testing

/// One-key calling on the real wall, acknowledged from another process.
@Suite("One-key call end to end", .serialized)
struct CallEndToEndTests {
    let binary = doorstepBinary()

    @Test("call a staff member from the wall, answer from another terminal, let another call go missed and escalate")
    func callAckAndEscalate() throws {
        let (folder, db) = try demoDatabase("call", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sent = folder.appendingPathComponent("sent.txt").path
        let notifier = "echo \"$DOORSTEP_CALL_ID $DOORSTEP_NAME $DOORSTEP_PHONE\" >> \(shellQuoted(sent))"
        let tmux = try Tmux(
            width: 200, height: 60,
            command: "\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --lang zh --refresh 0.5 --call-timeout 4 "
                + "--notifier \(shellQuoted(notifier)); echo \"exit=$?\"; sleep 600")
        #expect(tmux.wait { $0.contains("全部网格") }.ok)

        // 江滨 → second grid, drill in: its roster starts with the all-round social worker
        tmux.send("1", "Right", "Enter")
        #expect(tmux.wait { $0.contains("江滨二网格 JB02 · 江滨社区") && $0.contains("网格力量 1+1+2+N") }.ok, "no grid page:\n\(tmux.capture())")
        tmux.send("c")
        let banner = tmux.wait(for: 10) { $0.contains("正在呼叫") && $0.contains("Esc 取消") }
        #expect(banner.ok, "no call banner:\n\(banner.screen)")
        let ringing = tmux.wait { $0.contains("☎ 振铃") }
        #expect(ringing.ok, "the call did not ring on the wall:\n\(ringing.screen)")

        let listed = try spawn([binary, "calls", "--db", db, "--json"])
        let calls = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        let call = try #require(calls.first)
        let callID = try #require(call["id"] as? String)
        let staff = try #require(call["staff"] as? String)
        #expect(call["state"] as? String == "ringing")
        #expect((try? String(contentsOfFile: sent, encoding: .utf8))?.hasPrefix(callID) == true, "the notifier did not run")

        let ack = try spawn([binary, "ack", callID, "--staff", staff, "--db", db])
        #expect(ack.status == 0, "\(ack.output)")
        let answered = tmux.wait { $0.contains("☎ 已接听") }
        #expect(answered.ok, "the grid page did not show the answer:\n\(answered.screen)")

        // back to the wall: the ticker has it too
        tmux.send("Escape")
        let ticker = tmux.wait { screen in
            screen.contains("全部网格") && screen.split(separator: "\n").contains { $0.contains(" 接听 ") && $0.contains(callID) }
        }
        #expect(ticker.ok, "the ticker did not show the answer:\n\(ticker.screen)")

        // a call nobody answers: missed after 4 s, escalated, and the grid turns red
        tmux.send("Tab", "Down", "c")
        let missed = tmux.wait(for: 40) { $0.contains("JB02 未接") && $0.contains("升级") }
        #expect(missed.ok, "no escalation or alarm:\n\(missed.screen)")
        let after = try spawn([binary, "calls", "--db", db, "--json"])
        let states = (try JSONSerialization.jsonObject(with: Data(after.output.utf8)) as? [[String: Any]])?.compactMap { $0["state"] as? String } ?? []
        #expect(states.contains("escalated"))
        #expect(states.filter { $0 == "ringing" || $0 == "missed" }.count >= 1)

        tmux.send("Escape", "q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok)
    }
}
