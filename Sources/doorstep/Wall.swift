import ArgumentParser
import DoorstepActions
import DoorstepCanvas
import DoorstepDomain
import DoorstepStore
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

    @Option(help: "A built-in theme (default, light, high-contrast, mono) or a theme file's path.")
    var theme = "default"

    @Option(help: "Seconds a call may ring before it counts as missed.")
    var callTimeout: Double = Call.defaultTimeout

    @Option(help: "Log file (default: $XDG_STATE_HOME/doorstep/doorstep.log).")
    var log: String?

    @Option(help: "A command run for every call, with DOORSTEP_CALL_ID, DOORSTEP_NAME, DOORSTEP_ROLE, DOORSTEP_PHONE, DOORSTEP_GRID and DOORSTEP_GRID_NAME set (default: record only).")
    var notifier: String?

    @Option(help: "Who is called when a call is missed, in order: grid, dispatcher, operator (comma-separated).")
    var escalation = "grid,dispatcher,operator"

    /// The escalation chain from `--escalation`.
    func chain() throws -> [EscalationStep] {
        try escalation.split(separator: ",").map { part in
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let step = EscalationStep(rawValue: name) else {
                throw Failure("--escalation: '\(name)' is not one of grid, dispatcher, operator", exitCode: ExitStatus.usage)
            }
            return step
        }
    }

    /// The wall's actions (calls and their escalation) over `store`.
    func actions(store: any DoorstepStore, engine: PollingLoop, actor: String, logger: Logger) throws -> WallActions {
        let notify: any Notifier = notifier.map { CommandNotifier(command: $0) } ?? RecordingNotifier()
        let desk = CallDesk(store: store, notifier: notify, clock: SystemClock(), timeout: callTimeout, chain: try chain(), actor: actor)
        return WallActions(desk: desk, store: store, actor: actor, engine: engine, logger: logger)
    }

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

    /// The theme, read and checked before the terminal is touched.
    func loadTheme() throws -> Theme {
        do {
            if let builtin = try Theme.builtin(theme) { return builtin }
            guard FileManager.default.fileExists(atPath: theme) else {
                throw Failure("--theme: no theme '\(theme)' (built in: \(Theme.builtinNames.joined(separator: ", ")); or give a file's path)",
                              exitCode: ExitStatus.usage)
            }
            guard let data = FileManager.default.contents(atPath: theme), let text = String(data: data, encoding: .utf8) else {
                throw Failure("\(theme): cannot be read as UTF-8 text", exitCode: ExitStatus.dataError)
            }
            return try Theme.parse(text, file: theme)
        } catch let error as ThemeError {
            throw Failure("theme: \(error)", exitCode: ExitStatus.dataError)
        }
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
            let theme = try screen.loadTheme()
            let writer = try store.open()  // first: it brings the schema up to date
            let reader = try store.open(readOnly: true)
            logger.info("wall starting", metadata: ["db": "\(reader.path)"])
            let engine = PollingLoop(
                engine: Engine(store: reader, clock: SystemClock(), calendar: localCalendar(), callTimeout: screen.callTimeout),
                interval: screen.refresh)
            let actions = try screen.actions(store: writer, engine: engine, actor: store.who, logger: logger)
            try showWall(engine: engine, actions: actions, language: language, theme: theme, logger: logger)
        }
    }
}
