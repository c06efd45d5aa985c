import DoorstepDomain
import Foundation

/// `key_places.csv` and `place_visits.csv`: the 重点场所 of each grid and their visits.
enum PlaceRows {
    static let placeColumns = ["code", "grid", "name", "kind", "contact", "phone"]
    static let visitColumns = ["id", "place", "staff", "days_ago", "note"]

    static func places(_ rows: [CSVTable.Record], grids: Set<String>) throws -> [KeyPlace] {
        var codes = Set<String>()
        return try rows.map { row in
            let code = try DataSet.unique(row, "code", in: &codes)
            let grid = try row.required("grid")
            guard grids.contains(grid) else { throw SeedError(file: row.file, line: row.line, "column 'grid': no grid '\(grid)'") }
            return KeyPlace(code: code, gridCode: grid, name: try row.required("name"), kind: try row.choice("kind", as: KeyPlace.Kind.self),
                            contact: row.optional("contact"), phone: row.optional("phone"))
        }
    }

    static func visits(_ rows: [CSVTable.Record], places: [KeyPlace], staff: Set<String>, now: Date) throws -> [PlaceVisit] {
        let known = Set(places.map(\.code))
        var ids = Set<String>()
        return try rows.map { row in
            let id = try DataSet.unique(row, "id", in: &ids)
            let place = try row.required("place")
            guard known.contains(place) else { throw SeedError(file: row.file, line: row.line, "column 'place': no key place '\(place)'") }
            let worker = try row.required("staff")
            guard staff.contains(worker) else { throw SeedError(file: row.file, line: row.line, "column 'staff': no staff '\(worker)'") }
            let days = try row.integer("days_ago")
            guard days >= 0 else { throw SeedError(file: row.file, line: row.line, "column 'days_ago' must not be negative") }
            return PlaceVisit(id: id, placeCode: place, staffID: worker, at: now.addingTimeInterval(TimeInterval(-days * 86_400)),
                              note: DataSet.nonEmpty(row.optional("note")))
        }
    }
}
