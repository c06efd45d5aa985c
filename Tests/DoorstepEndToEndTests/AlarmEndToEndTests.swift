import Foundation
import Testing

/// Alarms across walls: a ticket made overdue from another process raises an alarm that two
/// walls show at once; the new alarm rings the bell of a wall that shows its grid and runs the
/// alert command; taking it on one wall clears its mark on both, the taker named in the ticker;
/// an alarm nobody takes goes up after its time.
@Suite("Alarms end to end", .serialized)
struct AlarmEndToEndTests {
    let binary = doorstepBinary()

    @Test("an overdue ticket's alarm on two walls: bell, alert command, taken on one and cleared on both, the untaken escalated; a turning wall holds on it until taken")
    func alarmAcrossWalls() throws {
        let (folder, db) = try demoDatabase("alarms", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alerts = folder.appendingPathComponent("alerts.txt").path
        // the alert command: a script that notes each alarm's grid and reasons
        let script = folder.appendingPathComponent("alert.sh").path
        try "#!/bin/sh\necho \"$DOORSTEP_GRID $DOORSTEP_REASONS\" >> \(shellQuoted(alerts))\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        // the street's wall raises the demo's standing alarms and escalates those left for 5 s
        let street = try Tmux(width: 200, height: 60, command: "\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --as duty --lang zh --refresh 0.5 "
                              + "--alarm-escalation 5 --alert-command \(shellQuoted(script)); echo \"exit=$?\"; sleep 600")
        // (how many the demo has depends on the hour: nobody on duty counts only in duty hours)
        #expect(street.wait { $0.contains("待认领告警") && $0.contains("! 江滨三网格") }.ok)
        // the community's wall opens on them standing: shown, not announced
        let community = try Tmux(width: 200, height: 60, command: "\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --as jb-dispatch --lang zh --refresh 0.5; echo \"exit=$?\"; sleep 600")
        #expect(community.wait { $0.contains("! 江滨三网格") && $0.contains("待认领告警 1") }.ok)
        #expect(community.format("#{window_bell_flag}") == "0")
        // a lobby screen turning every 2 s through the street and its communities
        let lobby = try Tmux(width: 200, height: 60, command: "\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --as lobby --lang zh --refresh 0.5 "
                             + "--cycle 2; echo \"exit=$?\"; sleep 600")
        #expect(lobby.wait { $0.contains("轮播 2/9") }.ok)

        // another process makes a ticket in JB01 overdue: JB01 enters alarm
        let at = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3 * 3600))
        let ordered = try spawn([binary, "order", "--db", db, "--actor", "duty", "--grid", "JB01", "--category", "hazard", "--title", "燃气泄漏",
                                 "--ordered-at", at])
        #expect(ordered.status == 0, "\(ordered.output)")
        #expect(street.wait { $0.contains("! 江滨一网格") }.ok)
        // the lobby stops turning and shows JB01, highlighted, until the alarm is taken
        let held = lobby.wait { $0.contains("轮播暂停 · 告警") && $0.contains("网格力量 · 江滨一网格") }
        #expect(held.ok, "the turning wall did not hold on the new alarm:\n\(held.screen)")
        #expect(community.wait { $0.contains("! 江滨一网格") && $0.contains("待认领告警 2") }.ok)
        let rang = Date().addingTimeInterval(30)
        while community.format("#{window_bell_flag}") != "1", Date() < rang { usleep(100_000) }
        #expect(community.format("#{window_bell_flag}") == "1", "the community's wall did not ring")
        let wrote = Date().addingTimeInterval(30)
        while !((try? String(contentsOfFile: alerts, encoding: .utf8)) ?? "").contains("JB01 overdue"), Date() < wrote { usleep(100_000) }
        #expect(((try? String(contentsOfFile: alerts, encoding: .utf8)) ?? "").contains("JB01 overdue"))

        // taken on the community's wall (the highlighted grid is JB01): the mark goes on both
        community.send("a")
        #expect(community.wait { $0.contains("已认领 1 条告警") }.ok)
        #expect(community.wait { !$0.contains("! 江滨一网格") }.ok)
        let taken = street.wait { !$0.contains("! 江滨一网格") && $0.contains("认领") && $0.contains("江滨一网格 · 张鹏超") }
        #expect(taken.ok, "the street did not see it taken:\n\(taken.screen)")

        // taken: the lobby turns again
        #expect(lobby.wait { $0.contains("轮播 ") && !$0.contains("轮播暂停") }.ok)

        // those left untaken for 5 s went up the chain
        #expect(street.wait { $0.contains("上报     A0") || $0.contains("上报 A0") }.ok)

        for wall in [street, community, lobby] {
            wall.send("q")
            #expect(wall.wait { $0.contains("exit=0") }.ok)
        }
    }
}
