import Foundation
import Testing

/// Stored text meant to break the screen (issue #18) — escape and control sequences (a title
/// change, a clear screen, colours, C1 controls), bidirectional overrides, invisible format
/// characters, 10,000 characters, stacks of combining marks, emoji sequences, ideographs
/// outside the BMP — ordered through the command line (and a worker's name imported, a call to
/// them, a handover's note), then the wall, a ticket's page, the help overlay, the calls, the
/// handover, the worker's grid and English looked at in tmux under five `TERM`s at 200×60 and 80×24. Every row of a
/// box must be exactly as wide as the terminal and end on its border (widths by Python's
/// `wcwidth`, a table that is not ours), and the terminal's title must not change.
@Suite("Hostile text end to end", .serialized)
struct HostileTextEndToEndTests {
    let binary = doorstepBinary()

    static let titles = [
        "\u{1B}]0;PWNED\u{07}标题改不了",
        "\u{1B}[2J\u{1B}[H清屏\u{1B}[31m红字\u{1B}[0m\u{9B}5A上移",
        "\u{202E}反向覆盖\u{202C}abc\u{2067}隔离",
        "零\u{200B}宽\u{200D}连\u{200E}向\u{FEFF}符\u{00AD}号",
        "长" + String(repeating: "长", count: 9_999),
        "e" + String(repeating: "\u{301}", count: 40) + "组合符叠加",
        "👨\u{200D}👩\u{200D}👧\u{200D}👦家庭 ❤\u{FE0F} 1\u{FE0F}\u{20E3} 🇨🇳",
        "𠀋𪚥𰻞 生僻字\r\n换行\t制表\u{08}退格",
    ]

    /// Rows of boxes not as wide as the terminal or not ending on a border, and rows wider than
    /// it, in `screen` (`width` columns), by Python's wcwidth.
    func misaligned(_ screen: String, width: Int) throws -> [String] {
        let script = """
            import sys, wcwidth
            W = int(sys.argv[1])
            for i, row in enumerate(sys.stdin.read().split("\\n")):
                w = sum(max(0, wcwidth.wcwidth(c)) for c in row)
                boxed = row[:1] in ("│", "┌", "└")
                if w > W or (boxed and (w != W or row[-1:] not in ("│", "┐", "┘", "┤"))):
                    print("row %d: %d columns: %r" % (i, w, row[-30:]))
            """
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("screen-\(UUID().uuidString)")
        try screen.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try spawn(["sh", "-c", "python3 -c \(shellQuoted(script)) \(width) < \(shellQuoted(file.path))"])
        #expect(result.status == 0, "\(result.output)")
        return result.output.split(separator: "\n").map(String.init)
    }

