import DoorstepDomain
import DoorstepTestSupport
import Foundation
import Testing

/// Writers killed with SIGKILL at moments of their own choosing (issue #18): every write a
/// command acknowledged (it exited 0) or the service acknowledged (201) is there afterwards with
/// its event, the database passes its integrity check (SQLite), and no ticket is half written —
/// on SQLite and on PostgreSQL (the PostgreSQL-trait binaries of `.build/postgres/`).
@Suite("Killed writers end to end", .serialized)
struct KilledWriterEndToEndTests {
    static let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Tools/acked-check.py").path

    /// A database of the demo street for `binary`: a file in a new folder, or a new database on
    /// the test server; and the folder for the test's own files.
    /// Runs the checker over what was acknowledged; the problems it found.
    func check(_ db: String, acked: String, prefix: String, postgres: Bool) throws -> [Substring] {
        let result = try spawn(["python3", Self.checker, db, acked, prefix])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(postgres ? "integrity n/a" : "integrity ok"), "\(result.output)")
        print("killed writers (\(postgres ? "PostgreSQL" : "SQLite"), \(prefix)): \(result.output.split(separator: "\n").last ?? "")")
        return result.output.split(separator: "\n").filter { !$0.hasPrefix("integrity") && !$0.hasPrefix("checked") }
    }

    @Test("orders and their moves from shell loops killed with SIGKILL five times: nothing acknowledged is lost, nothing half done (SQLite)")
    func killedWriters() throws { try commandsKilled(postgres: false, binary: doorstepBinary()) }

    @Test("the same on PostgreSQL", .enabled(if: PostgresBinaries.available))
    func killedWritersOnPostgres() throws { try commandsKilled(postgres: true, binary: PostgresBinaries.doorstep) }

    @Test("the HTTP service killed with SIGKILL five times under a client posting orders: every 201 is there with its event (SQLite)")
    func killedService() throws { try serviceKilled(postgres: false, binary: doorstepBinary()) }

    @Test("the same on PostgreSQL ", .enabled(if: PostgresBinaries.available))
    func killedServiceOnPostgres() throws { try serviceKilled(postgres: true, binary: PostgresBinaries.doorstep) }

    func commandsKilled(postgres: Bool, binary: String) throws {
        let (folder, db) = try demoStreet("killed", postgres: postgres, binary: binary)
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
        let problems = try check(db, acked: acked, prefix: "K", postgres: postgres)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(rounds == 5)
        // the database still takes writes and the wall's commands still read it
        #expect(try spawn([binary, "order", "--db", db, "--grid", "JB01", "--category", "hazard", "--title", "after"]).status == 0)
    }

    func serviceKilled(postgres: Bool, binary: String) throws {
        let (folder, db) = try demoStreet("killed-serve", postgres: postgres, binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try spawn([binary, "key", "issue", "--channel", "hotline", "--db", db]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(key.hasPrefix("dsk_"), "\(key)")
        let acked = folder.appendingPathComponent("acked").path
        var generator = SeededRandom(seed: 20261203)
        var rounds = 0
        for round in 0..<5 {
            let server = try Tmux(width: 200, height: 10, command: "\(shellQuoted(binary)) serve --listen 127.0.0.1:0 --db \(shellQuoted(db)) --rate-limit 0; sleep 600")
            let listening = server.wait(for: 60) { $0.contains("listening on http://127.0.0.1:") }
            let port = try #require(listening.screen.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/)?.1).description
            // a client posting orders one after another; each 201 is written down at once
            let client = """
                import http.client, json, sys, urllib.parse
                for i in range(2000):
                    title = "S\(round)-%d" % i
                    try:
                        c = http.client.HTTPConnection("127.0.0.1", \(port), timeout=10)
                        c.request("POST", "/open311/v2/requests.json", urllib.parse.urlencode({"api_key": "\(key)", "service_code": "hazard",
                                  "address_string": "JB01", "description": title}), {"Content-Type": "application/x-www-form-urlencoded"})
                        r = c.getresponse(); body = r.read()
                    except Exception as e:
                        print("stopped:", e); break
                    if r.status == 201:
                        with open(sys.argv[1], "a") as f: f.write("ordered %s %s\\n" % (json.loads(body)[0]["service_request_id"], title))
                """
            let poster = try Tmux(width: 100, height: 5, command: "python3 -c \(shellQuoted(client)) \(shellQuoted(acked)); echo posted; sleep 600")
            let until = Date().addingTimeInterval(0.5 + Double(generator.next() % 2000) / 1000)
            while Date() < until { usleep(20_000) }
            // (the service under the pane's shell: `doorstep serve` runs doorstep-server in its place)
            let pid = try server.programPID()
            let killed = try spawn(["kill", "-KILL", pid]).status
            #expect(!pid.isEmpty && killed == 0, "no service to kill under the pane")
            #expect(poster.wait(for: 30) { $0.contains("posted") }.ok, "the client did not stop after the kill")
            _ = try server.tmux("kill-server")
            _ = try poster.tmux("kill-server")
            rounds += 1
        }
        let lines = (try? String(contentsOfFile: acked, encoding: .utf8))?.split(separator: "\n") ?? []
        #expect(lines.count >= 5, "the service acknowledged too little to test: \(lines.count)")
        print("killed service: \(lines.count) orders answered 201 over \(rounds) kills")
        let problems = try check(db, acked: acked, prefix: "S", postgres: postgres)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(rounds == 5)
        #expect(try spawn([binary, "order", "--db", db, "--grid", "JB01", "--category", "hazard", "--title", "after"]).status == 0)
    }
}
