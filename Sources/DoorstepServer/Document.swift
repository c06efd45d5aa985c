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

    /// JSON, UTF-8, keys sorted.
    public func json() -> Data {
        let object = jsonObject
        guard JSONSerialization.isValidJSONObject(object) else { return Data("\(Self.jsonString(object))".utf8) }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8)
    }

    private var jsonObject: Any {
        switch self {
        case .text(let text): return text
        case .integer(let n): return n
        case .bool(let b): return b
        case .null: return NSNull()
        case .object(let fields):
            var dictionary: [String: Any] = [:]
            for field in fields { dictionary[field.name] = field.value.jsonObject }
            return dictionary
        case .list(_, let items): return items.map(\.jsonObject)
        }
    }

    /// A bare value JSONSerialization does not take at the top level.
    private static func jsonString(_ value: Any) -> String {
        (try? JSONSerialization.data(withJSONObject: [value], options: [.withoutEscapingSlashes]))
            .map { String(decoding: $0.dropFirst().dropLast(), as: UTF8.self) } ?? "null"
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
