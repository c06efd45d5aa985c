import DoorstepDomain
import Foundation

/// The rows of joint handling (`departments.csv`, `responders.csv`, `call_ins.csv`), checked
/// against each other and the territory: every party in a department the data set lists,
/// every call-in on a ticket and a party it holds, one pending call-in per party and ticket.
enum JointRows {
    static let departmentColumns = ["code", "name_zh", "name_en", "answer_hours"]
    static let responderColumns = ["id", "name", "kind", "department", "phone", "community"]
    static let callInColumns = ["id", "ticket", "responder", "state", "requested_minutes_ago", "state_minutes_ago", "hours", "note"]

    static func departments(_ rows: [CSVTable.Record]) throws -> [Department] {
        var codes = Set<String>()
        return try rows.map { row in
            let hours = try row.integer("answer_hours")
            guard (1...720).contains(hours) else {
                throw SeedError(file: row.file, line: row.line, "column 'answer_hours': \(hours) is not 1 to 720")
            }
            return Department(code: try DataSet.unique(row, "code", in: &codes), nameZh: try row.required("name_zh"),
                              nameEn: try row.required("name_en"), answerHours: hours)
        }
    }

    static func responders(_ rows: [CSVTable.Record], departments: Set<String>, communities: Set<String>) throws -> [Responder] {
        var ids = Set<String>()
        return try rows.map { row in
            let id = try DataSet.unique(row, "id", in: &ids)
            let department = try row.required("department")
            guard departments.contains(department) else {
                throw SeedError(file: row.file, line: row.line, "column 'department': no department '\(department)' in departments.csv")
            }
            let community = DataSet.nonEmpty(row.optional("community"))
            if let community, !communities.contains(community) {
                throw SeedError(file: row.file, line: row.line, "column 'community': no community '\(community)'")
            }
            return Responder(id: id, name: try row.required("name"), kind: try row.choice("kind", as: ResponderKind.self),
                             departmentCode: department, phone: row.optional("phone"), communityCode: community)
        }
    }

    static func callIns(_ rows: [CSVTable.Record], tickets: [Ticket], responders: [Responder], now: Date) throws -> [CallIn] {
        let ticketByID = Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let known = Set(responders.map(\.id))
        var ids = Set<String>()
        var pending: [String: Int] = [:]
        return try rows.map { row in
            let id = try DataSet.unique(row, "id", in: &ids)
            let ticketID = try row.required("ticket")
            guard let ticket = ticketByID[ticketID] else { throw SeedError(file: row.file, line: row.line, "column 'ticket': no ticket '\(ticketID)'") }
            let responder = try row.required("responder")
            guard known.contains(responder) else {
                throw SeedError(file: row.file, line: row.line, "column 'responder': no responder '\(responder)' in responders.csv")
            }
            let state = try row.choice("state", as: CallIn.State.self)
            let requested = try row.integer("requested_minutes_ago")
            let since = try row.integer("state_minutes_ago")
            guard requested >= 0, since >= 0, since <= requested else {
                throw SeedError(file: row.file, line: row.line, "state_minutes_ago must be between 0 and requested_minutes_ago")
            }
            let requestedAt = now.addingTimeInterval(TimeInterval(-requested * 60))
            guard requestedAt >= ticket.createdAt else {
                throw SeedError(file: row.file, line: row.line, "column 'requested_minutes_ago': before ticket '\(ticketID)' was ordered")
            }
            let hours = try row.integer("hours")
            guard (1...720).contains(hours) else { throw SeedError(file: row.file, line: row.line, "column 'hours': \(hours) is not 1 to 720") }
            if state.isPending {
                guard ticket.state.isOpen else {
                    throw SeedError(file: row.file, line: row.line, "a pending call-in needs an open ticket; '\(ticketID)' is \(ticket.state.rawValue)")
                }
                let key = ticketID + "|" + responder
                if let first = pending[key] {
                    throw SeedError(file: row.file, line: row.line, "'\(responder)' is already pending on '\(ticketID)' (line \(first))")
                }
                pending[key] = row.line
            }
            let note = DataSet.nonEmpty(row.optional("note"))
            if note == nil, state == .handled || state == .declined || state == .withdrawn {
                throw SeedError(file: row.file, line: row.line, "column 'note': a \(state.rawValue) call-in says why")
            }
            return CallIn(id: id, ticketID: ticketID, responderID: responder, requestedBy: "init", requestedAt: requestedAt,
                          dueAt: requestedAt.addingTimeInterval(TimeInterval(hours * 3600)), state: state,
                          stateSince: now.addingTimeInterval(TimeInterval(-since * 60)), note: note)
        }
    }
}
