import ArgumentParser
import DoorstepApp

/// `--db PATH` and `--actor NAME`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The database (default: $DOORSTEP_DB, then $XDG_DATA_HOME/doorstep/doorstep.sqlite).")
    var db: String?

    @Option(name: .long, help: "The operator acting (default: $DOORSTEP_ACTOR, then the operator whose login is $USER); recorded in the event log and checked against their role and scope.")
    var actor: String?

    /// The database path and actor this invocation uses.
    var end: CommandLineEnd {
        let paths = Paths()
        return CommandLineEnd(database: paths.database(flag: db), identity: paths.identity(flag: actor))
    }
}

/// Options of the wall screen shared by `wall` and `demo`. Each falls back to the config file,
/// then to its default (`ScreenSettings.resolve`).
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

    @Option(help: "How calls reach people: sip (a SIP call through baresip, see --sip-target), or a command run for every call, with DOORSTEP_CALL_ID, DOORSTEP_NAME, DOORSTEP_ROLE, DOORSTEP_PHONE, DOORSTEP_STAFF_ID, DOORSTEP_GRID, DOORSTEP_GRID_NAME and DOORSTEP_REASON set (default: config, then record only).")
    var notifier: String?

    @Option(help: "With --notifier sip: the address a person is called at, {phone} or {id} filled in, e.g. 'sip:{phone}@gateway.example' (default: config sip.target, then $DOORSTEP_SIP_TARGET).")
    var sipTarget: String?

    @Option(help: "Who is called when a call is missed, in order: grid, dispatcher, operator, comma-separated (default: config, then all three).")
    var escalation: String?

    @Option(help: "How the terminal draws East Asian ambiguous characters (box lines, ●, ·): narrow, wide, or auto to ask it (default: config, then auto).")
    var ambiguous: String?

    @Option(help: "Seconds an alarm may stand untaken before it goes to the street's duty officers (default: config, then 600).")
    var alarmEscalation: Double?

    @Flag(help: "No bell for a new alarm (default: config, then the bell rings).")
    var noBell = false

    @Flag(help: "Flash the screen for a new alarm (default: config, then no flash).")
    var flash = false

    @Option(help: "A command run for every new alarm, with DOORSTEP_ALARM_ID, DOORSTEP_GRID, DOORSTEP_GRID_NAME and DOORSTEP_REASONS set (default: config, then none).")
    var alertCommand: String?

    @Option(help: "An unattended wall: turn through its views (all grids, then each community, unless config cycle_views or cycle_schedule names others) every this many seconds; a new alarm holds it on the alarm's grid until taken (default: config, then off).")
    var cycle: Double?

    @Option(help: "Minutes M mutes the attention cues for (default: config, then 15).")
    var muteMinutes: Double?

    @Flag(help: "Leave the mouse to the terminal (its own selection) instead of clicks selecting tiles and rows (default: config, then on).")
    var noMouse = false

    /// The settings in force: flags over the config file over defaults, checked.
    func settings() throws -> ScreenSettings {
        try ScreenSettings.load(ScreenFlags(
            language: lang, refresh: refresh, theme: theme, callTimeout: callTimeout, log: log, notifier: notifier, escalation: escalation,
            ambiguous: ambiguous, alarmEscalation: alarmEscalation, bell: noBell ? false : nil, flash: flash ? true : nil, alertCommand: alertCommand,
            cycle: cycle, mouse: noMouse ? false : nil, muteMinutes: muteMinutes, sipTarget: sipTarget))
    }
}
