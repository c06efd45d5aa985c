#if !FUZZING
import HummingbirdCore
#endif
import Foundation

/// What a request's query string says, read the one way every handler reads it. Alone in its
/// file (with Hummingbird's URI parser, which imports nothing) so that `scripts/fuzz.sh uri`
/// compiles it into a libFuzzer harness.
enum QueryFields {
    /// The query string's fields (the last of a repeated one wins). Hummingbird decodes the
    /// values already (decoding them again turned `%2541` into `A`); the names it leaves as sent.
    static func fields(of uri: URI) -> [String: String] {
        var fields: [String: String] = [:]
        for (key, value) in uri.queryParameters { fields[String(key).removingPercentEncoding ?? String(key)] = String(value) }
        return fields
    }

    /// A date and time in ISO 8601 as Open311's `start_date` and `end_date` give it
    /// (2026-12-01T08:00:00+08:00, or with fractional seconds or `Z`); nil for anything else.
    static func date(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle().year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)) {
            return date
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }
}
