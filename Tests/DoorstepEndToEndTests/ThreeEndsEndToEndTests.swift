import Foundation
import Testing

/// The street, a community and a grid as three terminals over one database (三端): an order
/// from the command line reaches the street and the community's queue; the community's
/// dispatcher sends it with one key; the grid's worker accepts and resolves it at the grid's
/// desk; the street follows each step. Out-of-scope attempts, from keys and from commands, are
/// refused with a message and write nothing.
@Suite("Three ends end to end", .serialized)
struct ThreeEndsEndToEndTests {
    let binary = doorstepBinary()

    func wall(_ db: String, as op: String) throws -> Tmux {
        try Tmux(width: 200, height: 60, command: "\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --as \(op) --lang zh --refresh 0.5; echo \"exit=$?\"; sleep 600")
    }

    /// The newest event's sequence number, as `doorstep snapshot --json` lists the events.
    func newestEvent(_ db: String) throws -> Int {
        let json = try spawn([binary, "snapshot", "--db", db, "--json"]).output
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let events = object?["events"] as? [[String: Any]] ?? []
        return events.compactMap { $0["seq"] as? Int }.max() ?? 0
    }

    @Test("an order goes street → community's queue → grid's desk and back, each end seeing its own; refusals write nothing")
    func threeEnds() throws {
        let (folder, db) = try demoDatabase("three-ends", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let street = try wall(db, as: "duty")
        let community = try wall(db, as: "jb-dispatch")
        let grid = try wall(db, as: "jb01-worker")
        #expect(community.wait { $0.contains("社区端 · 江滨社区 · 派单 张鹏超") }.ok)
        #expect(grid.wait { $0.contains("网格端 · 江滨一网格 · 陶敏") }.ok)
        // another community's grids are not on the community's desk, nor other grids on the grid's
        #expect(!community.capture().contains("北固一网格") && !grid.capture().contains("江滨二网格"))

        // care has 30 minutes to dispatch: ordered 29½ minutes ago it heads the community's queue
        let at = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-1770))
        let ordered = try spawn([binary, "order", "--db", db, "--actor", "duty", "--grid", "JB01", "--category", "care", "--title", "空巢老人送药",
                                 "--ordered-at", at])
        #expect(ordered.status == 0, "\(ordered.output)")
        let ticket = ordered.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(street.wait { $0.contains(ticket) }.ok)
        #expect(community.wait { $0.contains("\(ticket) 江滨一网格 关爱帮扶 待派") }.ok)

        // the community's dispatcher: Tab to its tickets, d, Enter (the suggested person)
        community.send("Tab", "Tab", "Home", "d")
        #expect(community.wait { $0.contains("派单 \(ticket)") && $0.contains("★") }.ok)
        community.send("Enter")
        #expect(community.wait { $0.contains("\(ticket) → 待接") }.ok)
        #expect(street.wait { $0.contains("派单 \(ticket)") && $0.contains("张鹏超 → JB01") }.ok)

        // the grid's worker takes it and finishes it from the grid's desk
        #expect(grid.wait { $0.contains("\(ticket) 江滨一网格 关爱帮扶 待接") }.ok)
        grid.send("Tab", "Tab", "Home", "a")
        #expect(grid.wait { $0.contains("\(ticket) → 办理中") }.ok)
        grid.send("v")
        #expect(grid.wait { $0.contains("办结 \(ticket):如何办结") }.ok)
        grid.send("药已送到", "Enter")
        #expect(grid.wait { $0.contains("\(ticket) → 已办结") }.ok)
        let seen = street.wait { $0.contains("接单 \(ticket)") && $0.contains("办结 \(ticket)") && $0.contains("药已送到") }
        #expect(seen.ok, "the street did not follow:\n\(seen.screen)")

        // from keys: a grid worker may not place calls (the store refuses; the footer says so)
        grid.send("BTab", "c")
        let refusedKey = grid.wait(for: 30) { $0.contains("无权操作,未保存") }
        #expect(refusedKey.ok, "no refusal on the grid's desk:\n\(refusedKey.screen)")

        // from commands: each refused with its reason and status 77, nothing written
        let before = try spawn([binary, "tickets", "--db", db, "--json", "--limit", "200"]).output
        let lastEvent = try newestEvent(db)
        let attempts: [[String]] = [
            ["dispatch", ticket, "--grid", "BG01", "--actor", "jb-dispatch"],
            ["order", "--grid", "BG01", "--category", "care", "--title", "x", "--actor", "jb-dispatch"],
            ["cancel", ticket, "--reason", "x", "--actor", "jb01-worker"],
            ["accept", "T00070", "--staff", "S0002", "--actor", "jb01-worker"],
            ["duty", "S0124", "off", "--actor", "lobby"],
            ["operator", "add", "x", "--name", "X", "--role", "viewer", "--actor", "jb-dispatch"],
            ["rate", ticket, "--score", "5", "--actor", "nobody"],
        ]
        for attempt in attempts {
            let refused = try spawn([binary] + attempt + ["--db", db])
            #expect(refused.status == 77, "\(attempt): \(refused.status) \(refused.output)")
            #expect(refused.output.contains("refused:") || refused.output.contains("no operator 'nobody'"), "\(attempt): \(refused.output)")
        }
        #expect(try spawn([binary, "tickets", "--db", db, "--json", "--limit", "200"]).output == before)
        #expect(try newestEvent(db) == lastEvent && lastEvent > 0)

        for end in [street, community, grid] {
            end.send("q")
            #expect(end.wait { $0.contains("exit=0") }.ok)
        }
    }

    @Test("the lobby screen shows the street and refuses every action; residents stay masked")
    func lobby() throws {
        let (folder, db) = try demoDatabase("lobby", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lobby = try wall(db, as: "lobby")
        #expect(lobby.wait { $0.contains("大屏 · 临江街道 · 只读") }.ok)
        lobby.send("Tab", "Tab", "d")
        #expect(lobby.wait { $0.contains("大屏只读:不能在此操作") }.ok)
        #expect(!lobby.capture().contains("派单 T"))
        lobby.send("Enter")
        #expect(lobby.wait { $0.contains("r 显示居民信息") || $0.contains("居民") }.ok)
        lobby.send("r")
        #expect(lobby.wait { $0.contains("大屏只读:不能在此操作") }.ok)
        lobby.send("Escape", "q")
        #expect(lobby.wait { $0.contains("exit=0") }.ok)
    }

    @Test("a wall with nobody named, over a database with operators, says who must act and exits")
    func nobodyNamed() throws {
        let (folder, db) = try demoDatabase("nobody", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DOORSTEP_ACTOR")
        environment["USER"] = "nobody-here"
        let refused = try spawn([binary, "wall", "--db", db], environment: environment)
        #expect(refused.status == 77)
        #expect(refused.output.contains("who is acting? this database has operators"))
        let unknown = try spawn([binary, "wall", "--db", db, "--as", "ghost"], environment: environment)
        #expect(unknown.status == 77 && unknown.output.contains("no operator 'ghost'"))
    }
}
