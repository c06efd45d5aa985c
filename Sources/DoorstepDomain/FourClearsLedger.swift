import Foundation

/// Each grid's 四清 completeness, kept by difference: its household count and the sorted
/// instants its clear households age out.
public struct FourClearsLedger: Sendable {
    private var totals: [Int]
    private var expiries: [[Date]]

    init(_ census: FourClearsCensus, territory: TerritoryIndex) {
        totals = Array(repeating: 0, count: territory.grids.count)
        expiries = Array(repeating: [], count: territory.grids.count)
        for (code, total) in census.totals { if let g = territory.grid(code) { totals[g] = total } }
        for (code, dates) in census.expiries { if let g = territory.grid(code) { expiries[g] = dates.sorted() } }
    }

    /// Clear households and all households of grid `g` at `now`.
    public func completeness(_ g: Int, at now: Date) -> (clear: Int, total: Int) {
        let list = expiries[g]
        return (list.count - Self.firstAfter(now, in: list), totals[g])
    }

    /// Every grid together at `now`.
    public func all(at now: Date) -> (clear: Int, total: Int) {
        var clear = 0, total = 0
        for g in totals.indices {
            let one = completeness(g, at: now)
            clear += one.clear
            total += one.total
        }
        return (clear, total)
    }

    /// The next instant a clear household of grid `g` ages out.
    func nextExpiry(_ g: Int, after now: Date) -> Date? {
        let list = expiries[g]
        let i = Self.firstAfter(now, in: list)
        return i < list.count ? list[i] : nil
    }

    /// A household's clear-until instant moved from `old` to `new`.
    mutating func move(grid g: Int, from old: Date?, to new: Date?) {
        // (the event may carry the instant rounded: within a millisecond is the same one)
        if let old, let i = expiries[g].firstIndex(where: { abs($0.timeIntervalSince(old)) < 0.001 }) { expiries[g].remove(at: i) }
        if let new { expiries[g].insert(new, at: Self.firstAfter(new, in: expiries[g])) }
    }

    /// The index of the first instant after `date` (those at or before it have aged out).
    private static func firstAfter(_ date: Date, in list: [Date]) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] <= date { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
