import DoorstepDomain
import DoorstepStore
import Foundation

/// Key places (重点场所) from the command line: the office's listing.
extension CommandLineEnd {
    /// `doorstep places`: the key places (one grid's), each with its last visit and whether it
    /// was visited this month.
    public func places(json: Bool, grid: String?) throws -> String {
        // the places and their visits as the store has them: no wall's read model to build
        let store = try open(readOnly: true)
        let now = clock.now()
        let data = try storeCall { try store.loadAll(at: now) }
        if let grid, !data.grids.contains(where: { $0.code == grid }) {
            throw Failure("no grid '\(grid)' (see `doorstep grids`)", exitCode: ExitStatus.notFound)
        }
        let ledger = KeyPlaceLedger(places: data.keyPlaces, visits: data.placeVisits, month: LiveOverview.month(of: now, calendar: .local))
        let places = data.keyPlaces.filter { grid == nil || $0.gridCode == grid }
        let rows = places.map { p -> ListingRow in
            let last = ledger.visitsByPlace[p.code]?.first
            return [("code", p.code), ("grid", p.gridCode), ("name", p.name), ("kind", p.kind.rawValue), ("contact", p.contact),
                    ("visited_this_month", ledger.visited(p.code)), ("last_visit", last.map { isoTime($0.at) }),
                    ("last_note", last?.note)]
        }
        return try listing(rows, json: json, columns: ["code", "grid", "name", "kind", "visited_this_month", "last_visit"])
    }
}
