import DoorstepCalls
import DoorstepCanvas
import DoorstepDomain
import DoorstepScreen
import DoorstepSIP
import DoorstepTerminal
import Foundation
import Logging

/// The wall's settings as given on the command line; nil where a flag was not given.
public struct ScreenFlags: Sendable {
    public var language: String?
    public var refresh: Double?
    public var theme: String?
    public var callTimeout: Double?
    public var log: String?
    public var notifier: String?
    /// Comma-separated steps: grid, dispatcher, operator.
    public var escalation: String?
    /// narrow, wide or auto: how wide the terminal draws ambiguous characters.
    public var ambiguous: String?
    /// Seconds an alarm may stand untaken before it goes to the street's duty officers.
    public var alarmEscalation: Double?
    /// The attention cues for a new alarm: the bell (on unless turned off), a flash, a command.
    public var bell: Bool?
    public var flash: Bool?
    public var alertCommand: String?
    /// Seconds between the views of an unattended wall (nil: it does not turn).
    public var cycle: Double?
    /// False to leave the mouse to the terminal (its own selection).
    public var mouse: Bool?
    /// Minutes `M` mutes the attention cues for.
    public var muteMinutes: Double?
    /// Where SIP calls go (`sip:{phone}@gateway`), over the config file's `sip.target`.
    public var sipTarget: String?

    public init(
        language: String? = nil, refresh: Double? = nil, theme: String? = nil, callTimeout: Double? = nil, log: String? = nil,
        notifier: String? = nil, escalation: String? = nil, ambiguous: String? = nil, alarmEscalation: Double? = nil,
        bell: Bool? = nil, flash: Bool? = nil, alertCommand: String? = nil, cycle: Double? = nil, mouse: Bool? = nil, muteMinutes: Double? = nil,
        sipTarget: String? = nil
    ) {
        self.sipTarget = sipTarget
        self.muteMinutes = muteMinutes
        self.cycle = cycle
        self.mouse = mouse
        self.alarmEscalation = alarmEscalation
        self.bell = bell
        self.flash = flash
        self.alertCommand = alertCommand
        self.ambiguous = ambiguous
        self.language = language
        self.refresh = refresh
        self.theme = theme
        self.callTimeout = callTimeout
        self.log = log
        self.notifier = notifier
        self.escalation = escalation
    }
}

/// The wall's settings once flags, the config file, the environment and defaults are merged.
public struct ScreenSettings: Sendable {
    public var language: Language
    public var refresh: TimeInterval
    /// Read and checked before anything else is done, so a bad theme file stops the start.
    public var theme: Theme
    public var callTimeout: TimeInterval
    public var notifier: String?
    public var chain: [EscalationStep]
    public var log: String
    /// How wide ambiguous characters are on the terminal, or ask it (see `AmbiguousProbe`).
    public var ambiguous: AmbiguousSetting
    /// Seconds an alarm may stand untaken before it is escalated (default 600).
    public var alarmEscalation: TimeInterval = 600
    /// A new alarm rings the terminal's bell (default), flashes the screen, runs a command.
    public var bell = true
    public var flash = false
    public var alertCommand: String?
    /// An unattended wall turns through its views every this many seconds (nil: it does not).
    public var cycle: TimeInterval?
    /// Which views it turns through, by time of day (all grids and each community, all day,
    /// unless the config file says otherwise).
    public var cycleSchedule: CycleSchedule = .allDay
    /// Clicks select, double clicks open, the wheel scrolls (default); off, the terminal's own
    /// selection works as usual.
    public var mouse = true
    /// Minutes `M` mutes the attention cues for (default 15).
    public var muteMinutes: Double = 15
    /// How calls are placed over SIP, when the notifier is `sip`.
    public var sip: SIPSettings?

    /// Flags over the config file over the environment over defaults, each checked, with the
    /// setting named in the refusal. Reads no file but a theme file the settings name.
    public static func resolve(_ flags: ScreenFlags, config: ConfigFile, paths: Paths) throws -> ScreenSettings {
        let refresh = flags.refresh ?? config.refresh ?? 1
        guard refresh >= 0.05, refresh <= 3600 else {
            throw Failure("refresh must be between 0.05 and 3600 seconds, not \(refresh)", exitCode: ExitStatus.usage)
        }
        let timeout = flags.callTimeout ?? config.callTimeout ?? Call.defaultTimeout
        guard timeout > 0 else { throw Failure("call timeout must be above 0, not \(timeout)", exitCode: ExitStatus.usage) }
        let steps = flags.escalation.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            ?? config.escalation ?? EscalationStep.defaultChain.map(\.rawValue)
        let chain = try steps.map { name in
            guard let step = EscalationStep(rawValue: name) else {
                throw Failure("escalation: '\(name)' is not one of grid, dispatcher, operator", exitCode: ExitStatus.usage)
            }
            return step
        }
        let ambiguousName = flags.ambiguous ?? config.ambiguous ?? "auto"
        guard let ambiguous = AmbiguousSetting(rawValue: ambiguousName.lowercased()) else {
            throw Failure("ambiguous: '\(ambiguousName)' is not one of narrow, wide, auto", exitCode: ExitStatus.usage)
        }
        let alarmEscalation = flags.alarmEscalation ?? config.alarmEscalation ?? 600
        guard alarmEscalation > 0 else { throw Failure("alarm escalation must be above 0 seconds, not \(alarmEscalation)", exitCode: ExitStatus.usage) }
        var settings = ScreenSettings(
            language: try language(flags.language ?? config.language, environment: paths.environment), refresh: refresh,
            theme: try loadTheme(flags.theme ?? config.theme ?? "default"), callTimeout: timeout, notifier: flags.notifier ?? config.notifier,
            chain: chain, log: flags.log ?? config.log ?? paths.log, ambiguous: ambiguous)
        settings.alarmEscalation = alarmEscalation
        settings.bell = flags.bell ?? config.bell ?? true
        settings.flash = flags.flash ?? config.flash ?? false
        settings.alertCommand = flags.alertCommand ?? config.alertCommand
        settings.mouse = flags.mouse ?? config.mouse ?? true
        let mute = flags.muteMinutes ?? config.muteMinutes ?? 15
        guard mute >= 1, mute <= 720 else { throw Failure("mute must be between 1 and 720 minutes, not \(mute)", exitCode: ExitStatus.usage) }
        settings.muteMinutes = mute
        if let cycle = flags.cycle ?? config.cycle {
            guard cycle >= 2, cycle <= 3600 else { throw Failure("cycle must be between 2 and 3600 seconds, not \(cycle)", exitCode: ExitStatus.usage) }
            settings.cycle = cycle
        }
        settings.cycleSchedule = try cycleSchedule(views: config.cycleViews, schedule: config.cycleSchedule)
        if settings.notifier == "sip" {
            settings.sip = try sipSettings(flags.sipTarget, config.sip, environment: paths.environment)
            settings.notifier = nil
        }
        return settings
    }

