import Foundation

/// An `application/x-www-form-urlencoded` body, as Open311's clients post it. (Not
/// Hummingbird's `URLEncodedFormDecoder`: it reads `attribute[code]`, the spec's field names, as
/// nested containers of a `Decodable` type, where these are plain names.) Foundation only, so
/// the fuzzer compiles it on its own (`scripts/fuzz.sh`).
enum FormBody {
    /// The body's fields (the last of a repeated one wins); nil when it is not valid.
    static func fields(_ body: String) -> [String: String]? {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String? { text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let key = decode(parts[0]), let value = parts.count > 1 ? decode(parts[1]) : "" else { return nil }
            fields[key] = value
        }
        return fields
    }
}
