import Foundation
import Testing

/// The whole loop over HTTP with the wall watching: a hotline system posts a request as the
/// Open311 spec has it (curl, form-encoded, `api_key`); it lands on a running wall; the
/// community's office dispatches it and the grid's worker accepts and resolves it from their
/// phones (the grid-end API, bearer tokens); a real Open311 client from PyPI (`georeport`)
/// lists the services and reads the request back, closed, in JSON and in XML; the hotline
/// rates it; SIGINT stops the server cleanly.
@Suite("Serve end to end", .serialized)
struct ServeEndToEndTests {
    let binary = doorstepBinary()

    /// curl's body and status ("…\n201").
    func curl(_ arguments: [String]) throws -> (body: String, status: Int) {
        let output = try spawnSucceeding(["curl", "-sS", "-w", "\n%{http_code}"] + arguments)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.dropLast().joined(separator: "\n"), Int(lines.last ?? "") ?? 0)
    }

    func json(_ text: String) -> Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test("order over Open311 → on the wall → dispatched, accepted, resolved from phones → the client reads it closed → rated")
    func closedLoop() throws {
        let (folder, db) = try demoDatabase("serve", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = try spawnSucceeding([binary, "key", "issue", "--channel", "hotline", "--db", db])
        let dispatcher = try spawnSucceeding([binary, "token", "issue", "--operator", "jb-dispatch", "--db", db])
        let worker = try spawnSucceeding([binary, "token", "issue", "--operator", "jb01-worker", "--db", db])
        #expect(key.hasPrefix("dsk_K0001_") && dispatcher.hasPrefix("dst_T0001_") && worker.hasPrefix("dst_T0002_"))

        // (the services and the wall log into the test's folder: read at the end for residents' details)
        let logs = folder.appendingPathComponent("state")
        let logged = "XDG_STATE_HOME=\(shellQuoted(logs.path)) "
        let server = try Tmux(width: 200, height: 20, command: "\(logged)\(shellQuoted(binary)) serve --listen 127.0.0.1:0 --db \(shellQuoted(db)); echo \"exit=$?\"; sleep 600")
        let listening = server.wait { $0.contains("listening on http://127.0.0.1:") }
        #expect(listening.ok, "\(listening.screen)")
        let port = try #require(listening.screen.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/)?.1).description
        let base = "http://127.0.0.1:\(port)"
        let wall = try Tmux(width: 200, height: 60, command: "\(logged)\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --lang zh --refresh 0.5; sleep 600")
        #expect(wall.wait { $0.contains("临江街道") }.ok)

        // 点单: as the spec posts it
        let posted = try curl(["-d", "api_key=\(key)", "-d", "service_code=convenience", "--data-urlencode", "description=楼道灯不亮",
                               "-d", "address_string=JB01", "--data-urlencode", "last_name=王", "--data-urlencode", "first_name=明",
                               "-d", "phone=13800000000", "\(base)/open311/v2/requests.json"])
        #expect(posted.status == 201, "\(posted.body)")
        let id = try #require((json(posted.body) as? [[String: Any]])?.first?["service_request_id"] as? String)
        #expect(wall.wait { $0.contains(id) }.ok)

        // 派单, 接单, 办结 from the phones
        func act(_ token: String, _ path: String, _ body: String) throws -> (body: String, status: Int) {
            try curl(["-X", "POST", "-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json", "-d", body, "\(base)/api/v1/\(path)"])
        }
        #expect(try act(dispatcher, "tickets/\(id)/dispatch", #"{"grid":"JB01"}"#).status == 200)
        #expect(try act(worker, "tickets/\(id)/accept", "{}").status == 200)
        // a second accept: the phone is told who got there first
        let again = try act(worker, "tickets/\(id)/accept", "{}")
        #expect(again.status == 422 || again.status == 409, "\(again.body)")
        #expect(try act(worker, "tickets/\(id)/resolve", #"{"note":"已更换灯泡"}"#).status == 200)
        #expect(try curl(["-H", "Authorization: Bearer nothing", "\(base)/api/v1/tickets"]).status == 401)

        // a real Open311 client reads it all back
        let client = """
            import sys, georeport
            for fmt in ('json', 'xml'):
                c = georeport.GeoReport(sys.argv[1] + '/open311/v2', output_format=fmt)
                services = c.get_service_list()
                codes = sorted(s['service_code'] for s in services)
                d = c.get_service_definition('convenience')
                r = c.get_service_request(sys.argv[2])
                print(fmt, ','.join(codes), d['service_code'], r['service_request_id'], r['status'], r['status_notes'], r['agency_responsible'])
            """
        let read = try spawnSucceeding(["python3", "-c", client, base, id])
        #expect(read.contains("json care,convenience,hazard,mediation,party_public convenience \(id) closed 已办结,待评价:已更换灯泡 江滨一网格 (JB01)"), "\(read)")
        #expect(read.contains("xml care,convenience,hazard,mediation,party_public convenience \(id) closed"), "\(read)")

        // 评价 by the channel that posted it
        let rated = try curl(["-d", "api_key=\(key)", "-d", "score=5", "\(base)/open311/v2/requests/\(id)/rating.json"])
        #expect(rated.status == 200 && rated.body.contains(#""rating":5"#), "\(rated.body)")
        #expect(wall.wait { $0.contains("评价") && $0.contains(id) }.ok)

        // a second service over the same database; a hostile text through it is stored as given
        // and reaches the wall's terminal without its escape (the pane's title stays the wall's)
        let second = try Tmux(width: 200, height: 20, command: "\(logged)\(shellQuoted(binary)) serve --listen 127.0.0.1:0 --db \(shellQuoted(db)); echo \"exit=$?\"; sleep 600")
        let other = second.wait { $0.contains("listening on http://127.0.0.1:") }
        let otherPort = try #require(other.screen.firstMatch(of: /listening on http:\/\/127\.0\.0\.1:(\d+)/)?.1).description
        let titleBefore = wall.format("#{pane_title}")
        let hostile = try curl(["-d", "api_key=\(key)", "-d", "service_code=convenience", "--data-urlencode", "description=\u{1b}]2;pwned\u{07}井盖松动",
                                "-d", "address_string=JB01", "http://127.0.0.1:\(otherPort)/open311/v2/requests.json"])
        #expect(hostile.status == 201, "\(hostile.body)")
        let hostileID = try #require((json(hostile.body) as? [[String: Any]])?.first?["service_request_id"] as? String)
        #expect(wall.wait { $0.contains(hostileID) }.ok)
        let stored = try curl(["\(base)/open311/v2/requests/\(hostileID).json"])
        #expect(stored.body.contains(#"\u001b]2;pwned\u0007井盖松动"#), "\(stored.body)")
        #expect(wall.format("#{pane_title}") == titleBefore && !wall.format("#{pane_title}").contains("pwned"))

        // SIGINT drains and stops with status 0
        server.send("C-c")
        second.send("C-c")
        #expect(server.wait { $0.contains("exit=0") }.ok && second.wait { $0.contains("exit=0") }.ok)

        // no resident's name or phone in any log (issue #18): the wall's log file and the
        // services' logs (their terminals, whole) hold the request and its moves, and not the
        // resident's details
        let files = (FileManager.default.enumerator(atPath: logs.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".log") }
        let text = files.compactMap { try? String(contentsOfFile: logs.appendingPathComponent($0).path, encoding: .utf8) }.joined()
            + [server, second].map { (try? $0.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", $0.target)) ?? "" }.joined()
        #expect(!files.isEmpty && text.contains(id), "the logs hold nothing of the request: \(files)\n\(text.suffix(2_000))")
        for secret in ["13800000000", "王 明", "明 王", "王明"] { #expect(!text.contains(secret), "a log holds the resident's \(secret)") }
    }
}
