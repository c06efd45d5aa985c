import Foundation

/// A time as an operator types one: `HH:MM[:SS]` on a given day, or `YYYY-MM-DD HH:MM[:SS]`
/// (a `T` may stand for the space), in a calendar's time zone. The one reading of such text,
/// for the command line's `--from` and the replay's `g`.
public enum LocalTimeText {
    /// The instant, and whether the text named its day; nil when the text is neither form or
    /// names no such day or time (`2026-02-30`, `24:00`, `10:61`).
    public static func parse(_ text: String, on day: Date, calendar: Calendar) -> (date: Date, namedDay: Bool)? {
        let parts = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ").split(separator: " ")
        guard (1...2).contains(parts.count) else { return nil }
        let clock = parts[parts.count - 1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(clock.count), let hour = clock[0], let minute = clock[1], (0..<24).contains(hour), (0..<60).contains(minute),
              let second = clock.count == 3 ? clock[2] : 0, (0..<60).contains(second)
        else { return nil }
        var components = calendar.dateComponents([.year, .month, .day], from: day)
        if parts.count == 2 {
            let date = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard date.count == 3, let y = date[0], let m = date[1], let d = date[2] else { return nil }
            components = DateComponents(year: y, month: m, day: d)
        }
        components.hour = hour
        components.minute = minute
        components.second = second
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == components.day,
              calendar.component(.month, from: date) == components.month
        else { return nil }
        return (date, parts.count == 2)
    }
}
