import ArgumentParser
import DoorstepApp
import DoorstepCanvas
import DoorstepDomain
import Foundation

/// `doorstep demo`: a fresh demo database, the simulator running in-process, and the wall.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the wall on a fresh demo database (临江街道) with the simulator making it live.")

    @Option(help: "Where to create the demo database (must not exist yet; default: a temporary file removed on exit).")
    var db: String?

    @Option(name: .customLong("from"), help: "A data-set folder of CSV files (default: the embedded demo street).")
    var from: String?

    @OptionGroup var screen: ScreenOptions

    /// One change every five seconds: lively on a wall (`--rate 60` for a change a second).
    @Option(help: "Simulated changes per minute (default: one every five seconds).") var rate: Double = 12
    @Option(help: "Simulator seed.") var seed: UInt64 = 1

    @Option(name: .customLong("as"), help: "The operator the wall acts as (default: the data set's first street duty operator).")
    var operatorID: String?

    func run() throws {
        try reportingFailures {
            let session = DemoSession(database: db, dataSet: from, rate: rate, seed: seed, settings: try screen.settings(), operatorID: operatorID)
            try exiting(with: try session.run())
        }
    }
}

/// `doorstep wall`: the wall screen over an existing database, no simulation.
struct Wall: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the wall screen over an existing database (no simulation).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var screen: ScreenOptions

    @Option(name: .customLong("as"), help: "The operator working this wall, whose role and scope decide what it may do (default: --actor, $DOORSTEP_ACTOR, then the operator whose login is $USER).")
    var operatorID: String?

    func run() throws {
        try reportingFailures {
            let paths = Paths()
            let identity = paths.identity(flag: operatorID ?? store.actor)
            try exiting(with: try WallSession(database: paths.database(flag: store.db), identity: identity, settings: try screen.settings()).run())
        }
    }
}

/// `doorstep snapshot`: what the wall shows, without a terminal — as the screen's text, or
/// as JSON for scripts and other dashboards.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what the wall shows (every pane, recent calls) as text or JSON; no terminal needed.")

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("from"), help: "Show a data-set folder instead of the database.") var from: String?
    @Flag(help: "Show the embedded demo street instead of the database.") var demo = false
    @Option(help: "Language of the screen's words: zh or en (default: from LC_ALL/LANG).") var lang: String?
    @Flag(help: "JSON: {as_of, street, figures, grids, staff, tickets, events, calls}.") var json = false
    @Option(help: "The grid whose staff the staff pane shows (default: the first).") var grid: String?
    @Option(help: "Width in columns (text).") var width = 200
    @Option(help: "Height in rows (text).") var height = 60
    @Option(help: "Seconds a call may ring before it is missed.") var callTimeout: Double = Call.defaultTimeout

    func run() throws {
        try reportingFailures {
            let language = try ScreenSettings.language(lang, environment: Paths().environment)
            let source: CommandLineEnd.SnapshotSource = demo || from != nil ? .dataSet(from) : .database
            say(try store.end.snapshot(
                of: source, language: language, json: json, grid: grid, size: Size(width: width, height: height), callTimeout: callTimeout))
        }
    }
}
