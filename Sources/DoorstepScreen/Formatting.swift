import Foundation
import DoorstepCanvas

/// Small text formats the wall uses.
public enum Formatting {
    /// A resident's name masked as the wall shows it (for other outputs that must match).
    public static func maskedName(_ name: String) -> String { maskName(name) }

    /// `2026-11-29 周日 08:34:12` in `timeZone`.
    static func clock(_ date: Date, timeZone: TimeZone, weekdays: [String]) -> String {
        // civil date from the day count (H. Hinnant's days_from_civil, inverted): no Calendar
        // to build for each frame
        let local = Int((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let weekdayIndex = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (index 4, Sunday 0)
        let weekday = weekdays.indices.contains(weekdayIndex) ? weekdays[weekdayIndex] : ""
        return "\(pad(year, 4))-\(pad(month))-\(pad(day)) \(weekday) "
            + "\(pad(secondOfDay / 3_600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
    }

    /// `08:34:12` in `timeZone`: the time of day alone.
    static func time(_ date: Date, timeZone: TimeZone) -> String {
        String(clock(date, timeZone: timeZone, weekdays: []).suffix(8))
    }

    /// `2026-11-29` in `timeZone`: the date alone.
    static func day(_ date: Date, timeZone: TimeZone) -> String {
        String(clock(date, timeZone: timeZone, weekdays: []).prefix(10))
    }

    /// `clock`, shortened to fit `width` columns: without the weekday (`2026-11-29 08:34:12`),
    /// then without the year and seconds (`11-29 08:34`).
    static func stamp(_ date: Date, timeZone: TimeZone, weekdays: [String], width: Int) -> String {
        let full = clock(date, timeZone: timeZone, weekdays: weekdays)
        if DisplayWidth.of(full) <= width { return full }
        let parts = full.split(separator: " ")
        guard parts.count == 3 else { return full }
        let plain = "\(parts[0]) \(parts[2])"
        if DisplayWidth.of(plain) <= width { return plain }
        return "\(parts[0].dropFirst(5)) \(parts[2].prefix(5))"
    }

    /// `n` in decimal, zero-padded to `digits` (String(format:) goes through Foundation's
    /// formatter, a tenth of a frame's time on the wall).
    static func pad(_ n: Int, _ digits: Int = 2) -> String {
        let text = String(n)
        return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
    }

    /// `x` rounded to one decimal place, as "%.1f" writes it (without Foundation's formatter).
    public static func oneDecimal(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        let tenths = Int((abs(x) * 10).rounded())
        return (x < 0 && tenths > 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)"
    }

    /// `x` whole when it rounds to a whole number at one decimal place, else to one decimal
    /// ("2", "4.8"): a usual level, a rule's factor.
    public static func wholeOrOneDecimal(_ x: Double) -> String {
        let text = oneDecimal(x)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Minutes after midnight as `HH:MM`.
    static func timeOfDay(_ minutes: Int) -> String {
        "\(pad(minutes / 60)):\(pad(minutes % 60))"
    }

    /// A span of time as `H:MM:SS` (sign dropped).
    static func span(_ seconds: TimeInterval) -> String {
        let total = Int(abs(seconds).rounded(.down))
        return "\(total / 3600):\(pad((total / 60) % 60)):\(pad(total % 60))"
    }

    /// A countdown or an age as the wall shows it: to the second within ten minutes (where
    /// seconds matter), to the minute beyond (so a clock tick does not redraw every row).
    static func countdown(_ seconds: TimeInterval) -> String {
        if abs(seconds) < 600 { return span(seconds) }
        let total = Int(abs(seconds).rounded(.down)) / 60
        return "\(total / 60):\(pad(total % 60))"
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
