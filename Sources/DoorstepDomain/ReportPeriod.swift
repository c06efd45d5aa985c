import Foundation

/// The span a street report covers (日报 / 周报): a local calendar day, or a week from Monday to
/// Sunday (周一至周日, as the street's weekly meeting counts it) — in the calendar given, so a
/// daylight-saving change makes a day of 23 or 25 hours, not a shifted one.
public struct ReportPeriod: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// 日报
        case daily
        /// 周报
        case weekly
    }

    public var kind: Kind
    /// The first instant covered.
    public var start: Date
    /// The first instant after.
    public var end: Date
    /// Where each bucket of the report's series begins: the day's 24 hours, or the week's 7 days.
    public var buckets: [Date]

    /// The day or the week that holds `day`.
    public init(_ kind: Kind, containing day: Date, calendar: Calendar) {
        self.kind = kind
        let dayStart = calendar.startOfDay(for: day)
        switch kind {
        case .daily:
            start = dayStart
            end = Self.adding(days: 1, to: dayStart, calendar: calendar)
            // (hours by the clock: a day with a daylight-saving change has 23 or 25 of them)
            var hours: [Date] = []
            var hour = dayStart
            while hour < end {
                hours.append(hour)
                guard let next = calendar.date(byAdding: .hour, value: 1, to: hour), next > hour else { break }
                hour = next
            }
            buckets = hours
        case .weekly:
            // Monday is weekday 2 in every calendar's numbering
            let weekday = calendar.component(.weekday, from: dayStart)
            let back = (weekday + 5) % 7
            let monday = Self.adding(days: -back, to: dayStart, calendar: calendar)
            start = monday
            end = Self.adding(days: 7, to: monday, calendar: calendar)
            buckets = (0..<7).map { Self.adding(days: $0, to: monday, calendar: calendar) }
        }
    }

    /// The instant the report speaks for: the period's end, or `now` while it is still running.
    public func asOf(_ now: Date) -> Date { min(end, max(start, now)) }

    /// Whether `now` falls inside the period (the report is of a day or week still under way).
    public func isRunning(at now: Date) -> Bool { start <= now && now < end }

    /// Which bucket `instant` falls in; nil outside the period.
    public func bucket(of instant: Date) -> Int? {
        guard instant >= start, instant < end else { return nil }
        var low = 0
        var high = buckets.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if buckets[middle] <= instant { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private static func adding(days: Int, to day: Date, calendar: Calendar) -> Date {
        // (noon, then the day's start: a day that starts at 01:00 after a change still counts whole)
        let noon = calendar.date(bySettingHour: 12, minute: 0, second: 0, of: day) ?? day
        let moved = calendar.date(byAdding: .day, value: days, to: noon) ?? noon.addingTimeInterval(Double(days) * 86_400)
        return calendar.startOfDay(for: moved)
    }
}
