import DoorstepDomain
import DoorstepScreen
import DoorstepSeeds
import Foundation
import Testing

@testable import DoorstepReports

/// The demo street's day as an event log: each ticket's moves at the times it holds, so a
/// report has every community and category to count.
enum ReportFixtures {
    /// Monday 2026-11-30 10:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_796_032_800)

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }

    static func events(_ tickets: [Ticket]) -> [ChangeEvent] {
        var events: [ChangeEvent] = []
        func add(_ at: Date?, _ change: Change, _ grid: String) {
            guard let at else { return }
            events.append(ChangeEvent(sequence: 0, at: at, actor: "ops", change: change, gridCode: grid))
        }
        for ticket in tickets {
            add(ticket.createdAt, .ticket(id: ticket.id, .ordered(title: ticket.title)), ticket.gridCode)
            add(ticket.dispatchedAt, .ticket(id: ticket.id, .dispatched(gridCode: ticket.gridCode, assigneeID: nil)), ticket.gridCode)
            add(ticket.acceptedAt, .ticket(id: ticket.id, .accepted(staffID: ticket.assigneeID ?? "S1")), ticket.gridCode)
            switch ticket.state {
            case .rated: add(ticket.stateSince, .ticket(id: ticket.id, .rated(score: ticket.rating ?? 5)), ticket.gridCode)
            case .resolved: add(ticket.stateSince, .ticket(id: ticket.id, .resolved(note: "")), ticket.gridCode)
            case .escalated: add(ticket.stateSince, .ticket(id: ticket.id, .escalated), ticket.gridCode)
            default: break
            }
        }
        events.sort { $0.at < $1.at }
        return events.enumerated().map { index, event in
            var event = event
            event.sequence = Int64(index + 1)
            return event
        }
    }

    static func report(_ kind: ReportPeriod.Kind, community: String? = nil, tickets extra: [Ticket] = []) throws -> StreetReport {
        let data = try DataSet.load(from: .embeddedDemo, now: now)
        let tickets = data.tickets + extra
        let communities = Dictionary(data.grids.map { ($0.code, $0.communityCode) }, uniquingKeysWith: { first, _ in first })
        let trends = ConcernTrends(orders: tickets.map(OrderFacts.init), communityOfGrid: communities, now: now, calendar: calendar)
        let overview = Overview(data: data, now: now, calendar: calendar)
        return StreetReport(StreetReport.Inputs(
            // (the week before: a whole week, over; the day: today, so far)
            period: ReportPeriod(kind, containing: kind == .daily ? now : now.addingTimeInterval(-3 * 86_400), calendar: calendar), now: now, streetName: data.headingName,
            communities: data.communities, grids: data.grids, categories: data.categories, events: events(tickets),
            tickets: Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }), trends: trends,
            openNow: overview.openTickets.compactMap { open in open.dueAt.map { (ticket: open.ticket, dueAt: $0) } }, communityCode: community))
    }

    static func text(_ report: StreetReport, _ format: ReportFormat, _ language: Language) throws -> String {
        String(decoding: try format.render(report, language: language, calendar: calendar, madeAt: now), as: UTF8.self)
    }
}

