import DoorstepDomain
import Foundation
import GRDB

/// The four_clears table: a household's 四清 facets, and when the household stops being clear.
extension Records {
    /// The columns of a facet: its note and when it was confirmed.
    static func columns(_ facet: FourClears.Facet) -> (note: String, at: String) { (facet.rawValue, facet.rawValue + "_at") }

    /// The facets of a household row joined with its four_clears row (nil when none is recorded).
    static func fourClears(_ row: Fields) -> FourClears? {
        var entries: [FourClears.Facet: FourClears.Entry] = [:]
        for facet in FourClears.Facet.allCases {
            let (note, at) = columns(facet)
            if let date = row.optionalDate(at) { entries[facet] = FourClears.Entry(note: row.optionalText(note) ?? "", confirmedAt: date) }
        }
        return entries.isEmpty ? nil : FourClears(entries)
    }

    static func insert(_ clears: FourClears, of household: String, _ db: some SQLSession) throws {
        var values: [any SQLArgument] = [household]
        for facet in FourClears.Facet.allCases {
            values.append(clears.entries[facet]?.note)
            values.append(clears.entries[facet]?.confirmedAt.timeIntervalSince1970)
        }
        values.append(clears.expiresAt?.timeIntervalSince1970)
        try db.execute("""
            INSERT INTO four_clears (household, family, family_at, category, category_at, needs, needs_at, hazards, hazards_at, expiry)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(household) DO UPDATE SET family = excluded.family, family_at = excluded.family_at, category = excluded.category,
                category_at = excluded.category_at, needs = excluded.needs, needs_at = excluded.needs_at, hazards = excluded.hazards,
                hazards_at = excluded.hazards_at, expiry = excluded.expiry
            """, values)
    }
}

extension SQLStore {
    /// The columns a household is read with: its own and its 四清.
    static var householdColumns: String { """
        h.*, c.family, c.family_at, c.category, c.category_at, c.needs, c.needs_at, c.hazards, c.hazards_at
        """ }

    public func confirmClears(householdID: String, _ notes: [FourClears.Facet: String], by actor: String, at time: Date) throws -> FourClears {
        guard !notes.isEmpty else { throw StoreError.invalid("nothing to confirm: name at least one of family, category, needs, hazards") }
        return try write { db in
            guard let row = try db.row("""
                SELECT \(Self.householdColumns) FROM household h LEFT JOIN four_clears c ON c.household = h.id WHERE h.id = ?
                """, [householdID]) else {
                throw StoreError.notFound(kind: "household", id: householdID)
            }
            let fields = row
            let grid = try fields.text("grid", in: "household \(householdID)")
            try authorize(db, .clears(grid: grid))
            let before = Records.fourClears(fields) ?? FourClears()
            var after = before
            for (facet, note) in notes {
                after.entries[facet] = FourClears.Entry(note: note.trimmingCharacters(in: .whitespacesAndNewlines), confirmedAt: time)
            }
            try Records.insert(after, of: householdID, db)
            try Self.append(db, .fourClears(householdID: householdID, gridCode: grid, from: before.expiresAt, to: after.expiresAt),
                            by: actor, at: time)
            return after
        }
    }

    /// Every grid's household count and its clear households' expiries (one scan each).
    static func loadFourClears(_ db: some SQLSession) throws -> FourClearsCensus {
        var totals: [String: Int] = [:]
        for (grid, n) in try db.rows("SELECT grid, COUNT(*) AS n FROM household GROUP BY grid", [], { ($0.string("grid") ?? "", $0.optionalInteger("n") ?? 0) }) {
            totals[grid] = n
        }
        var expiries: [String: [Date]] = [:]
        for (grid, expiry) in try db.rows("""
            SELECT h.grid AS grid, c.expiry AS expiry FROM four_clears c JOIN household h ON h.id = c.household WHERE c.expiry IS NOT NULL
            """, [], { ($0.string("grid") ?? "", $0.optionalDate("expiry") ?? Date(timeIntervalSince1970: 0)) }) {
            expiries[grid, default: []].append(expiry)
        }
        return FourClearsCensus(totals: totals, expiries: expiries)
    }
}