    /// The config file's `cycle_views` (all day) or `cycle_schedule` (by time of day), checked.
    static func cycleSchedule(views: [String]?, schedule: [String: [String]]?) throws -> CycleSchedule {
        func names(_ words: [String], _ key: String) throws -> [CycleViewName] {
            guard !words.isEmpty else { throw Failure("\(key): names no views", exitCode: ExitStatus.usage) }
            return try words.map { word in
                guard let name = CycleViewName(rawValue: word.lowercased()) else {
                    throw Failure("\(key): '\(word)' is not one of \(CycleViewName.allCases.map(\.rawValue).joined(separator: ", "))",
                                  exitCode: ExitStatus.usage)
                }
                return name
            }
        }
        switch (views, schedule) {
        case (nil, nil):
            return .allDay
        case (_?, _?):
            throw Failure("cycle_views and cycle_schedule: give one of them, not both", exitCode: ExitStatus.usage)
        case (let views?, nil):
            return CycleSchedule([.init(fromMinute: 0, views: try names(views, "cycle_views"))]) ?? .allDay
        case (nil, let schedule?):
            let entries = try schedule.sorted { $0.key < $1.key }.map { time, words in
                guard let minute = minuteOfDay(time) else {
                    throw Failure("cycle_schedule: '\(time)' is not a time of day (HH:MM, 00:00 to 23:59)", exitCode: ExitStatus.usage)
                }
                return CycleSchedule.Entry(fromMinute: minute, views: try names(words, "cycle_schedule '\(time)'"))
            }
            guard let checked = CycleSchedule(entries) else { throw Failure("cycle_schedule: names no times", exitCode: ExitStatus.usage) }
            return checked
        }
    }

    /// Minutes after midnight of `HH:MM`; nil when it is not a time of day.
    static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    /// The screen's language: the name given (zh or en), else from LC_ALL, LC_MESSAGES or LANG.
    public static func language(_ name: String?, environment: [String: String]) throws -> Language {
        guard let name else { return Language.fromEnvironment(environment) }
        guard let chosen = Language(rawValue: name.lowercased()) else {
            throw Failure("language: '\(name)' is not one of zh, en", exitCode: ExitStatus.usage)
        }
        return chosen
    }

    /// The settings in force for this process: its flags, its config file, its environment.
    public static func load(_ flags: ScreenFlags, paths: Paths = Paths()) throws -> ScreenSettings {
        try resolve(flags, config: try ConfigFile.load(path: paths.config), paths: paths)
    }

    /// The theme named `theme`: built in, or read from a file and checked.
    public static func loadTheme(_ theme: String) throws -> Theme {
        do {
            if let builtin = try Theme.builtin(theme) { return builtin }
            guard FileManager.default.fileExists(atPath: theme) else {
                throw Failure("theme: no theme '\(theme)' (built in: \(Theme.builtinNames.joined(separator: ", ")); or give a file's path)",
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

    /// Sends the process's logging to the log file and returns a logger for `label`.
    public func startLogging(label: String) -> Logger {
        FileLogHandler.bootstrap(path: log)
        return Logger(label: label)
    }

    /// The notifier the settings name: a command run for each call, or one that only records
    /// (SIP calls are made by the wall's effects, which start baresip: `WallEffects`).
    public var callNotifier: any Notifier { notifier.map { CommandNotifier(command: $0) } ?? RecordingNotifier() }

    /// The SIP settings from the flag, the config file's `"sip"` and the environment, checked.
    static func sipSettings(_ target: String?, _ config: ConfigFile.SIP?, environment: [String: String]) throws -> SIPSettings {
        guard let target = target ?? config?.target ?? environment["DOORSTEP_SIP_TARGET"] else {
            throw Failure("the sip notifier needs a target: --sip-target 'sip:{phone}@gateway.example', or \"sip\": {\"target\": …} in the config file",
                          exitCode: ExitStatus.usage)
        }
        let settings = SIPSettings(
            target: target, account: config?.account ?? "sip:doorstep@127.0.0.1", registrar: config?.registrar,
            password: environment["DOORSTEP_SIP_PASSWORD"], listen: config?.listen, transport: config?.transport ?? "udp",
            srtp: config?.srtp ?? false, program: environment["DOORSTEP_BARESIP"] ?? "baresip")
        if let problem = settings.problem { throw Failure(problem, exitCode: ExitStatus.usage) }
        return settings
    }
}