/// Compares `text` with `Snapshots/<name>`; with DOORSTEP_RECORD_SNAPSHOTS=1 writes it and
/// fails, so a recording run never passes.
func assertReportSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)")
    let recorded = try? Data(contentsOf: url)
    if ProcessInfo.processInfo.environment["DOORSTEP_RECORD_SNAPSHOTS"] == "1" {
        if recorded != Data(text.utf8) { try Data(text.utf8).write(to: url) }
        Issue.record("report snapshot \(name) recorded: a recording run never passes", sourceLocation: sourceLocation)
        return
    }
    guard let recorded else {
        Issue.record("report snapshot \(name) is missing; record it with DOORSTEP_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(text == String(decoding: recorded, as: UTF8.self), "report snapshot \(name) differs", sourceLocation: sourceLocation)
}

@Suite("Street reports in Markdown, CSV, JSON and HTML")
struct ReportFormatsTests {
    @Test("the demo street's day and week in each form and both languages", arguments: [ReportPeriod.Kind.daily, .weekly])
    func snapshots(kind: ReportPeriod.Kind) throws {
        let report = try ReportFixtures.report(kind)
        #expect(report.totals.ordered > 0, "the fixture has orders in the \(kind) period")
        for format in ReportFormat.allCases {
            for language in Language.allCases where format != .json || language == .zh {
                let name = "\(kind.rawValue)-\(language.rawValue).\(format.rawValue)"
                try assertReportSnapshot(try ReportFixtures.text(report, format, language), named: name)
            }
        }
    }

    @Test("CSV starts with a UTF-8 byte-order mark, ends its rows with CRLF, and has one row a community, category and hour")
    func csv() throws {
        let report = try ReportFixtures.report(.daily)
        let data = try ReportFormat.csv.render(report, language: .zh, calendar: ReportFixtures.calendar, madeAt: ReportFixtures.now)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n")
        #expect(rows.last == "", "the last row ends with CRLF")
        #expect(rows.first?.hasPrefix("分组,名称,新增诉求,") == true)
        #expect(rows.count - 2 == 1 + report.byCommunity.count + report.byCategory.count + 24)
        #expect(rows.contains { $0.hasPrefix("合计") == false && $0.hasPrefix("总览,合计,\(report.totals.ordered),") })
    }

    @Test("JSON has the same keys every time, figures as numbers, and absent figures as null")
    func json() throws {
        let report = try ReportFixtures.report(.daily)
        let data = try ReportFormat.json.render(report, language: .en, calendar: ReportFixtures.calendar, madeAt: ReportFixtures.now)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["kind"] as? String == "daily")
        #expect(object["running"] as? Bool == true)
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["ordered"] as? Int == report.totals.ordered)
        #expect(totals.keys.contains("satisfaction") && totals.keys.contains("average_accept_minutes"))
        #expect((object["communities"] as? [Any])?.count == report.byCommunity.count)
        #expect((object["overdue_now"] as? [Any]) != nil, "a running day lists what is overdue now")
    }

    @Test("stored text cannot reach a terminal, break a table, run in a page or start a formula in a spreadsheet")
    func hostileText() throws {
        let data = try DataSet.load(from: .embeddedDemo, now: ReportFixtures.now)
        let grid = try #require(data.grids.first)
        let hostile = "=HYPERLINK(\"x\")|<script>alert(1)</script>\u{1B}]0;owned\u{07}\u{202E}*bold*"
        var ticket = try #require(data.tickets.first { $0.state == .rated || $0.state == .resolved })
        ticket.id = "T99999"
        ticket.gridCode = grid.code
        ticket.title = hostile
        ticket.state = .rated
        ticket.rating = 1
        ticket.createdAt = ReportFixtures.now.addingTimeInterval(-3600)
        ticket.stateSince = ReportFixtures.now.addingTimeInterval(-60)
        let report = try ReportFixtures.report(.daily, tickets: [ticket])
        #expect(report.lowRatings.contains { $0.id == "T99999" })
        for format in ReportFormat.allCases {
            let text = try ReportFixtures.text(report, format, .zh)
            #expect(!text.contains("\u{1B}") && !text.contains("\u{07}") && !text.contains("\u{202E}"), "\(format): a control character")
            switch format {
            case .html:
                #expect(!text.contains("<script>") && text.contains("&lt;script&gt;"), "html: the script tag is text")
            case .md:
                let row = try #require(text.split(separator: "\n").first { $0.contains("T99999") })
                #expect(row.contains("\\|") && row.contains("\\<script\\>") && row.contains("\\*bold\\*"), "md: \(row)")
                // the row keeps its columns: as many unescaped pipes as the header has
                let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("| 工单") })
                func pipes(_ line: Substring) -> Int { line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
                #expect(pipes(row) == pipes(header))
            case .json:
                #expect(text.contains("<script>alert(1)</script>"), "json: the title as it was (a JSON string holds anything)")
            case .csv:
                // the CSV holds no titles; its names are guarded (checked on a name below)
                #expect(!text.contains("HYPERLINK"))
            }
        }
        #expect(CSVReport.safe("=1+1") == "'=1+1" && CSVReport.safe("@SUM(A1)") == "'@SUM(A1)" && CSVReport.safe("江滨") == "江滨")
    }

    @Test("a street too young to judge says so; the rule is stated with its numbers")
    func risingWords() throws {
        let report = try ReportFixtures.report(.weekly)
        let markdown = try ReportFixtures.text(report, .md, .zh)
        #expect(markdown.contains("判断规则:近 7 天 ≥ 4 单"))
        if report.historyWeeks == 0 { #expect(markdown.contains("历史数据不足一周,暂不判断上升")) }
    }
}
