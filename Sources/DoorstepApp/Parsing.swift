import DoorstepDomain
import Foundation

/// A string-backed enum from a flag, or a usage failure listing the accepted values.
public func parseChoice<E: RawRepresentable & CaseIterable>(_ text: String, as type: E.Type, flag: String) throws -> E
where E.RawValue == String {
    guard let value = E(rawValue: text.lowercased()) else {
        throw Failure("\(flag): '\(text)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))", exitCode: ExitStatus.usage)
    }
    return value
}

/// An ISO 8601 time from a flag.
public func parseTime(_ text: String, flag: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    throw Failure("\(flag): '\(text)' is not an ISO 8601 time such as 2026-11-29T09:30:00+08:00", exitCode: ExitStatus.usage)
}

/// ISO 8601 in UTC, as every JSON time is written.
func isoTime(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

/// A time from a flag, as an operator writes one: ISO 8601 with its zone, or a local
/// `YYYY-MM-DD HH:MM[:SS]` (a `T` may stand for the space), or `HH:MM[:SS]` today, in the
/// local time zone of `calendar`.
public func parseLocalTime(_ text: String, flag: String, now: Date, calendar: Calendar = .local) throws -> Date {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.contains("+") || trimmed.hasSuffix("Z"), let date = try? parseTime(trimmed, flag: flag) { return date }
    if let local = LocalTimeText.parse(trimmed, on: now, calendar: calendar) { return local.date }
    throw Failure("\(flag): '\(text)' is not a time such as 14:00, 2026-12-01 14:00 or 2026-12-01T14:00:00+08:00", exitCode: ExitStatus.usage)
}

/// `2026-12-01 14:00:05` in the local time zone: a time in a message to the operator.
public func localStamp(_ date: Date, calendar: Calendar = .local) -> String {
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
}
