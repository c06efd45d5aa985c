import Foundation

/// The JSON body of a grid end request (one object), read strictly: a field sent with the
/// wrong type is refused by name, never taken as absent — `"accept": "false"` is not a yes,
/// `"staff": 5` does not fall back to the caller's own staff record. Fields it does not know
/// are left alone, so a newer phone can send more.
///
/// It imports only Foundation, so the fuzzer compiles it alone (`scripts/fuzz.sh gridbody`).
public struct GridBody: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// A field's value as JSON typed it (JSON's `true` is never the number 1 here).
    public enum Value: Sendable, Equatable, Decodable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
        case text(String)
        case flag(Bool)
        case number(Double)
        case null
        /// An array or an object: no field of the grid end takes one.
        case nested

        public init(stringLiteral value: String) { self = .text(value) }
        public init(booleanLiteral value: Bool) { self = .flag(value) }

        public init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() { self = .null }
            else if let flag = try? value.decode(Bool.self) { self = .flag(flag) }
            else if let text = try? value.decode(String.self) { self = .text(text) }
            else if let number = try? value.decode(Double.self) { self = .number(number) }
            else { self = .nested }
        }

        /// What JSON calls it, for a refusal.
        var kind: String {
            switch self {
            case .text: "a string"
            case .flag: "true or false"
            case .number: "a number"
            case .null: "null"
            case .nested: "an array or object"
            }
        }
    }

    /// A body refused, with a message that names the field and what it must be (a 400).
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let message: String
        init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    public let fields: [String: Value]

    public init(fields: [String: Value] = [:]) { self.fields = fields }

    public init(dictionaryLiteral elements: (String, Value)...) {
        self.fields = Dictionary(elements, uniquingKeysWith: { first, _ in first })
    }

    /// An empty body (or one of white space only) is an empty object; anything but one JSON
    /// object is refused.
    public init(json data: Data) throws(Invalid) {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            self.init()
            return
        }
        do {
            self.init(fields: try JSONDecoder().decode([String: Value].self, from: data))
        } catch {
            throw Invalid("the body is not one JSON object")
        }
    }

    /// A text field: nil when absent or null; refused when of another type, or over `limit`
    /// characters (when given).
    public func text(_ key: String, limit: Int? = nil) throws(Invalid) -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case .text(let text)?:
            if let limit, text.count > limit { throw Invalid("\"\(key)\" is longer than \(limit) characters") }
            return text
        case let other?: throw Invalid("\"\(key)\" must be a string, not \(other.kind)")
        }
    }

    /// A yes-or-no field: nil when absent or null; only JSON's `true` and `false` are taken.
    public func flag(_ key: String) throws(Invalid) -> Bool? {
        switch fields[key] {
        case nil, .null?: return nil
        case .flag(let flag)?: return flag
        case let other?: throw Invalid("\"\(key)\" must be true or false, not \(other.kind)")
        }
    }
}
