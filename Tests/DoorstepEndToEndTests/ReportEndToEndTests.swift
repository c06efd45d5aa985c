import Foundation
import Testing

/// `doorstep report` as a leader's office runs it: the real binary over a demo database, each
/// format, a community, and the refusals a mistyped flag gets.
@Suite("Reports end to end")
struct ReportEndToEndTests {
    let binary = doorstepBinary()

    @Test("today's report in Markdown, CSV, JSON and HTML counts an order made just before it")
    func formats() throws {
        let (folder, db) = try demoDatabase("report", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        // (under a faked clock the day may turn between the two reports: then the pair is made again)
        var ordered = 0
        for attempt in 1...2 {
            let before = try spawn([binary, "report", "daily", "--db", db, "--format", "json"])
            #expect(before.status == 0, "\(before.output)")
            ordered = try #require(Self.ordered(before.output))
            let order = try spawn([binary, "order", "--db", db, "--grid", "JB01", "--category", "convenience", "--title", "楼道灯不亮"])
            #expect(order.status == 0, "\(order.output)")
            let after = try spawn([binary, "report", "daily", "--db", db, "--format", "json"])
            if attempt == 1, Self.start(after.output) != Self.start(before.output) { continue }
            #expect(Self.ordered(after.output) == ordered + 1, "the new order counted: \(after.output.prefix(400))")
            ordered += 1
            break
        }

        let markdown = try spawn([binary, "report", "daily", "--db", db, "--format", "md", "--lang", "zh"])
        #expect(markdown.status == 0 && markdown.output.hasPrefix("# 临江街道") && markdown.output.contains("## 各社区"), "\(markdown.output.prefix(300))")
        #expect(markdown.output.contains("| 新增诉求 | \(ordered) |") || Self.dayTurned(markdown.output), "\(markdown.output.prefix(600))")
        let csv = try spawn([binary, "report", "daily", "--db", db, "--format", "csv", "--lang", "zh"])
        #expect(csv.status == 0 && csv.output.hasPrefix("\u{FEFF}分组,名称,新增诉求"), "\(csv.output.prefix(200))")
        #expect(csv.output.contains("\r\n总览,合计,\(ordered),") || csv.output.contains("\r\n总览,合计,0,"), "\(csv.output.prefix(300))")
        let html = try spawn([binary, "report", "weekly", "--db", db, "--format", "html", "--lang", "en"])
        #expect(html.status == 0 && html.output.hasPrefix("<!DOCTYPE html>") && html.output.contains("<svg"), "\(html.output.prefix(200))")
        #expect(!html.output.contains("<script") && !html.output.contains("src=\"http") && !html.output.contains("href=\"http"),
                "self-contained: nothing fetched, nothing run")
    }

    @Test("one community's weekly report has its row alone")
    func community() throws {
        let (folder, db) = try demoDatabase("report-community", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try spawn([binary, "report", "weekly", "--db", db, "--community", "JB", "--format", "md", "--lang", "zh"])
        #expect(report.status == 0, "\(report.output)")
        #expect(report.output.contains("· 江滨社区 周报") && report.output.contains("| 江滨社区 |") && !report.output.contains("| 北固社区 |"),
                "\(report.output.prefix(600))")
    }

    @Test("a mistyped kind, date, community or format is refused with one line and exit 64; nothing is written")
    func refusals() throws {
        let (folder, db) = try demoDatabase("report-refusals", binary: binary)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sequence = try spawn([binary, "tickets", "--db", db, "--json", "--limit", "1"]).output
        for (arguments, says) in [
            (["report", "monthly"], "daily, weekly"),
            (["report", "daily", "--date", "2026-02-30"], "is not a day"),
            (["report", "daily", "--date", "2099-01-01"], "has not begun"),
            (["report", "weekly", "--community", "ZZ"], "no community 'ZZ'"),
            (["report", "daily", "--format", "pdf"], "md, csv, json, html"),
        ] {
            let refused = try spawn([binary] + arguments + ["--db", db])
            #expect(refused.status == 64, "\(arguments): \(refused.status) \(refused.output)")
            #expect(refused.output.contains(says) && refused.output.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1,
                    "\(arguments): \(refused.output)")
        }
        #expect(try spawn([binary, "tickets", "--db", db, "--json", "--limit", "1"]).output == sequence)
    }

    /// The report's first instant, from its JSON.
    static func start(_ json: String) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["start"] as? String
    }

    /// Whether a Markdown report is of a day just begun (no orders yet: the clock turned midnight).
    static func dayTurned(_ markdown: String) -> Bool { markdown.contains("| 新增诉求 | 0 |") }

    /// The report's total of orders placed, from its JSON.
    static func ordered(_ json: String) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let totals = object["totals"] as? [String: Any] else { return nil }
        return totals["ordered"] as? Int
    }
}
