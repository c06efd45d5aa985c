import DoorstepDomain
import Testing

@Suite("Chunked array")
struct ChunkedArrayTests {
    @Test("inserts, removals and writes in any order match a plain array, across chunk splits and empty chunks")
    func matchesArray() {
        var random = SeededRandom(seed: 11)
        var plain = Array(0..<600)
        var chunked = ChunkedArray(plain)
        #expect(Array(chunked) == plain)
        for step in 0..<3_000 {
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                let at = Int.random(in: 0...plain.count, using: &random)
                plain.insert(10_000 + step, at: at)
                chunked.insert(10_000 + step, at: at)
            case 1 where !plain.isEmpty:
                let at = Int.random(in: 0..<plain.count, using: &random)
                plain.remove(at: at)
                chunked.remove(at: at)
            default:
                guard !plain.isEmpty else { continue }
                let at = Int.random(in: 0..<plain.count, using: &random)
                plain[at] = -step
                chunked[at] = -step
            }
            #expect(chunked.count == plain.count)
        }
        #expect(Array(chunked) == plain)
        // a copy is a snapshot: changing the original leaves it as it was
        let snapshot = chunked
        chunked.insert(-1, at: 0)
        #expect(Array(snapshot) == plain && chunked.first == -1)
    }

    @Test("removing everything and inserting again works from empty")
    func emptyAgain() {
        var chunked = ChunkedArray([1, 2, 3])
        for _ in 0..<3 { chunked.remove(at: 0) }
        #expect(chunked.isEmpty)
        chunked.insert(7, at: 0)
        chunked.insert(8, at: 1)
        #expect(Array(chunked) == [7, 8])
    }
}

@Suite("Parallel work")
struct ParallelTests {
    @Test("every job runs once, results in the jobs' order, with more jobs than cores")
    func runKeepsOrder() {
        let jobs: [@Sendable () -> Int] = (0..<9).map { k in
            { @Sendable in
                // uneven jobs: the later ones finish first
                var sum = 0
                for i in 0..<((9 - k) * 20_000) { sum &+= i }
                return k * 10 + (sum == -1 ? 1 : 0)
            }
        }
        #expect(Parallel.run(jobs) == (0..<9).map { $0 * 10 })
        #expect(Parallel.run([@Sendable () -> Int]()).isEmpty)
    }
}
