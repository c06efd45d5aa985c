import DoorstepDomain
import Foundation
import Testing

/// The series' windows against a plain recount, over inserts in and out of order, removals
/// and drops.
struct TimeSeriesTests {
    @Test func windowsMatchARecountAfterEveryChange() {
        var random = SeededRandom(seed: 7)
        var series = TimeSeries()
        var plain: [(Date, Double)] = []
        let origin = Date(timeIntervalSince1970: 1_800_000_000)
        for step in 0..<600 {
            let roll = Int.random(in: 0..<10, using: &random)
            if roll < 6 || plain.isEmpty {
                // mostly at the end, sometimes in the past
                let offset = roll < 4 ? Double(step * 60) : Double(Int.random(in: 0...(step * 60 + 1), using: &random))
                let value = Double(Int.random(in: 1...5, using: &random))
                series.insert(origin.addingTimeInterval(offset), value)
                plain.append((origin.addingTimeInterval(offset), value))
            } else if roll < 9 {
                let (date, value) = plain[Int.random(in: 0..<plain.count, using: &random)]
                series.remove(date, value)
                if let k = plain.firstIndex(where: { $0.0 == date && $0.1 == value }) { plain.remove(at: k) }
            } else {
                let cut = origin.addingTimeInterval(Double(step * 20))
                series.drop(before: cut)
                plain.removeAll { $0.0 < cut }
            }
            for probe in [0, step * 15, step * 45, step * 60 + 1] {
                let since = origin.addingTimeInterval(Double(probe))
                let expected = plain.filter { $0.0 >= since }
                let got = series.since(since)
                #expect(got.count == expected.count, "step \(step), since +\(probe) s")
                #expect(got.sum == expected.reduce(0) { $0 + $1.1 }, "step \(step), since +\(probe) s")
            }
        }
        #expect(series.count == plain.count)
    }
}
