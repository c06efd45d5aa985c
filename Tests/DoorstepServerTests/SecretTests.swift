import DoorstepCredentials
import Testing

/// Keys and tokens: made from the secure random source, shown once, kept as a hash, checked
/// in constant time; anything not of our shape is no key at all.
@Suite("Secrets: keys and tokens")
struct SecretTests {
    @Test("a key reads dsk_<id>_<64 hex>, parses back, and matches its own hash only")
    func roundTrip() throws {
        let random = try #require(Secret.random())
        #expect(random.count == 64 && random != Secret.random())
        let key = Secret(kind: "k", id: "K0001", secret: random)
        #expect(key.text.hasPrefix("dsk_K0001_") && !key.description.contains(random))
        let parsed = try #require(Secret.parse(key.text, kind: "k"))
        #expect(parsed == key && parsed.matches(hash: Secret.hash(of: random)))
        #expect(!parsed.matches(hash: Secret.hash(of: try #require(Secret.random()))))
        #expect(!parsed.matches(hash: ""))
        // SHA-256 of "abc", the standard's own example
        #expect(Secret.hash(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("a token is not a key, and malformed texts are nobody's", arguments: [
        "", "dsk_", "dsk_K0001", "dsk__" + String(repeating: "a", count: 64), "dsk_K0001_" + String(repeating: "a", count: 63),
        "dsk_K0001_" + String(repeating: "A", count: 64), "dsk_K0001_" + String(repeating: "g", count: 64),
        "dst_T0001_" + String(repeating: "a", count: 64), "dsk_K_0001_" + String(repeating: "a", count: 64),
    ])
    func refused(_ text: String) {
        #expect(Secret.parse(text, kind: "k") == nil)
    }
}
