import Foundation
import Testing

/// Input the service and the commands did not ask for (issue #18): the HTTP service refuses
/// what it does not take (methods with 405 and `Allow`, content types 415, bodies over 16 KB 413
/// with or without a declared length, malformed forms, JSON, queries and request lines 4xx),
/// closes slow and silent connections after its idle time, answers a burst of 2,000 bad
/// requests with 4xx only and stays healthy; SQL injection strings in every text field, through
/// HTTP and through commands, are stored and read back as the text they are, and nothing else
/// changes. The clients are `Tools/hostile-http.py` (the standard library's http.client and
/// raw sockets); the database is read with Python's sqlite3, or psql on PostgreSQL.
@Suite("Hostile input end to end", .serialized)
struct HostileInputEndToEndTests {
    let binary = doorstepBinary()
    static let tool = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Tools/hostile-http.py").path
    /// Reads what commands stored (sqlite3, or psql on PostgreSQL).
    static let storeCheck = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Tools/stored-check.py").path

    /// The strings of the tool's list that commands take too.
    static let injections = ["'; DROP TABLE ticket; --", "Robert'); DROP TABLE event;--", "\" OR 1=1 --", "' OR '1'='1",
                             "1; DELETE FROM ticket WHERE 1=1", "$1; SELECT pg_sleep(10); --", "%' UNION SELECT key_hash FROM credential --"]

    @Test("the service refuses methods, types, sizes and malformed input with 4xx, closes slow clients, survives a burst; injections are text")
    func service() throws { try serve(postgres: false, binary: binary) }

    @Test("the same over a PostgreSQL store", .enabled(if: PostgresBinaries.available))
    func serviceOnPostgres() throws { try serve(postgres: true, binary: PostgresBinaries.doorstep) }

    func serve(postgres: Bool, binary: String) throws {
        let (folder, db) = try demoStreet("hostile-http", postgres: postgres, binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try spawnSucceeding([binary, "key", "issue", "--channel", "hotline", "--db", db])
        let dispatcher = try spawnSucceeding([binary, "token", "issue", "--operator", "jb-dispatch", "--db", db])
        let worker = try spawnSucceeding([binary, "token", "issue", "--operator", "jb01-worker", "--db", db])
        let idle = 2
        let server = try Tmux(width: 200, height: 20, command: "\(shellQuoted(binary)) serve --listen 127.0.0.1:0 --db \(shellQuoted(db)) --idle-timeout \(idle); echo \"exit=$?\"; sleep 600")
        let listening = server.wait { $0.contains("listening on http://127.0.0.1:") }
        #expect(listening.ok, "\(listening.screen)")
        let port = try #require(listening.screen.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/)?.1).description

        let result = try spawn(["python3", Self.tool, "127.0.0.1", port, key, dispatcher, worker, db, "\(idle)"])
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let checks = lines.filter { $0["check"] != nil }
        let failed = checks.filter { ($0["ok"] as? Bool) != true }.map { "\($0["check"] ?? "?"): \($0["detail"] ?? "")" }
        #expect(failed.isEmpty, "\(failed.joined(separator: "\n"))")
        // (the tool's list: 6 methods, 5 types, 5 sizes, 12 malformed, 2 of the burst, 4 slow, 9 injections of 6 checks each, 5 of the grid end)
        #expect(checks.count >= 90, "only \(checks.count) checks ran: \(result.output.suffix(2000))")
        let summary = try #require(lines.first { $0["summary"] != nil })
        #expect(summary["injections"] as? Int == 10)  // (nine injections and one hostile text)
        print("hostile HTTP (\(postgres ? "PostgreSQL" : "SQLite")): \(checks.count) checks, \(failed.count) failed")

        // still serving, and the server's output holds no stack or crash
        #expect(try spawn(["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/healthz"]).output == "200")
        let screen = server.capture()
        #expect(!screen.contains("exit=") && !screen.lowercased().contains("fatal"), "\(screen)")
    }

    @Test("injection strings through commands are stored as text; as codes they are refused with one line and write nothing")
    func commands() throws { try commands(postgres: false, binary: binary) }

    @Test("the same on a PostgreSQL store", .enabled(if: PostgresBinaries.available))
    func commandsOnPostgres() throws { try commands(postgres: true, binary: PostgresBinaries.doorstep) }

    func commands(postgres: Bool, binary: String) throws {
        let (folder, db) = try demoStreet("hostile-commands", postgres: postgres, binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try spawn(["python3", Self.storeCheck, db, "[]"]).output
        let demoTickets = Int(before.firstMatch(of: /tickets (\d+)/)?.1 ?? "") ?? -1
        #expect(demoTickets > 0, "\(before)")
        var ordered: [(id: String, text: String)] = []
        for text in Self.injections {
            let id = try spawnSucceeding([binary, "order", "--db", db, "--grid", "JB01", "--category", "convenience", "--title", text, "--name", text,
                              "--phone", String(text.prefix(30))])
            ordered.append((id, text))
            _ = try spawnSucceeding([binary, "cancel", "--db", db, id, "--reason", text])
        }
        for text in Self.injections {
            for arguments in [["order", "--grid", text, "--category", "convenience", "--title", "x"],
                              ["order", "--grid", "JB01", "--category", text, "--title", "x"],
                              ["dispatch", text, "--grid", "JB01"], ["accept", ordered[0].id, "--staff", text]] {
                let refused = try spawn([binary] + arguments + ["--db", db])
                let lines = refused.output.split(separator: "\n", omittingEmptySubsequences: true)
                #expect(refused.status != 0 && lines.count == 1, "\(arguments): \(refused.status) \(refused.output)")
            }
        }
        let pairs = String(decoding: try JSONSerialization.data(withJSONObject: ordered.map { [$0.id, $0.text] }), as: UTF8.self)
        let result = try spawn(["python3", Self.storeCheck, db, pairs])
        #expect(result.output.contains(postgres ? "integrity n/a" : "integrity ok"), "\(result.output)")
        let problems = result.output.split(separator: "\n").filter { !$0.hasPrefix("integrity") && !$0.hasPrefix("tickets") }
        #expect(problems.isEmpty, "\(problems)")
        // the refused commands wrote nothing: only the orders made above were added to the demo's tickets
        #expect(result.output.contains("tickets \(demoTickets + Self.injections.count)"), "\(result.output) (the demo has \(demoTickets))")
        print("hostile commands (\(postgres ? "PostgreSQL" : "SQLite")): \(ordered.count) stored as sent, \(Self.injections.count * 4) refused")
    }
}
