import Foundation

/// Where Doorstep keeps its files, from the environment (XDG base directories), worked out in
/// this one place. Pure: give it an environment, read the paths.
public struct Paths: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    private func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
    private var home: String { value("HOME") ?? NSTemporaryDirectory() }

    /// The database: `--db`, then `$DOORSTEP_DB`, then `$XDG_DATA_HOME/doorstep/doorstep.sqlite`.
    public func database(flag: String?) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let db = value("DOORSTEP_DB") { return db }
        return (value("XDG_DATA_HOME") ?? home + "/.local/share") + "/doorstep/doorstep.sqlite"
    }

    /// The settings file: `$DOORSTEP_CONFIG`, then `$XDG_CONFIG_HOME/doorstep/config.json`.
    public var config: String {
        value("DOORSTEP_CONFIG") ?? (value("XDG_CONFIG_HOME") ?? home + "/.config") + "/doorstep/config.json"
    }

    /// The log file: `$XDG_STATE_HOME/doorstep/doorstep.log`.
    public var log: String { (value("XDG_STATE_HOME") ?? home + "/.local/state") + "/doorstep/doorstep.log" }

    /// A benchmark database: `$XDG_CACHE_HOME/doorstep/bench-SCALE.sqlite`.
    public func benchDatabase(scale: String) -> String {
        (value("XDG_CACHE_HOME") ?? home + "/.cache") + "/doorstep/bench-\(scale).sqlite"
    }

    /// Who says they are acting: `--actor` (or `--as`), then `$DOORSTEP_ACTOR`, with the
    /// account's name (`$USER`) for an operator who logs in as themselves.
    public func identity(flag: String?) -> Identity {
        Identity(named: flag.flatMap { $0.isEmpty ? nil : $0 } ?? value("DOORSTEP_ACTOR"), login: value("USER"))
    }
}
