import DoorstepDomain
import DoorstepScreen
import Foundation

/// The forms a street report comes in (`doorstep report … --format`).
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Markdown: a chat message or a wiki page.
    case md
    /// CSV with a UTF-8 byte-order mark: a spreadsheet (the tallies only).
    case csv
    /// JSON: scripts and other dashboards.
    case json
    /// One self-contained HTML page with its charts.
    case html

    /// `report` in this form, its words in `language`, its dates in `calendar`'s time zone.
    public func render(_ report: StreetReport, language: Language, calendar: Calendar, madeAt: Date) throws -> Data {
        switch self {
        case .json:
            return try JSONReport.render(report, calendar: calendar)
        case .md:
            return Data(MarkdownReport.render(ReportSheet(report, language: language, calendar: calendar, madeAt: madeAt)).utf8)
        case .csv:
            return try CSVReport.render(report, sheet: ReportSheet(report, language: language, calendar: calendar, madeAt: madeAt))
        case .html:
            return Data(HTMLReport.render(ReportSheet(report, language: language, calendar: calendar, madeAt: madeAt), language: language).utf8)
        }
    }
}
