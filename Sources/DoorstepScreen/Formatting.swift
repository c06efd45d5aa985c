import Foundation

/// Small text formats the wall uses.
public enum Formatting {
    /// A resident's name masked as the wall shows it (for other outputs that must match).
    public static func maskedName(_ name: String) -> String { maskName(name) }

    /// `2026-11-29 周日 08:34:12` in `timeZone`.
    static func clock(_ date: Date, timeZone: TimeZone, weekdays: [String]) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let weekday = weekdays.indices.contains((c.weekday ?? 1) - 1) ? weekdays[(c.weekday ?? 1) - 1] : ""
        return String(
            format: "%04d-%02d-%02d %@ %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, weekday,
            c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// Minutes after midnight as `HH:MM`.
    static func timeOfDay(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// A span of time as `H:MM:SS` (sign dropped).
    static func span(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds).rounded(.down))
        return String(format: "%d:%02d:%02d", total / 3600, (total / 60) % 60, total % 60)
    }

    /// A countdown or an age as the wall shows it: to the second within ten minutes (where
    /// seconds matter), to the minute beyond (so a clock tick does not redraw every row).
    static func countdown(_ seconds: TimeInterval) -> String {
        if abs(seconds) < 600 { return span(seconds) }
        let total = Int(abs(seconds).rounded(.down)) / 60
        return String(format: "%d:%02d", total / 60, total % 60)
    }

    /// `138****5678`: the first three and last four digits of a phone number.
    static func maskPhone(_ phone: String) -> String {
        let digits = Array(phone)
        guard digits.count >= 7 else { return String(repeating: "*", count: digits.count) }
        return String(digits.prefix(3)) + "****" + String(digits.suffix(4))
    }

    /// `张*明` / `张*`: a name with all but its first (and, from three characters, last)
    /// character masked.
    static func maskName(_ name: String) -> String {
        let chars = Array(name)
        switch chars.count {
        case 0: return ""
        case 1: return name
        case 2: return String(chars[0]) + "*"
        default: return String(chars[0]) + String(repeating: "*", count: chars.count - 2) + String(chars[chars.count - 1])
        }
    }
}
