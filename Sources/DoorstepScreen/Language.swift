import Foundation

/// The language of the screen's own words (data such as names stay as entered).
public enum Language: String, CaseIterable, Sendable {
    case zh, en

    /// The language the environment asks for: Chinese when `LC_ALL`, `LC_MESSAGES` or `LANG`
    /// (the first one set) starts with `zh`, English otherwise.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }

    public var strings: UIStrings { self == .zh ? .chinese : .english }
}
