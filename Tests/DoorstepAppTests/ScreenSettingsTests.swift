import DoorstepApp
import DoorstepCalls
import DoorstepScreen
import Foundation
import Testing

@Suite("Settings: flags over the config file over the environment over defaults")
struct ScreenSettingsTests {
    let paths = Paths(environment: ["HOME": "/home/op", "LANG": "zh_CN.UTF-8"])

    @Test("defaults: language from LANG, refresh 1 s, call timeout 60 s, the whole chain, the log under XDG state")
    func defaults() throws {
        let settings = try ScreenSettings.resolve(ScreenFlags(), config: ConfigFile(), paths: paths)
        #expect(settings.language == .zh)
        #expect(settings.refresh == 1)
        #expect(settings.callTimeout == 60)
        #expect(settings.chain == EscalationStep.defaultChain)
        #expect(settings.notifier == nil)
        #expect(settings.log == "/home/op/.local/state/doorstep/doorstep.log")
        #expect(settings.ambiguous.rawValue == "auto")
    }

    @Test("the config file overrides the environment; a flag overrides the config file")
    func precedence() throws {
        let config = ConfigFile(refresh: 2, theme: "mono", language: "en", callTimeout: 30, notifier: "/bin/page", escalation: ["operator"])
        let fromConfig = try ScreenSettings.resolve(ScreenFlags(), config: config, paths: paths)
        #expect(fromConfig.language == .en && fromConfig.refresh == 2 && fromConfig.callTimeout == 30)
        #expect(fromConfig.notifier == "/bin/page" && fromConfig.chain == [.streetOperator])
        let flags = ScreenFlags(language: "zh", refresh: 0.5, callTimeout: 90, escalation: "grid, dispatcher")
        let fromFlags = try ScreenSettings.resolve(flags, config: config, paths: paths)
        #expect(fromFlags.language == .zh && fromFlags.refresh == 0.5 && fromFlags.callTimeout == 90)
        #expect(fromFlags.chain == [.gridCrew, .communityDispatcher])
        // how wide ambiguous characters are: the config file's word, a flag's over it
        let wide = try ScreenSettings.resolve(ScreenFlags(), config: ConfigFile(ambiguous: "wide"), paths: paths)
        #expect(wide.ambiguous.rawValue == "wide")
        let narrow = try ScreenSettings.resolve(ScreenFlags(ambiguous: "Narrow"), config: ConfigFile(ambiguous: "wide"), paths: paths)
        #expect(narrow.ambiguous.rawValue == "narrow")
    }

