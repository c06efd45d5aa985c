import DoorstepDomain
import Testing

/// The sharded dictionary behaves as a dictionary: the same entries and count through any
/// sequence of sets and removals, and a copy kept aside is untouched by changes to the other.
@Suite("Sharded dictionary")
struct ShardedDictionaryTests {
    @Test("5,000 seeded sets and removals leave the entries a plain dictionary holds; a snapshot keeps its own")
    func againstDictionary() {
        var generator = SeededRandom(seed: 11)  // a failure repeats
        var sharded = ShardedDictionary<String, Int>()
        var plain: [String: Int] = [:]
        var snapshot = sharded
        var snapshotPlain = plain
        for step in 0..<5_000 {
            let key = "G\(Int.random(in: 0..<700, using: &generator))"
            if Int.random(in: 0..<4, using: &generator) == 0 {
                #expect(sharded.removeValue(forKey: key) == plain.removeValue(forKey: key))
            } else {
                #expect(sharded.updateValue(step, forKey: key) == plain.updateValue(step, forKey: key))
            }
            if step == 2_500 { (snapshot, snapshotPlain) = (sharded, plain) }
        }
        #expect(sharded.count == plain.count && !sharded.isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: sharded.entries.map { ($0.key, $0.value) }) == plain)
        #expect(Set(sharded.keys) == Set(plain.keys))
        #expect(plain.keys.allSatisfy { sharded[$0] == plain[$0] } && sharded["absent"] == nil)
        #expect(Dictionary(uniqueKeysWithValues: snapshot.entries.map { ($0.key, $0.value) }) == snapshotPlain)
        #expect(snapshot.count == snapshotPlain.count && snapshot != sharded)
        var copy = sharded
        #expect(copy == sharded)
        copy["G1"] = -1
        #expect(copy != sharded)
    }
}