    @Test("escapes, bidi, invisible characters, long text, combining stacks, emoji and rare ideographs: no misaligned row under five TERMs, no title change")
    func hostileTitles() throws {
        let (folder, db) = try demoDatabase("hostile-text", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        // ordered three hours ago and urgent: overdue, at the top of the tickets
        let earlier = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3 * 3600))
        for title in Self.titles {
            let made = try spawn([binary, "order", "--db", db, "--grid", "JB01", "--category", "hazard", "--title", title,
                                  "--name", "名\u{1B}[2J字\u{200B}", "--priority", "urgent", "--ordered-at", earlier])
            #expect(made.status == 0, "\(made.output)")
        }
        // a worker's name (a spreadsheet import), a call to them, and a handover's note
        let name = "陶\u{1B}]0;PWNED\u{07}敏\u{202E}反\u{200B}👨\u{200D}👩\u{200D}👧𠀋" + String(repeating: "\u{301}", count: 12)
        let staff = folder.appendingPathComponent("staff.csv")
        try Data("id,name,role,grid,community,phone,duty,team,shift_start,shift_end\nS0002,\(name),all_round,JB01,JB,15500036881,on,,08:00,18:00\n".utf8)
            .write(to: staff)
        _ = try spawnSucceeding([binary, "import", "--db", db, staff.path])
        _ = try spawnSucceeding([binary, "call", "--db", db, "--staff", "S0002"])
        _ = try spawnSucceeding([binary, "handover", "--db", db, "--to", "lobby", "--note", "交班\u{1B}[2J说明\u{202E}反向" + String(repeating: "长", count: 1_900)])
        var looked = 0
        var bad: [String] = []
        for term in ["xterm-256color", "tmux-256color", "screen-256color", "linux", "vt220"] {
            for (width, height) in [(200, 60), (80, 24)] {
                let wall = try Tmux(width: width, height: height,
                                    command: "env TERM=\(term) \(shellQuoted(binary)) wall --db \(shellQuoted(db)) --lang zh; echo \"exit=$?\"; sleep 600")
                let title = wall.format("#{pane_title}")
                let shown = wall.wait(for: 60) { $0.contains("临江街道") && $0.contains("?") }
                #expect(shown.ok, "\(term) \(width)×\(height):\n\(shown.screen)")
                var screens = [("wall", shown.screen)]
                // the tickets' pane, then the most urgent ticket's page
                wall.send("Tab")
                wall.send("Tab")
                wall.send("Enter")
                let page = wall.wait(for: 10) { $0.contains("编号 T") }
                if width == 200 {
                    #expect(page.ok && ["标题改不了", "清屏红字上移", "反向覆盖abc", "零宽连向符号", "长长长", "组合符叠加", "👨👩👧👦家庭", "生僻字 换行"].contains { page.screen.contains($0) },
                            "\(term): no hostile ticket's page:\n\(page.screen)")
                }
                screens.append(("page", page.screen))
                wall.send("Escape")
                wall.send("?")
                screens.append(("help", wall.wait(for: 10) { $0.contains("帮助") || $0.contains("?") }.screen))
                wall.send("Escape")
                // the calls (the worker's name), the handover (its note), the worker's grid
                wall.send("t")
                let calls = wall.wait(for: 10) { $0.contains("呼叫 ·") }
                #expect(calls.ok && calls.screen.contains("陶敏"), "\(term) \(width)×\(height): no calls page:\n\(calls.screen)")
                screens.append(("calls", calls.screen))
                wall.send("Escape")
                #expect(wall.wait(for: 10) { $0.contains("全部网格") }.ok, "\(term) \(width)×\(height): still on the calls")
                wall.send("H")
                let handover = wall.wait(for: 10) { $0.contains("交接班") && $0.contains("交班说明") }
                #expect(handover.ok, "\(term) \(width)×\(height): no handover page:\n\(handover.screen)")
                screens.append(("handover", handover.screen))
                wall.send("Escape")
                // (back on the wall before the next keys: an Escape read together with a Tab is Alt-Tab)
                #expect(wall.wait(for: 10) { $0.contains("全部网格") }.ok, "\(term) \(width)×\(height): still on the handover")
                wall.send("Tab", "Tab", "Enter")  // (tickets → events → grids: Shift-Tab is no key on the linux console)
                let grid = wall.wait(for: 10) { $0.contains("1+1+2+N") && $0.contains("陶敏") }
                #expect(grid.ok, "\(term) \(width)×\(height): no grid page:\n\(grid.screen)")
                screens.append(("grid", grid.screen))
                wall.send("Escape")
                wall.send("L")
                screens.append(("English", wall.wait(for: 10) { $0.contains("All grids") || $0.contains("Open tickets") }.screen))
                for (name, screen) in screens {
                    looked += 1
                    bad += try misaligned(screen, width: width).map { "\(term) \(width)×\(height) \(name): \($0)" }
                }
                #expect(!wall.format("#{pane_title}").contains("PWNED") && wall.format("#{pane_title}") == title, "\(term): the title changed")
                #expect(!wall.capture().contains("exit="), "\(term) \(width)×\(height): the wall left")
            }
        }
        print("hostile text: \(looked) screens under 5 TERMs, \(bad.count) misaligned rows")
        #expect(looked == 70)
        #expect(bad.isEmpty, "\(bad.prefix(20).joined(separator: "\n"))")
    }
    /// The same text in what the other pages show: a household's and a Party secretary's names
    /// (spreadsheet imports), a care plan's goal, a joint call-in's refusal on a hostile ticket.
    static let pagesText = "万\u{1B}]0;PWNED\u{07}霞\u{1B}[2J\u{202E}反\u{200B}👨\u{200D}👩\u{200D}👧𠀋" + String(repeating: "\u{301}", count: 12)
        + String(repeating: "长", count: 300)

    @Test("the same on the Party network, joint handling, alarms, trends, the community, the grid's sections, the live map and a household: no misaligned row")
    func hostilePages() throws {
        let (folder, db) = try demoDatabase("hostile-pages", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Self.pagesText
        let households = folder.appendingPathComponent("households.csv"), party = folder.appendingPathComponent("party_members.csv")
        try Data("id,building,name,phone,must_visit\nH00001,JB01-B01,\(text),15500995240,\n".utf8).write(to: households)
        try Data("id,name,phone,org,post,building,functional,staff\nPM0001,\(text),15500600997,JB-DW,secretary,,,\n".utf8).write(to: party)
        _ = try spawnSucceeding([binary, "import", "--db", db, households.path])
        _ = try spawnSucceeding([binary, "import", "--db", db, party.path])
        _ = try spawnSucceeding([binary, "care", "order", "--db", db, "--household", "H00001", "--group", "empty_nest_elder", "--goal", text])
        let ticket = try spawnSucceeding([binary, "order", "--db", db, "--grid", "JB01", "--category", "hazard", "--title", Self.titles[0] + text,
                                          "--name", text]).trimmingCharacters(in: .whitespacesAndNewlines)
        let callIns = try spawnSucceeding([binary, "call-in", "--db", db, ticket, "--to", "R001", "--to", "R002"])
            .split(whereSeparator: \.isWhitespace).map(String.init)
        _ = try spawnSucceeding([binary, "answer", "--db", db, try #require(callIns.first), "--declined", text, "--by", "R001"])
        var looked = 0
        var bad: [String] = [], showing: [String] = []
        for term in ["xterm-256color", "linux"] {
            for (width, height) in [(200, 60), (80, 24)] {
                let wall = try Tmux(width: width, height: height,
                                    command: "env TERM=\(term) \(shellQuoted(binary)) wall --db \(shellQuoted(db)) --lang zh; echo \"exit=$?\"; sleep 600")
                let title = wall.format("#{pane_title}")
                #expect(wall.wait(for: 60) { $0.contains("临江街道") && $0.contains("全部网格") }.ok, "\(term) \(width)×\(height): no wall")
                var screens: [(String, String)] = []
                /// Opens a page with `keys`, waits for `shown`, keeps its screen, and goes back with Esc.
                func look(_ name: String, _ keys: [String], shown: @escaping (String) -> Bool, back: Bool = true) {
                    for key in keys { wall.send(key) }
                    let page = wall.wait(for: 10, shown)
                    #expect(page.ok, "\(term) \(width)×\(height): no \(name):\n\(page.screen)")
                    screens.append((name, page.screen))
                    if back {
                        wall.send("Escape")
                        #expect(wall.wait(for: 10) { $0.contains("全部网格") }.ok, "\(term) \(width)×\(height): still on \(name)")
                    }
                }
                look("Party network", ["p"]) { $0.contains("功能型党组织") }
                look("joint", ["o"]) { $0.contains("等待外部力量的工单") }
                look("alarms", ["!"]) { $0.contains("告警 · 近") }
                look("trends", ["w"]) { $0.contains("民情气象站 · 统计于") }
                // the first grid (the focus starts on the grids), its sections, its community, its live map and a household
                look("grid", ["Enter"], shown: { $0.contains("1+1+2+N") }, back: false)
                for section in 1...4 { look("grid section \(section)", ["Tab"], shown: { _ in true }, back: false) }
                look("live map", ["m"], shown: { $0.contains("网格活地图") }, back: false)
                look("household", ["Enter"], shown: { $0.contains("户主        万*") }, back: false)
                // (r shows the resident's name, as stored but cleaned)
                look("household revealed", ["r"], shown: { $0.contains("户主        万霞反") }, back: false)
                wall.send("Escape")
                wall.send("Escape")
                look("community", ["u"], shown: { $0.contains("社区") && !$0.contains("1+1+2+N") }, back: false)
                for (name, screen) in screens {
                    looked += 1
                    bad += try misaligned(screen, width: width).map { "\(term) \(width)×\(height) \(name): \($0)" }
                    if screen.contains("万霞反") { showing.append(name) }
                }
                #expect(wall.format("#{pane_title}") == title, "\(term): the title changed")
                #expect(!wall.capture().contains("exit="), "\(term) \(width)×\(height): the wall left")
            }
        }
        print("hostile text on other pages: \(looked) screens under 2 TERMs, \(bad.count) misaligned rows; the text shown on \(Set(showing).sorted())")
        // (the alarms, trends and Party network show no stored free text: they are looked at for the rest)
        #expect(looked == 52)
        #expect(Set(showing).isSuperset(of: ["joint", "grid", "community", "household revealed"]), "\(Set(showing))")
        #expect(bad.isEmpty, "\(bad.prefix(20).joined(separator: "\n"))")
    }

    @Test("commands write stored text to a terminal without its escapes (the title stays), and to a pipe exactly as stored")
    func commandOutput() throws {
        let (folder, db) = try demoDatabase("hostile-output", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try spawn([binary, "order", "--db", db, "--grid", "JB01", "--category", "hazard", "--title", Self.titles[0],
                              "--name", "名\u{1B}[2J字"])
        #expect(made.status == 0, "\(made.output)")
        // to a pipe: the data as stored, escapes and all (scripts want it)
        let piped = try spawn([binary, "tickets", "--db", db, "--limit", "1"])
        #expect(piped.output.contains(Self.titles[0]), "\(piped.output)")
        // to a terminal: the listing, a refusal that echoes what was typed, and the JSON form
        let commands = [
            "\(shellQuoted(binary)) tickets --db \(shellQuoted(db)) --limit 1",
            "\(shellQuoted(binary)) dispatch --db \(shellQuoted(db)) \(shellQuoted("T9\u{1B}]0;PWNED\u{07}\u{1B}[2J"))",
            "\(shellQuoted(binary)) tickets --db \(shellQuoted(db)) --limit 1 --json",
        ].joined(separator: "; ")
        let terminal = try Tmux(width: 160, height: 20, command: "\(commands); echo done=$?; sleep 600")
        let title = terminal.format("#{pane_title}")
        let shown = terminal.wait(for: 60) { $0.contains("done=") }
        #expect(shown.ok, "\(shown.screen)")
        #expect(shown.screen.contains("标题改不了"), "\(shown.screen)")
        #expect(shown.screen.contains("no ticket 'T9'"), "the refusal:\n\(shown.screen)")
        #expect(shown.screen.hasPrefix("id "), "the screen was cleared or moved:\n\(shown.screen)")
        #expect(terminal.format("#{pane_title}") == title, "the title changed:\n\(shown.screen)")
        let row = shown.screen.split(separator: "\n").first { $0.contains("标题改不了") && !$0.contains("\"title\"") }
        #expect(row.map { !$0.contains("PWNED") && !$0.contains("]0;") } == true, "the listing's row:\n\(shown.screen)")
        // the JSON form escapes the controls (\u001b), so its text is shown and harmless
        #expect(shown.screen.contains(#"\u001b]0;PWNED\u0007"#), "\(shown.screen)")
    }
}
