import ArgumentParser
import DoorstepApp
import DoorstepDomain
import DoorstepReports
import Foundation

/// `doorstep report daily|weekly`: the day's or the week's figures, trends and lists for the
/// street's leadership.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the street's daily or weekly report (日报 / 周报) as Markdown, CSV, JSON or HTML.",
        discussion: """
            A week runs Monday to Sunday. A day or week still under way is reported so far, with the \
            tickets overdue now. CSV holds the tallies (total, communities, categories, hours or days) \
            and starts with a UTF-8 byte-order mark for Excel; HTML is one self-contained page with its charts.
            """)

    @Argument(help: "daily or weekly.") var kind: String
    @OptionGroup var store: StoreOptions
    @Option(help: "A day of the period, YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "Only this community (its code).") var community: String?
    @Option(help: "md, csv, json or html.") var format: String = "md"
    @Option(help: "Language of the report's words: zh or en (default: from LC_ALL/LANG).") var lang: String?

    func run() throws {
        try reportingFailures {
            let period = try parseChoice(kind, as: ReportPeriod.Kind.self, flag: "kind")
            let form = try parseChoice(format, as: ReportFormat.self, flag: "--format")
            let language = try ScreenSettings.language(lang, environment: Paths().environment)
            let data = try store.end.report(period, date: date, community: community, format: form, language: language)
            FileHandle.standardOutput.write(data)
        }
    }
}
