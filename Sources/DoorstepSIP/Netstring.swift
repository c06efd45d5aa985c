import Foundation

/// Netstrings (`12:hello world!,`): how baresip's TCP control interface frames its JSON.
public enum Netstring {
    /// `payload` framed.
    public static func encode(_ payload: Data) -> Data {
        var framed = Data("\(payload.count):".utf8)
        framed.append(payload)
        framed.append(UInt8(ascii: ","))
        return framed
    }

    /// Why a stream of netstrings cannot be read on.
    public struct Malformed: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The whole netstrings at the front of `buffer`, removed from it; a partial one is left
    /// for the next read. Throws on a stream that is not netstrings (a length that is not
    /// digits, longer than `limit`, or a payload not followed by a comma).
    public static func take(from buffer: inout Data, limit: Int = 1 << 20) throws -> [Data] {
        var out: [Data] = []
        while let colon = buffer.firstIndex(of: UInt8(ascii: ":")) {
            let digits = buffer[buffer.startIndex..<colon]
            guard !digits.isEmpty, digits.count <= 8, digits.allSatisfy({ (0x30...0x39).contains($0) }),
                  let length = Int(String(decoding: digits, as: UTF8.self)), length <= limit
            else { throw Malformed(description: "a netstring's length is not a number: \(String(decoding: digits.prefix(20), as: UTF8.self))") }
            let start = buffer.index(after: colon)
            guard buffer.distance(from: start, to: buffer.endIndex) >= length + 1 else { break }
            let end = buffer.index(start, offsetBy: length)
            guard buffer[end] == UInt8(ascii: ",") else { throw Malformed(description: "a netstring does not end with a comma") }
            out.append(Data(buffer[start..<end]))
            buffer = Data(buffer[buffer.index(after: end)...])
        }
        if buffer.count > 9, buffer.firstIndex(of: UInt8(ascii: ":")) == nil {
            throw Malformed(description: "no netstring length in the first \(buffer.count) bytes")
        }
        return out
    }
}
