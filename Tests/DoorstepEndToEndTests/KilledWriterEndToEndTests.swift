import DoorstepDomain
import Foundation
import Testing

/// Writers killed with SIGKILL at moments of their own choosing (issue #18): every write a
/// command acknowledged (it exited 0) is there afterwards with its event, the database passes
/// its integrity check, and no ticket is half written.
@Suite("Killed writers end to end", .serialized)
struct KilledWriterEndToEndTests {
    let binary = doorstepBinary()

    @Test("orders and their moves from shell loops killed with SIGKILL five times: nothing acknowledged is lost, nothing half done (SQLite)")
    func killedWriters() throws {
        let (folder, db) = try demoDatabase("killed", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let acked = folder.appendingPathComponent("acked").path
        let marker = folder.lastPathComponent
        var generator = SeededRandom(seed: 20261202)
        var rounds = 0
        for round in 0..<5 {
            // each order, once acknowledged, is dispatched; each line says what was acknowledged
            let loop = """
                for i in $(seq 1 400); do
                  t=$(\(shellQuoted(binary)) order --db \(shellQuoted(db)) --grid JB01 --category hazard --title K\(round)-$i) || continue
                  id=${t%% *}; echo "ordered $id K\(round)-$i" >> \(shellQuoted(acked))
                  \(shellQuoted(binary)) dispatch "$id" --db \(shellQuoted(db)) --grid JB01 && echo "dispatched $id" >> \(shellQuoted(acked))
                done
                """
            let tmux = try Tmux(width: 100, height: 10, command: "sh -c \(shellQuoted(loop)) \(marker); sleep 600")
            // let it write for 0.5–2.5 s, then kill every process of this test's loop and its writer at once
            let until = Date().addingTimeInterval(0.5 + Double(generator.next() % 2000) / 1000)
            while Date() < until { usleep(20_000) }
            _ = try spawn(["pkill", "-KILL", "-f", marker])
            _ = try spawn(["pkill", "-KILL", "-f", db])
            _ = try tmux.tmux("kill-server")
            rounds += 1
        }
        let lines = (try? String(contentsOfFile: acked, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        #expect(lines.count >= 5, "the writers acknowledged too little to test: \(lines.count)")
        print("killed writers: \(lines.count) writes acknowledged over \(rounds) kills")
        let check = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            print('integrity', c.execute('PRAGMA integrity_check').fetchone()[0])
            for line in open(sys.argv[2]).read().split('\\n'):
                if not line: continue
                parts = line.split()
                if parts[0] == 'ordered':
                    row = c.execute('SELECT title FROM ticket WHERE id = ?', (parts[1],)).fetchone()
                    if row is None or row[0] != parts[2]: print('lost order', line)
                    if c.execute("SELECT count(*) FROM event WHERE kind = 'ticket.ordered' AND subject = ?", (parts[1],)).fetchone()[0] != 1: print('order without its event', line)
                else:
                    state = c.execute('SELECT state FROM ticket WHERE id = ?', (parts[1],)).fetchone()
                    if state is None or state[0] != 'dispatched': print('lost dispatch', line, state)
            # no half-done write: each ticket of the loops has its order's event, each transition its event
            for (id,) in c.execute("SELECT id FROM ticket WHERE title LIKE 'K%'"):
                if c.execute("SELECT count(*) FROM event WHERE kind = 'ticket.ordered' AND subject = ?", (id,)).fetchone()[0] != 1: print('half-done order', id)
                moves = c.execute('SELECT count(*) FROM ticket_transition WHERE ticket = ?', (id,)).fetchone()[0]
                events = c.execute("SELECT count(*) FROM event WHERE subject = ? AND kind LIKE 'ticket.%' AND kind != 'ticket.ordered'", (id,)).fetchone()[0]
                if moves != events: print('half-done move', id, moves, events)
            print('checked', c.execute("SELECT count(*) FROM ticket WHERE title LIKE 'K%'").fetchone()[0])
            """
        let result = try spawn(["python3", "-c", check, db, acked])
        #expect(result.output.contains("integrity ok"), "\(result.output)")
        let problems = result.output.split(separator: "\n").filter { !$0.hasPrefix("integrity") && !$0.hasPrefix("checked") }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(rounds == 5)
        // the database still takes writes and the wall's commands still read it
        #expect(try spawn([binary, "order", "--db", db, "--grid", "JB01", "--category", "hazard", "--title", "after"]).status == 0)
    }
}

