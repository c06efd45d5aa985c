import Foundation

/// Each grid's 四清 completeness, kept by difference: its household count and the sorted
/// instants its clear households age out.
public struct FourClearsLedger: Sendable {
    private var totals: [Int]
    private var expiries: [[Date]]
    /// Every grid together: all households, and every expiry in order (the headline's figure
    /// each second in one binary search, not one per grid).
    private var allHouseholds = 0
    private var allExpiries: [Date] = []

    init(_ census: FourClearsCensus, territory: TerritoryIndex) {
        totals = Array(repeating: 0, count: territory.grids.count)
        expiries = Array(repeating: [], count: territory.grids.count)
        for (code, total) in census.totals { if let g = territory.grid(code) { totals[g] = total } }
        for (code, dates) in census.expiries { if let g = territory.grid(code) { expiries[g] = dates.sorted() } }
        allHouseholds = totals.reduce(0, +)
        allExpiries = expiries.flatMap { $0 }.sorted()
    }

    /// Clear households and all households of grid `g` at `now`.
    public func completeness(_ g: Int, at now: Date) -> (clear: Int, total: Int) {
        let list = expiries[g]
        return (list.count - Self.firstAfter(now, in: list), totals[g])
    }

    /// Every grid together at `now`.
    public func all(at now: Date) -> (clear: Int, total: Int) {
        (allExpiries.count - Self.firstAfter(now, in: allExpiries), allHouseholds)
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
        if let old, let i = expiries[g].firstIndex(where: { abs($0.timeIntervalSince(old)) < 0.001 }) {
            let removed = expiries[g].remove(at: i)
            if let j = allExpiries.firstIndex(of: removed) { allExpiries.remove(at: j) }
        }
        if let new {
            expiries[g].insert(new, at: Self.firstAfter(new, in: expiries[g]))
            allExpiries.insert(new, at: Self.firstAfter(new, in: allExpiries))
        }
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
