import Foundation

/// A response body as a small tree, written out as JSON or as XML — Open311 GeoReport v2
/// requires XML and allows JSON, with the same fields in both.
public indirect enum Document: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case bool(Bool)
    case null
    /// Fields in the order they are written (XML keeps it; JSON sorts keys).
    case object([Field])
    /// A list; in XML each item is an element named `item` under the list's element.
    case list(item: String, [Document])

    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: Document
        public init(_ name: String, _ value: Document) {
            self.name = name
            self.value = value
        }
    }

    /// Text, or null when nil.
    static func optional(_ text: String?) -> Document { text.map(Document.text) ?? .null }

    /// JSON, UTF-8, keys sorted (through `JSONEncoder`: `JSONSerialization` bridged every
    /// dictionary to `NSDictionary` and sorted its keys by locale, half of a GET's time).
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    /// XML 1.0, UTF-8, with `root` as the outer element.
    public func xml(root: String) -> Data {
        var out = #"<?xml version="1.0" encoding="utf-8"?>"#
        write(into: &out, name: root)
        return Data(out.utf8)
    }

    private func write(into out: inout String, name: String) {
        switch self {
        case .null:
            out += "<\(name)/>"
        case .text(let text):
            out += "<\(name)>\(Self.escape(text))</\(name)>"
        case .integer(let n):
            out += "<\(name)>\(n)</\(name)>"
        case .bool(let b):
            out += "<\(name)>\(b)</\(name)>"
        case .object(let fields):
            out += "<\(name)>"
            for field in fields { field.value.write(into: &out, name: field.name) }
            out += "</\(name)>"
        case .list(let item, let items):
            out += "<\(name)>"
            for element in items { element.write(into: &out, name: item) }
            out += "</\(name)>"
        }
    }

    /// Text as XML character data: the five special characters escaped, and characters XML
    /// 1.0 cannot carry at all (most C0 controls) left out.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Document: Encodable {
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .text(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .integer(let n):
            var single = encoder.singleValueContainer()
            try single.encode(n)
        case .bool(let b):
            var single = encoder.singleValueContainer()
            try single.encode(b)
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .object(let fields):
            var keyed = encoder.container(keyedBy: Key.self)
            for field in fields { try keyed.encode(field.value, forKey: Key(field.name)) }
        case .list(_, let items):
            var list = encoder.unkeyedContainer()
            for item in items { try list.encode(item) }
        }
    }
}