    @Test("a bad value is refused with the setting named and the usage status")
    func refusals() {
        let cases: [(ScreenFlags, String)] = [
            (ScreenFlags(language: "fr"), "language: 'fr' is not one of zh, en"),
            (ScreenFlags(refresh: 0), "refresh must be between 0.05 and 3600 seconds"),
            (ScreenFlags(callTimeout: -1), "call timeout must be above 0"),
            (ScreenFlags(escalation: "grid,mayor"), "escalation: 'mayor' is not one of grid, dispatcher, operator"),
            (ScreenFlags(theme: "/nonexistent/theme"), "theme: no theme '/nonexistent/theme'"),
            (ScreenFlags(ambiguous: "double"), "ambiguous: 'double' is not one of narrow, wide, auto"),
        ]
        for (flags, message) in cases {
            #expect {
                try ScreenSettings.resolve(flags, config: ConfigFile(), paths: paths)
            } throws: { error in
                guard let failure = error as? Failure else { return false }
                return failure.message.hasPrefix(message) && failure.exitCode == ExitStatus.usage
            }
        }
    }

    @Test("the config file's cycle views and schedule: checked, each refusal naming the key and the value")
    func cycleSchedule() throws {
        let night = try ScreenSettings.resolve(
            ScreenFlags(), config: try JSONDecoder().decode(ConfigFile.self, from: Data(#"{"cycle": 20, "cycle_schedule": {"20:00": ["alarms", "calls"], "7:30": ["grids", "communities", "joint"]}}"#.utf8)),
            paths: paths)
        #expect(night.cycleSchedule.entries.map(\.fromMinute) == [450, 1200])
        #expect(night.cycleSchedule.views(atMinute: 3 * 60) == [.alarms, .calls])
        #expect(night.cycleSchedule.views(atMinute: 12 * 60) == [.grids, .communities, .joint])
        #expect(try ScreenSettings.resolve(ScreenFlags(), config: ConfigFile(), paths: paths).cycleSchedule == .allDay)
        let cases: [(String, String)] = [
            (#"{"cycle_views": ["grids", "weather"]}"#, "cycle_views: 'weather' is not one of grids, communities, alarms, calls, joint"),
            (#"{"cycle_views": []}"#, "cycle_views: names no views"),
            (#"{"cycle_schedule": {"24:00": ["alarms"]}}"#, "cycle_schedule: '24:00' is not a time of day"),
            (#"{"cycle_schedule": {"night": ["alarms"]}}"#, "cycle_schedule: 'night' is not a time of day"),
            (#"{"cycle_schedule": {}}"#, "cycle_schedule: names no times"),
            (#"{"cycle_views": ["alarms"], "cycle_schedule": {"20:00": ["alarms"]}}"#, "cycle_views and cycle_schedule: give one of them"),
        ]
        for (json, message) in cases {
            #expect {
                try ScreenSettings.resolve(ScreenFlags(), config: try JSONDecoder().decode(ConfigFile.self, from: Data(json.utf8)), paths: paths)
            } throws: { error in
                guard let failure = error as? Failure else { return false }
                return failure.message.hasPrefix(message) && failure.exitCode == ExitStatus.usage
            }
        }
    }

    @Test("paths follow XDG once: database, config, log, bench cache and actor")
    func xdgPaths() {
        let bare = Paths(environment: ["HOME": "/home/op", "USER": "wang"])
        #expect(bare.database(flag: nil) == "/home/op/.local/share/doorstep/doorstep.sqlite")
        #expect(bare.config == "/home/op/.config/doorstep/config.json")
        #expect(bare.benchDatabase(scale: "city") == "/home/op/.cache/doorstep/bench-city.sqlite")
        #expect(bare.identity(flag: nil) == Identity(named: nil, login: "wang"))
        #expect(bare.identity(flag: nil).unchecked == "cli:wang")
        let set = Paths(environment: [
            "HOME": "/home/op", "XDG_DATA_HOME": "/d", "XDG_CONFIG_HOME": "/c", "XDG_STATE_HOME": "/s", "XDG_CACHE_HOME": "/k",
            "DOORSTEP_DB": "/db.sqlite", "DOORSTEP_ACTOR": "operator:1",
        ])
        #expect(set.database(flag: nil) == "/db.sqlite")
        #expect(set.database(flag: "/flag.sqlite") == "/flag.sqlite")
        #expect(set.config == "/c/doorstep/config.json" && set.log == "/s/doorstep/doorstep.log")
        #expect(set.benchDatabase(scale: "street") == "/k/doorstep/bench-street.sqlite")
        #expect(set.identity(flag: nil).named == "operator:1" && set.identity(flag: "S0002").named == "S0002")
        #expect(Paths(environment: ["HOME": "/h", "DOORSTEP_CONFIG": "/etc/doorstep.json"]).config == "/etc/doorstep.json")
    }

    @Test("a config file with an unknown key is refused by name, a wrong kind of value by key")
    func configFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("config.json").path
        try Data(#"{"refresh": 1, "colour": "red"}"#.utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: Failure("\(file): unknown key 'colour' (known: alarm_escalation, alert_command, ambiguous, bell, call_timeout, cycle, cycle_schedule, cycle_views, escalation, flash, language, log, mouse, mute_minutes, notifier, refresh, sip, theme)",
                                exitCode: ExitStatus.dataError)) { try ConfigFile.load(path: file) }
        try Data(#"{"refresh": "fast"}"#.utf8).write(to: URL(fileURLWithPath: file))
        #expect(throws: Failure("\(file): key 'refresh' has a value of the wrong kind", exitCode: ExitStatus.dataError)) {
            try ConfigFile.load(path: file)
        }
        #expect(try ConfigFile.load(path: folder.appendingPathComponent("none.json").path) == ConfigFile())
    }
}
