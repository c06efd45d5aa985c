import Foundation

/// Values stamped with a time, kept sorted by time, for figures over a sliding window
/// ("resolved today", "accepted in the last 24 hours"). Inserting and removing find their
/// place by binary search; the newest values, the common case, go at the end.
public struct TimeSeries: Sendable {
    private var times: [Date] = []
    private var values: [Double] = []
    /// Running sums: `sums[k]` is the sum of the values before index `k` (one more entry than
    /// `values`), so a window's sum is one subtraction, not a pass over the window (the
    /// engine asks for three windows every second, over a city's month of ratings).
    private var sums: [Double] = [0]

    public init() {}

    /// Builds from unsorted entries in one sort.
    public init(_ entries: [(Date, Double)]) {
        let sorted = entries.sorted { $0.0 < $1.0 }
        times = sorted.map(\.0)
        values = sorted.map(\.1)
        sums.reserveCapacity(values.count + 1)
        for value in values { sums.append(sums[sums.count - 1] + value) }
    }

    public var count: Int { times.count }

    /// The index of the first entry at or after `date`.
    public func lowerBound(_ date: Date) -> Int {
        var low = 0, high = times.count
        while low < high {
            let mid = (low + high) / 2
            if times[mid] < date { low = mid + 1 } else { high = mid }
        }
        return low
    }

    public mutating func insert(_ date: Date, _ value: Double) {
        if let last = times.last, last > date {
            let index = upperBound(date)
            times.insert(date, at: index)
            values.insert(value, at: index)
            sums.insert(sums[index] + value, at: index + 1)
            for k in (index + 2)..<sums.count { sums[k] += value }
        } else {
            times.append(date)
            values.append(value)
            sums.append(sums[sums.count - 1] + value)
        }
    }

    /// Removes one entry with exactly this time and value, if there is one.
    public mutating func remove(_ date: Date, _ value: Double) {
        var index = lowerBound(date)
        while index < times.count, times[index] == date {
            if values[index] == value {
                times.remove(at: index)
                values.remove(at: index)
                sums.remove(at: index + 1)
                for k in (index + 1)..<sums.count { sums[k] -= value }
                return
            }
            index += 1
        }
    }

    /// Forgets the entries before `date` (cheap when there are none).
    public mutating func drop(before date: Date) {
        guard let first = times.first, first < date else { return }
        let end = lowerBound(date)
        times.removeSubrange(0..<end)
        values.removeSubrange(0..<end)
        sums.removeSubrange(0..<end)
    }

    /// How many entries fall at or after `date`, and the sum of their values.
    public func since(_ date: Date) -> (count: Int, sum: Double) {
        let start = lowerBound(date)
        return (values.count - start, sums[values.count] - sums[start])
    }

    private func upperBound(_ date: Date) -> Int {
        var low = 0, high = times.count
        while low < high {
            let mid = (low + high) / 2
            if times[mid] <= date { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
