import Foundation
import Testing

/// The three ends as separate processes over one database, as scripts would use them.
@Suite("Closed loop end to end", .serialized)
struct ClosedLoopEndToEndTests {
    let binary = doorstepBinary()

    /// A fresh database made by `doorstep init`, in its own folder.
    func freshDatabase() throws -> (folder: URL, db: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("street.sqlite").path
        let made = try spawn([binary, "init", "--db", db])
        #expect(made.status == 0, "init failed: \(made.output)")
        return (folder, db)
    }

    func run(_ arguments: [String], db: String) throws -> SpawnResult {
        try spawn([binary] + arguments + ["--db", db])
    }

    func line(_ result: SpawnResult) -> String { result.output.trimmingCharacters(in: .whitespacesAndNewlines) }

    @Test("点单 → 派单 → 接单 → 办结 → 评价 from the command line, and the listings show it")
    func loop() throws {
        let (folder, db) = try freshDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let order = try run(["order", "--grid", "JB01", "--category", "care", "--title", "独居老人助餐", "--name", "王五"], db: db)
        #expect(order.status == 0)
        let id = line(order)
        #expect(id == "T00074")
        #expect(line(try run(["dispatch", id, "--to", "S0002"], db: db)) == "\(id) dispatched")
        #expect(line(try run(["accept", id, "--staff", "S0002"], db: db)) == "\(id) accepted")
        #expect(line(try run(["resolve", id, "--staff", "S0002", "--note", "已送餐"], db: db)) == "\(id) resolved")
        #expect(line(try run(["rate", id, "--score", "5"], db: db)) == "\(id) rated")
        let listed = try run(["tickets", "--json", "--limit", "1"], db: db)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect(rows.first?["id"] as? String == id)
        #expect(rows.first?["state"] as? String == "rated")
        for key in ["id", "state", "grid", "category", "title", "created_at", "due_at"] { #expect(rows.first?.keys.contains(key) == true, "\(key)") }
        let grids = try #require(try JSONSerialization.jsonObject(with: Data(try run(["grids", "--json"], db: db).output.utf8)) as? [[String: Any]])
        #expect(grids.count == 64)
        for key in ["code", "name", "community", "status", "reason"] { #expect(grids.first?.keys.contains(key) == true, "\(key)") }
        #expect(grids.first { $0["code"] as? String == "JB03" }?["status"] as? String == "alarm")
        let staff = try #require(try JSONSerialization.jsonObject(with: Data(try run(["staff", "--json"], db: db).output.utf8)) as? [[String: Any]])
        #expect(staff.count == 905)
        for key in ["id", "name", "role", "grid", "duty"] { #expect(staff.first?.keys.contains(key) == true, "\(key)") }
        let snapshot = try #require(try JSONSerialization.jsonObject(with: Data(try run(["snapshot", "--json", "--grid", "JB01"], db: db).output.utf8)) as? [String: Any])
        for key in ["as_of", "street", "figures", "grids", "staff", "tickets", "events", "calls"] { #expect(snapshot[key] != nil, "\(key)") }
        #expect((snapshot["grids"] as? [Any])?.count == 64)
        #expect((snapshot["events"] as? [[String: Any]])?.first?["subject"] as? String == id)
        let firstTicket = (snapshot["tickets"] as? [[String: Any]])?.first
        #expect((firstTicket?["resident"] as? String)?.contains("*") == true, "resident names are masked in snapshots")
        // issue #12's figures: parties called in, care missed, 四清, key places
        let figures = try #require(snapshot["figures"] as? [String: Any])
        for key in ["call_ins_pending", "call_ins_late", "slowest_department", "care_missed", "clear_households", "households"] {
            #expect(figures[key] != nil, "\(key)")
        }
        #expect(figures["households"] as? Int == 2950)
        let nh03 = try #require((snapshot["grids"] as? [[String: Any]])?.first { $0["code"] as? String == "NH03" })
        #expect((nh03["care"] as? [String: Any])?["plans"] as? Int == 2)
        #expect((nh03["four_clears"] as? [String: Any])?["households"] != nil && nh03["key_places"] != nil)
        #expect((snapshot["tickets"] as? [[String: Any]])?.contains { ($0["waiting_on"] as? [String])?.isEmpty == false } == true)
        let text = try run(["snapshot", "--width", "80", "--height", "24", "--lang", "en"], db: db).output
        #expect(text.contains("All grids") && text.split(separator: "\n").count == 24)

        let call = line(try run(["call", "--staff", "S0002"], db: db))
        #expect(call == "C000001")
        #expect(line(try run(["ack", call, "--staff", "S0002"], db: db)) == "\(call) answered")
        #expect(line(try run(["call", "--grid", "JB01"], db: db)).split(separator: "\n").count >= 5)
    }

    @Test("two processes racing to accept the same ticket: exactly one wins, every round")
    func race() throws {
        let (folder, db) = try freshDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let quotedBinary = shellQuoted(binary)
        let quotedDB = shellQuoted(db)
        for round in 1...25 {
            let id = line(try run(["order", "--grid", "JB01", "--category", "care", "--title", "round \(round)"], db: db))
            #expect(try run(["dispatch", id], db: db).status == 0)
            let script = """
                (\(quotedBinary) accept \(id) --staff S0002 --db \(quotedDB); echo "A=$?") &
                (\(quotedBinary) accept \(id) --staff S0003 --db \(quotedDB); echo "B=$?") &
                wait
                """
            let raced = try spawn(["bash", "-c", script])
            let statuses = raced.output.split(separator: "\n").filter { $0.hasPrefix("A=") || $0.hasPrefix("B=") }
            let winners = statuses.filter { $0.hasSuffix("=0") }.count
            #expect(statuses.count == 2 && winners == 1, "round \(round): \(raced.output)")
            #expect(raced.output.contains("cannot accept \(id): it is accepted (by S000"), "round \(round): \(raced.output)")
        }
    }

    @Test("bad input: one line naming what and where, a non-zero exit, nothing written")
    func badInput() throws {
        let (folder, db) = try freshDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = line(try run(["tickets", "--json", "--limit", "1000"], db: db))
        let early = try run(["accept", "T00001", "--staff", "S0002"], db: db)  // T00001 is rated already
        #expect(early.status == 1)
        #expect(line(early).hasPrefix("doorstep: cannot accept T00001: it is rated"))
        let grid = try run(["order", "--grid", "ZZ99", "--category", "care", "--title", "x"], db: db)
        #expect(grid.status == 3)
        #expect(line(grid) == "doorstep: no grid 'ZZ99'")
        #expect(try run(["rate", "T00001", "--score", "9"], db: db).status == 64)
        #expect(try run(["duty", "S0002", "asleep"], db: db).status == 64)
        let missing = try spawn([binary, "tickets", "--db", folder.appendingPathComponent("nope.sqlite").path])
        #expect(missing.status == 66)
        #expect(line(missing).contains("create one with `doorstep init"))
        let csv = folder.appendingPathComponent("staff.csv")
        try "id,name,role,grid,community,phone,duty,team,shift_start,shift_end\nS9001,赵六,volunteer,JB01,JB,155,on,,9:00,17:00\nS9002,钱七,chief,JB01,JB,155,on,,09:00,17:00\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let imported = try run(["import", csv.path], db: db)
        #expect(imported.status == 65)
        #expect(line(imported).contains("staff.csv:3: column 'role': 'chief' is not one of"))
        #expect(line(try run(["tickets", "--json", "--limit", "1000"], db: db)) == before)
        #expect(!line(try run(["staff"], db: db)).contains("S9001"))
    }

    @Test("a GBK export imports, converted, and says so")
    func gbkImport() throws {
        let (folder, db) = try freshDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("households.csv")
        let bytes = Array("id,building,name,phone,must_visit\nH90001,JB01-B01,".utf8) + [0xCD, 0xF5, 0xCE, 0xE5] + Array(",155,elderly_alone\n".utf8)
        try Data(bytes).write(to: csv)
        let imported = try run(["import", csv.path], db: db)
        #expect(imported.status == 0)
        #expect(imported.output.contains("converted from GB18030"))
        #expect(imported.output.contains("1 households imported"))
    }

    @Test("the wall shows a ticket ordered from another process, and its tile turns red when it becomes overdue")
    func wallWatchesTheLoop() throws {
        let (folder, db) = try freshDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tmux = try Tmux(
            width: 200, height: 60,
            command: "\(shellQuoted(binary)) wall --db \(shellQuoted(db)) --refresh 1 --lang zh; echo \"exit=$?\"; sleep 600")
        #expect(tmux.wait { $0.contains("全部网格") && $0.contains("JB02 单0") }.ok, "wall did not start:\n\(tmux.capture())")
        // a hazard has 10 minutes to be dispatched; this one was phoned in 9 min 55 s ago
        let orderedAt = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-595))
        let id = line(try run(["order", "--grid", "JB02", "--category", "hazard", "--title", "燃气泄漏报警", "--source", "hotline",
                               "--ordered-at", orderedAt], db: db))
        let shown = tmux.wait { $0.contains("燃气泄漏报警") && $0.contains(id) }
        #expect(shown.ok, "the ordered ticket did not appear:\n\(shown.screen)")
        let red = tmux.wait { $0.contains("JB02 超时1") }
        #expect(red.ok, "JB02 did not turn overdue:\n\(red.screen)")
        let coloured = (try? tmux.tmux("capture-pane", "-e", "-p", "-t", tmux.target)) ?? ""
        // the attributes in force where the tile's text starts: every SGR since the last reset
        let before = coloured.components(separatedBy: "   JB02 超时1").first?.components(separatedBy: "\n").last ?? ""
        let sgr = before.components(separatedBy: "\u{1B}[").dropFirst()
        let inForce = sgr.split { $0.hasPrefix("0m") || $0.hasPrefix("m") }.last.map(Array.init) ?? []
        #expect(inForce.contains { $0.hasPrefix("31m") || $0.contains(";31m") }, "the tile is not drawn in the alarm colour: \(inForce)")
        tmux.send("q")
        #expect(tmux.wait { $0.contains("exit=0") }.ok)
    }
}
