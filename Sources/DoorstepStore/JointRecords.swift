import DoorstepDomain
import Foundation
import GRDB

/// Rows of the joint-handling tables (department, responder, call_in) to values and back.
extension Records {
    static func department(_ row: Fields) throws -> Department {
        let code = try row.text("code", in: "department")
        let place = { "department \(code)" }
        return Department(code: code, nameZh: try row.text("name_zh", in: place()), nameEn: try row.text("name_en", in: place()),
                          answerHours: try row.integer("answer_hours", in: place()))
    }

    static func responder(_ row: Fields) throws -> Responder {
        let id = try row.text("id", in: "responder")
        let place = { "responder \(id)" }
        return Responder(
            id: id, name: try row.text("name", in: place()), kind: try row.choice("kind", as: ResponderKind.self, in: place()),
            departmentCode: try row.text("department", in: place()), phone: row.optionalText("phone") ?? "",
            communityCode: row.optionalText("community"))
    }

    static func callIn(_ row: Fields) throws -> CallIn {
        let id = try row.text("id", in: "call_in")
        let place = { "call_in \(id)" }
        return CallIn(
            id: id, ticketID: try row.text("ticket", in: place()), responderID: try row.text("responder", in: place()),
            requestedBy: try row.text("requested_by", in: place()), requestedAt: try row.date("requested_at", in: place()),
            dueAt: try row.date("due_at", in: place()), state: try row.choice("state", as: CallIn.State.self, in: place()),
            stateSince: try row.date("state_since", in: place()), note: row.optionalText("note"))
    }

    static func insert(_ d: Department, position: Int, _ db: some SQLSession) throws {
        try db.execute("""
            INSERT INTO department (code, name_zh, name_en, answer_hours, position) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, answer_hours = excluded.answer_hours
            """, [d.code, d.nameZh, d.nameEn, d.answerHours, position])
    }

    static func insert(_ r: Responder, position: Int, _ db: some SQLSession) throws {
        try db.execute("""
            INSERT INTO responder (id, name, kind, department, phone, community, position) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, department = excluded.department,
                phone = excluded.phone, community = excluded.community
            """, [r.id, r.name, r.kind.rawValue, r.departmentCode, r.phone, r.communityCode, position])
    }

    static func insert(_ c: CallIn, _ db: some SQLSession) throws {
        try db.execute("""
            INSERT INTO call_in (id, ticket, responder, requested_by, requested_at, due_at, state, state_since, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET state = excluded.state, state_since = excluded.state_since, note = excluded.note
            """, [c.id, c.ticketID, c.responderID, c.requestedBy, c.requestedAt.timeIntervalSince1970, c.dueAt.timeIntervalSince1970,
                  c.state.rawValue, c.stateSince.timeIntervalSince1970, c.note])
    }
}
