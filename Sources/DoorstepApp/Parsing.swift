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
