import DoorstepDomain
import DoorstepStore
import Foundation

/// 四清 from the command line: a worker confirms what is known of a household; the office lists
/// a grid's households with their facets.
extension CommandLineEnd {
    /// `doorstep clears confirm`: "H00001 clear until 2027-06-02T10:00:00Z" or "H00001 not clear: needs not recorded".
    public func confirmClears(household: String, _ notes: [FourClears.Facet: String], by: String?) throws -> String {
        let (store, actor) = try session()
        let now = clock.now()
        let record = try storeCall { try store.confirmClears(householdID: household, notes, by: by ?? actor, at: now) }
        if let until = record.expiresAt { return "\(household) clear until \(isoTime(until))" }
        let missing = FourClears.Facet.allCases.filter { record.entries[$0] == nil }.map(\.rawValue)
        return "\(household) not clear: \(missing.joined(separator: ", ")) not recorded"
    }

    /// `doorstep clears list`: a grid's households, each facet's note and confirmation, and
    /// whether the household is clear now.
    public func clears(grid: String, json: Bool) throws -> String {
        let store = try open(readOnly: true)
        let now = clock.now()
        let households = try storeCall { try store.households(ofGrid: grid) }
        // no household: an empty grid, or none of that code (named as such)
        if households.isEmpty, try !storeCall({ try store.loadAll(at: now) }).grids.contains(where: { $0.code == grid }) {
            throw Failure("no grid '\(grid)' (see `doorstep grids`)", exitCode: ExitStatus.notFound)
        }
        let rows = households.map { h -> ListingRow in
            let record = h.clears ?? FourClears()
            var row: ListingRow = [("household", h.id), ("building", h.buildingCode), ("clear", record.isClear(at: now)),
                                   ("clear_until", record.expiresAt.map(isoTime))]
            for facet in FourClears.Facet.allCases {
                row.append((facet.rawValue, record.entries[facet]?.note))
                row.append((facet.rawValue + "_confirmed_at", record.entries[facet].map { isoTime($0.confirmedAt) }))
            }
            return row
        }
        return try listing(rows, json: json, columns: ["household", "building", "clear", "clear_until", "family", "category", "needs", "hazards"])
    }
}
