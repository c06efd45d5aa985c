import CLibcrypto
import Foundation

/// A secret handed to a channel or an operator once — an Open311 API key, a worker's bearer
/// token — and kept by the store only as its SHA-256. It reads `ds<kind>_<id>_<secret>`: the
/// id finds the row, the secret (32 random bytes, hex) is hashed and compared with the stored
/// hash in constant time, so neither the store nor a log holds anything that opens the door.
///
/// The secret is random and long, so a plain SHA-256 suffices (no salt or slow hash: those
/// protect guessable passwords).
public struct Secret: Sendable, Equatable, CustomStringConvertible {
    /// `k` for an API key, `t` for an operator's token.
    public var kind: Character
    public var id: String
    /// Hex, 64 characters.
    public var secret: String

    /// The whole text the holder presents.
    public var text: String { "ds\(kind)_\(id)_\(secret)" }
    /// Never the secret itself (in logs and errors).
    public var description: String { "ds\(kind)_\(id)_…" }

    public init(kind: Character, id: String, secret: String) {
        self.kind = kind
        self.id = id
        self.secret = secret
    }

    /// 32 bytes from the system's secure random source, hex; nil only when that source fails.
    /// (The store gives the id once the hash is stored: make the secret, store its hash, then
    /// put the two together.)
    public static func random() -> String? {
        var bytes = [UInt8](repeating: 0, count: 32)
        guard RAND_bytes(&bytes, Int32(bytes.count)) == 1 else { return nil }
        return hex(bytes)
    }

    /// The parts of a presented text; nil when it is not one of ours (of `kind`).
    public static func parse(_ text: String, kind: Character) -> Secret? {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "ds\(kind)", !parts[1].isEmpty, parts[1].count <= 40,
              parts[2].utf8.count == 64, parts[2].utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else { return nil }
        return Secret(kind: kind, id: String(parts[1]), secret: String(parts[2]))
    }

    /// The SHA-256 of the secret, hex: what the store keeps.
    public var hash: String { Self.sha256(secret) }

    /// The SHA-256 of a secret's text, hex.
    public static func hash(of secret: String) -> String { sha256(secret) }

    /// Whether this secret hashes to `stored`, compared in constant time.
    public func matches(hash stored: String) -> Bool { Self.equalInConstantTime(hash, stored) }

    static func sha256(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let bytes = Array(text.utf8)
        _ = SHA256(bytes, bytes.count, &digest)
        return hex(digest)
    }

    /// Equal texts of equal length, in time that does not depend on where they differ.
    static func equalInConstantTime(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return CRYPTO_memcmp(x, y, x.count) == 0
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
