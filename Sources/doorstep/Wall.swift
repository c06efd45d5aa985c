import ArgumentParser
import DoorstepDomain
import DoorstepEngine
import DoorstepScreen
import Foundation
import Logging

/// Options of the wall screen shared by `wall` and `demo`.
struct ScreenOptions: ParsableArguments {
    @Option(help: "Language of the screen's words: zh or en (default: from LC_ALL/LANG).")
    var lang: String?

    @Option(help: "Seconds between engine polls.")
    var refresh: Double = 1

    @Option(help: "Seconds a call may ring before it counts as missed.")
    var callTimeout: Double = Call.defaultTimeout

    @Option(help: "Log file (default: $XDG_STATE_HOME/doorstep/doorstep.log).")
    var log: String?

    func validate() throws {
        guard refresh >= 0.05, refresh <= 3600 else { throw ValidationError("--refresh must be between 0.05 and 3600 seconds") }
        guard callTimeout > 0 else { throw ValidationError("--call-timeout must be above 0") }
    }

    func language() throws -> Language {
        guard let lang else { return Language.fromEnvironment(ProcessInfo.processInfo.environment) }
        guard let language = Language(rawValue: lang.lowercased()) else {
            throw Failure("--lang: '\(lang)' is not one of zh, en", exitCode: ExitStatus.usage)
        }
        return language
    }

    func startLogging(label: String) -> Logger {
        FileLogHandler.bootstrap(path: log ?? FileLogHandler.defaultPath(environment: ProcessInfo.processInfo.environment))
        return Logger(label: label)
    }
}

/// `doorstep wall`: the wall screen over an existing database, no simulation.
struct Wall: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the wall screen over an existing database (no simulation).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        try reportingFailures {
            let logger = screen.startLogging(label: "doorstep.wall")
            let language = try screen.language()
            let database = try store.open(readOnly: true)
            logger.info("wall starting", metadata: ["db": "\(database.path)"])
            let engine = Engine(store: database, clock: SystemClock(), calendar: localCalendar(), callTimeout: screen.callTimeout)
            try showWall(engine: PollingLoop(engine: engine, interval: screen.refresh), language: language, logger: logger)
        }
    }
}
