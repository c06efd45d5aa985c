import Foundation
import Testing

/// 回放 on the real binary: the wall replays an order made a moment before from the event log,
/// pauses, refuses to write, jumps back before it and steps forward onto it again; the database
/// is left as it was.
@Suite("Replay end to end", .serialized)
struct ReplayEndToEndTests {
    let binary = doorstepBinary()

    /// The bytes of the database and its write-ahead log (a reader of a WAL database makes an
    /// empty log where there was none: no content is written).
    func fingerprint(_ db: String) -> [Data] { [db, db + "-wal"].map { FileManager.default.contents(atPath: $0) ?? Data() } }

    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }

    @Test("an order replayed: REPLAY and the replayed time, space pauses, c is refused, g jumps back before the order, ] steps onto it; nothing written")
    func replay() throws {
        let (folder, db) = try demoDatabase("replay", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = Date().addingTimeInterval(-1)
        let start = ISO8601DateFormatter().string(from: before)
        let end = ISO8601DateFormatter().string(from: before.addingTimeInterval(900))  // (past the order: the replay runs on)
        let ordered = try spawn([binary, "order", "--db", db, "--grid", "JB01", "--category", "hazard", "--title", "回放里的燃气异味"])
        #expect(ordered.status == 0, "\(ordered.output)")
        let written = fingerprint(db)

        let tmux = try Tmux(width: 200, height: 60,
                            command: "\(shellQuoted(binary)) replay --db \(shellQuoted(db)) --from \(start) --to \(end) --speed 1 --lang zh; echo \"exit=$?\"; sleep 600")
        let opened = tmux.wait(for: 60) { $0.contains("回放 REPLAY · ×1") }
        #expect(opened.ok, "no replay banner:\n\(opened.screen)")
        let replayed = tmux.wait(for: 60) { $0.contains("回放里的燃气异味") }
        #expect(replayed.ok, "the order was not replayed:\n\(replayed.screen)")
        tmux.send("Space")
        #expect(tmux.wait { $0.contains("回放 REPLAY · 已暂停") }.ok, "space did not pause")
        tmux.send("c")
        #expect(tmux.wait { $0.contains("回放中:不写入任何内容") }.ok, "c was not refused")
        // back to a second before the order: it is no longer on the wall
        tmux.send("g")
        for c in Self.clock(before) { tmux.send(String(c)) }
        #expect(tmux.wait { $0.contains("跳到 \(Self.clock(before))_") }.ok, "the time typed is not shown")
        tmux.send("Enter")
        let back = tmux.wait { $0.split(separator: "\n").first?.hasSuffix(Self.clock(before)) == true && !$0.contains("回放里的燃气异味") }
        #expect(back.ok, "g did not jump back before the order:\n\(back.screen)")
        // one event at a time (the database's making may come first, in the same second)
        var stepped = (screen: "", ok: false)
        for _ in 0..<3 where !stepped.ok {
            tmux.send("]")
            stepped = tmux.wait(for: 10) { $0.contains("回放里的燃气异味") }
        }
        #expect(stepped.ok, "] did not step onto the order:\n\(stepped.screen)")
        tmux.send("q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok)
        #expect(fingerprint(db) == written, "the replay changed the database")
    }

    @Test("a time that is none, a speed out of range or a start after the newest event: one line naming it, a usage status")
    func refused() throws {
        let (folder, db) = try demoDatabase("replay-refused", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (arguments, says) in [
            (["--from", "teatime"], "--from: 'teatime' is not a time"),
            (["--from", "2026-02-30 10:00"], "--from: '2026-02-30 10:00' is not a time"),
            (["--from", "2026-11-30T10:00:00+08:00", "--speed", "0"], "--speed: 0.0 is not between 0.1 and 3600"),
            (["--from", "2099-01-01 10:00"], "no event at or after 2099-01-01 10:00:00"),
        ] {
            let refused = try spawn([binary, "replay", "--db", db] + arguments)
            #expect(refused.status == 64 && refused.output.contains(says), "\(arguments): \(refused.status) \(refused.output)")
            #expect(refused.output.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(refused.output)")
        }
    }
}
