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
        return (list.count - list.partitionPoint { $0 <= now }, totals[g])
    }

    /// Every grid together at `now`.
    public func all(at now: Date) -> (clear: Int, total: Int) {
        (allExpiries.count - allExpiries.partitionPoint { $0 <= now }, allHouseholds)
    }

    /// The next instant a clear household of grid `g` ages out.
    func nextExpiry(_ g: Int, after now: Date) -> Date? {
        let list = expiries[g]
        let i = list.partitionPoint { $0 <= now }
        return i < list.count ? list[i] : nil
    }

    /// A household's clear-until instant moved from `old` to `new`.
    mutating func move(grid g: Int, from old: Date?, to new: Date?) {
        if let old {
            Self.remove(old, from: &expiries[g])
            Self.remove(old, from: &allExpiries)
        }
        if let new {
            expiries[g].insert(new, at: expiries[g].partitionPoint { $0 <= new })
            allExpiries.insert(new, at: allExpiries.partitionPoint { $0 <= new })
        }
    }

    /// Takes one `date` out of the sorted `list`, if it is there.
    private static func remove(_ date: Date, from list: inout [Date]) {
        let i = list.partitionPoint { $0 < date }
        if i < list.count, list[i] == date { list.remove(at: i) }
    }
}
