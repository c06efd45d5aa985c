import ArgumentParser
import DoorstepCanvas
import DoorstepDomain
import DoorstepScreen
import DoorstepStore
import Foundation

/// `doorstep snapshot`: what the wall shows, without a terminal — as the screen's text, or
/// as JSON for scripts and other dashboards.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what the wall shows (every pane, recent calls) as text or JSON; no terminal needed.")

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("from"), help: "Show a data-set folder instead of the database.")
    var from: String?

    @Flag(help: "Show the embedded demo street instead of the database.")
    var demo = false

    @Option(help: "Language of the screen's words: zh or en (default: from LC_ALL/LANG).")
    var lang: String?

    @Flag(help: "JSON: {as_of, street, figures, grids, staff, tickets, events, calls}.")
    var json = false

    @Option(help: "The grid whose staff the staff pane shows (default: the first).")
    var grid: String?

    @Option(help: "Width in columns (text).") var width = 200
    @Option(help: "Height in rows (text).") var height = 60
    @Option(help: "Seconds a call may ring before it is missed.") var callTimeout: Double = Call.defaultTimeout

    func run() throws {
        try reportingFailures {
            guard (1...1000).contains(width), (1...1000).contains(height) else {
                throw Failure("--width and --height must be between 1 and 1000", exitCode: ExitStatus.usage)
            }
            let language = try WallOptions(from: nil, lang: lang).language()
            let now = SystemClock().now()
            let calendar = localCalendar()
            var events: [ChangeEvent] = []
            let data: StreetData
            if demo || from != nil {
                data = try WallOptions.loadData(from: from, now: now)
            } else {
                let database = try store.open(readOnly: true)
                (data, events) = try storeCall { (try database.loadAll(at: now), try database.recentEvents(limit: 50)) }
            }
            var state = WallState(
                overview: Overview(data: data, now: now, calendar: calendar, callTimeout: callTimeout), language: language, now: now,
                timeZone: calendar.timeZone, size: Size(width: width, height: height))
            state.update(.events(events))
            if let grid {
                guard let index = state.overview.grids.firstIndex(where: { $0.grid.code == grid }) else {
                    throw Failure(store: .notFound(kind: "grid", id: grid))
                }
                state.selectedGrid = index
            }
            if json {
                print(try SnapshotJSON.encode(state))
            } else {
                print(WallView.render(state).text)
            }
        }
    }
}

extension WallOptions {
    init(from: String?, lang: String?) {
        self.init()
        self.from = from
        self.lang = lang
    }
}
