import DoorstepDomain
import Foundation
import GRDB

/// 重点场所: key places and their visits.
extension Records {
    static func keyPlace(_ row: Fields) throws -> KeyPlace {
        let code = try row.text("code", in: "key_place")
        let place = { "key_place \(code)" }
        return KeyPlace(code: code, gridCode: try row.text("grid", in: place()), name: try row.text("name", in: place()),
                        kind: try row.choice("kind", as: KeyPlace.Kind.self, in: place()), contact: row.optionalText("contact") ?? "",
                        phone: row.optionalText("phone") ?? "")
    }

    static func placeVisit(_ row: Fields) throws -> PlaceVisit {
        let id = try row.text("id", in: "place_visit")
        let place = { "place_visit \(id)" }
        return PlaceVisit(id: id, placeCode: try row.text("place", in: place()), staffID: try row.text("staff", in: place()),
                          at: try row.date("at", in: place()), note: row.optionalText("note"))
    }

    static func insert(_ p: KeyPlace, position: Int, _ db: some SQLSession) throws {
        try db.execute("INSERT INTO key_place (code, grid, name, kind, contact, phone, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [p.code, p.gridCode, p.name, p.kind.rawValue, p.contact, p.phone, position])
    }

    static func insert(_ v: PlaceVisit, _ db: some SQLSession) throws {
        try db.execute("INSERT INTO place_visit (id, place, staff, at, note) VALUES (?, ?, ?, ?, ?)",
                   [v.id, v.placeCode, v.staffID, v.at.timeIntervalSince1970, v.note])
    }
}

extension SQLStore {
    public func logPlaceVisit(placeCode: String, staffID: String, note: String?, at time: Date) throws -> PlaceVisit {
        try write { db in
            try Self.require(db, table: "key_place", key: "code", placeCode, kind: "key place")
            try Self.require(db, table: "staff", key: "id", staffID, kind: "staff")
            try authorize(db, .visit(grid: try Self.grid(of: "key_place", "code", placeCode, db) ?? ""))
            let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            let visit = PlaceVisit(id: try Self.nextID(db, table: "place_visit", prefix: "PV", digits: 5), placeCode: placeCode, staffID: staffID,
                                   at: time, note: trimmed?.isEmpty == false ? trimmed : nil)
            try Records.insert(visit, db)
            try Self.append(db, .placeVisit(visitID: visit.id, placeCode: placeCode), by: staffID, at: time)
            return visit
        }
    }

    public func placeVisits(ids: [String]) throws -> [PlaceVisit] {
        guard !ids.isEmpty else { return [] }
        return try read { db in try Self.rows(db, ids, table: "place_visit", key: "id", Records.placeVisit) }
    }
}
