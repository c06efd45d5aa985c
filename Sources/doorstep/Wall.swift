import ArgumentParser
import DoorstepActions
import DoorstepCanvas
import DoorstepDomain
import DoorstepStore
import DoorstepEngine
import DoorstepScreen
import Foundation
import Logging

/// Options of the wall screen shared by `wall` and `demo`. Each falls back to the config
/// file (`ConfigFile`), then to its default.
struct ScreenOptions: ParsableArguments {
    @Option(help: "Language of the screen's words: zh or en (default: config, then LC_ALL/LANG).")
    var lang: String?

    @Option(help: "Seconds between engine polls (default: config, then 1).")
    var refresh: Double?

    @Option(help: "A built-in theme (default, light, high-contrast, mono) or a theme file's path (default: config, then default).")
    var theme: String?

    @Option(help: "Seconds a call may ring before it counts as missed (default: config, then 60).")
    var callTimeout: Double?

    @Option(help: "Log file (default: config, then $XDG_STATE_HOME/doorstep/doorstep.log).")
    var log: String?

    @Option(help: "A command run for every call, with DOORSTEP_CALL_ID, DOORSTEP_NAME, DOORSTEP_ROLE, DOORSTEP_PHONE, DOORSTEP_GRID and DOORSTEP_GRID_NAME set (default: config, then record only).")
    var notifier: String?

    @Option(help: "Who is called when a call is missed, in order: grid, dispatcher, operator, comma-separated (default: config, then all three).")
    var escalation: String?

    /// The settings in force: flags over the config file over defaults, checked.
    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ScreenSettings {
        let config = try ConfigFile.load(path: ConfigFile.path(environment: environment))
        let languageName = lang ?? config.language
        let language: Language
        if let languageName {
            guard let chosen = Language(rawValue: languageName.lowercased()) else {
                throw Failure("language: '\(languageName)' is not one of zh, en", exitCode: ExitStatus.usage)
            }
            language = chosen
        } else {
            language = Language.fromEnvironment(environment)
        }
        let refresh = self.refresh ?? config.refresh ?? 1
        guard refresh >= 0.05, refresh <= 3600 else { throw Failure("refresh must be between 0.05 and 3600 seconds", exitCode: ExitStatus.usage) }
        let timeout = callTimeout ?? config.callTimeout ?? Call.defaultTimeout
        guard timeout > 0 else { throw Failure("call timeout must be above 0", exitCode: ExitStatus.usage) }
        let steps = escalation.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            ?? config.escalation ?? EscalationStep.defaultChain.map(\.rawValue)
        let chain = try steps.map { name in
            guard let step = EscalationStep(rawValue: name) else {
                throw Failure("escalation: '\(name)' is not one of grid, dispatcher, operator", exitCode: ExitStatus.usage)
            }
            return step
        }
        return ScreenSettings(
            language: language, refresh: refresh, theme: try Self.loadTheme(theme ?? config.theme ?? "default"), callTimeout: timeout,
            notifier: notifier ?? config.notifier, chain: chain,
            log: log ?? config.log ?? FileLogHandler.defaultPath(environment: environment))
    }

    /// The theme, read and checked before the terminal is touched.
    static func loadTheme(_ name: String) throws -> Theme {
        do {
            if let builtin = try Theme.builtin(name) { return builtin }
            guard FileManager.default.fileExists(atPath: name) else {
                throw Failure("theme: no theme '\(name)' (built in: \(Theme.builtinNames.joined(separator: ", ")); or give a file's path)",
                              exitCode: ExitStatus.usage)
            }
            guard let data = FileManager.default.contents(atPath: name), let text = String(data: data, encoding: .utf8) else {
                throw Failure("\(name): cannot be read as UTF-8 text", exitCode: ExitStatus.dataError)
            }
            return try Theme.parse(text, file: name)
        } catch let error as ThemeError {
            throw Failure("theme: \(error)", exitCode: ExitStatus.dataError)
        }
    }
}

/// The wall's settings once flags, config file and defaults are merged.
struct ScreenSettings {
    var language: Language
    var refresh: TimeInterval
    var theme: Theme
    var callTimeout: TimeInterval
    var notifier: String?
    var chain: [EscalationStep]
    var log: String

    func startLogging(label: String) -> Logger {
        FileLogHandler.bootstrap(path: log)
        return Logger(label: label)
    }

    /// The wall's actions (calls and their escalation) over `store`.
    func actions(store: any DoorstepStore, engine: PollingLoop, actor: String, logger: Logger) -> WallActions {
        let notify: any Notifier = notifier.map { CommandNotifier(command: $0) } ?? RecordingNotifier()
        let desk = CallDesk(store: store, notifier: notify, clock: SystemClock(), timeout: callTimeout, chain: chain, actor: actor)
        return WallActions(desk: desk, store: store, actor: actor, engine: engine, logger: logger)
    }
}

/// `doorstep wall`: the wall screen over an existing database, no simulation.
struct Wall: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the wall screen over an existing database (no simulation).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        try reportingFailures {
            let settings = try screen.settings()
            let logger = settings.startLogging(label: "doorstep.wall")
            let writer = try store.open()  // first: it brings the schema up to date
            let reader = try store.open(readOnly: true)
            logger.info("wall starting", metadata: ["db": "\(reader.path)"])
            let engine = PollingLoop(
                engine: Engine(store: reader, clock: SystemClock(), calendar: localCalendar(), callTimeout: settings.callTimeout),
                interval: settings.refresh)
            let actions = settings.actions(store: writer, engine: engine, actor: store.who, logger: logger)
            try showWall(engine: engine, actions: actions, language: settings.language, theme: settings.theme, logger: logger)
        }
    }
}
