import Foundation

/// The operator's settings file (`Paths.config`), read with Foundation's JSON decoder. Every key is
/// optional; flags override it. An unknown key or a value of the wrong kind is refused with the
/// file and the key named, so a typo is not silently ignored.
///
///     { "refresh": 1, "theme": "high-contrast", "language": "zh", "call_timeout": 60,
///       "notifier": "/usr/local/bin/send-sms", "escalation": ["grid", "dispatcher", "operator"],
///       "ambiguous": "auto", "cycle": 20,
///       "cycle_schedule": { "07:30": ["grids", "communities", "joint"], "20:00": ["alarms", "calls"] },
///       "sip": { "target": "sip:{phone}@gateway.example", "account": "sip:centre@pbx.example",
///                "registrar": "sip:pbx.example", "transport": "tls", "srtp": true } }
public struct ConfigFile: Decodable, Equatable, Sendable {
    public var refresh: Double?
    public var theme: String?
    public var language: String?
    public var callTimeout: Double?
    public var notifier: String?
    public var escalation: [String]?
    public var log: String?
    public var ambiguous: String?
    public var alarmEscalation: Double?
    public var bell: Bool?
    public var flash: Bool?
    public var alertCommand: String?
    public var cycle: Double?
    public var mouse: Bool?
    public var muteMinutes: Double?
    /// The views an unattended wall turns through all day (`grids`, `communities`, `alarms`, `calls`, `joint`).
    public var cycleViews: [String]?
    /// The views by time of day: each `HH:MM` holds until the next one.
    public var cycleSchedule: [String: [String]]?
    /// How SIP calls are placed when the notifier is `sip` (the password comes from the
    /// environment, DOORSTEP_SIP_PASSWORD, never from this file).
    public var sip: SIP?

    /// The `"sip"` object: target (with {phone} or {id}), account, registrar, listen, transport, srtp.
    public struct SIP: Decodable, Equatable, Sendable {
        public var target: String?
        public var account: String?
        public var registrar: String?
        public var listen: String?
        public var transport: String?
        public var srtp: Bool?
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case refresh, theme, language, callTimeout = "call_timeout", notifier, escalation, log, ambiguous
        case alarmEscalation = "alarm_escalation", bell, flash, alertCommand = "alert_command", cycle, mouse, muteMinutes = "mute_minutes"
        case cycleViews = "cycle_views", cycleSchedule = "cycle_schedule", sip
    }

    public init(
        refresh: Double? = nil, theme: String? = nil, language: String? = nil, callTimeout: Double? = nil, notifier: String? = nil,
        escalation: [String]? = nil, log: String? = nil, ambiguous: String? = nil
    ) {
        self.ambiguous = ambiguous
        self.refresh = refresh
        self.theme = theme
        self.language = language
        self.callTimeout = callTimeout
        self.notifier = notifier
        self.escalation = escalation
        self.log = log
    }

    /// The settings at `path`; empty settings when there is no file.
    public static func load(path: String) throws -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure("\(path): cannot be read", exitCode: ExitStatus.dataError)
        }
        return try parse(data, path: path)
    }

    /// The settings in `data` (the bytes of the file at `path`, named in each refusal).
    static func parse(_ data: Data, path: String) throws -> ConfigFile {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Failure("\(path): not valid JSON (\((error as NSError).localizedDescription))", exitCode: ExitStatus.dataError)
        }
        guard let keys = (object as? [String: Any])?.keys else {
            throw Failure("\(path): must be one JSON object of settings", exitCode: ExitStatus.dataError)
        }
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = keys.sorted().first(where: { !known.contains($0) }) {
            throw Failure("\(path): unknown key '\(unknown)' (known: \(known.sorted().joined(separator: ", ")))", exitCode: ExitStatus.dataError)
        }
        do {
            return try JSONDecoder().decode(ConfigFile.self, from: data)
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let key = context.codingPath.first?.stringValue ?? "?"
            throw Failure("\(path): key '\(key)' has a value of the wrong kind", exitCode: ExitStatus.dataError)
        } catch {
            throw Failure("\(path): \(error)", exitCode: ExitStatus.dataError)
        }
    }
}
