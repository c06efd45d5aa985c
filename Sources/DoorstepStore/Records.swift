import DoorstepDomain
import Foundation
import GRDB

/// Row ↔ model mapping, one function per table.
enum Records {
    static func centre(_ row: Fields) throws -> Centre {
        let code = try row.text("code", in: "street")
        let start = try row.integer("duty_start", in: "street \(code)")
        return Centre(code: code, name: try row.text("name", in: "street \(code)"),
                      dutyHours: start ..< max(start, try row.integer("duty_end", in: "street \(code)")))
    }

    static func community(_ row: Fields) throws -> Community {
        let code = try row.text("code", in: "community")
        return Community(code: code, name: try row.text("name", in: "community \(code)"), streetCode: row.optionalText("subdistrict"))
    }

    static func street(_ row: Fields) throws -> Street {
        let code = try row.text("code", in: "subdistrict")
        return Street(code: code, name: try row.text("name", in: "subdistrict \(code)"), district: row.optionalText("district") ?? "")
    }

    /// A closed ticket's part in the figures, from `SELECT id, state, state_since, dispatched_at, accepted_at, rating`.
    static func outcome(_ row: Fields) throws -> TicketOutcome {
        let id = try row.text("id", in: "ticket")
        let place = { "ticket \(id)" }
        let state = try row.choice("state", as: TicketState.self, in: place())
        let since = try row.date("state_since", in: place())
        let dispatched = row.optionalDate("dispatched_at")
        let accepted = row.optionalDate("accepted_at")
        return TicketOutcome(id: id, state: state, stateSince: since, dispatchedAt: dispatched, acceptedAt: accepted,
                             rating: row.optionalInteger("rating"))
    }

    /// An order in brief, from `SELECT id, grid, category, created_at, dispatched_at, accepted_at, rating, state`
    /// (its rating counts once it is rated).
    static func orderFacts(_ row: Fields) throws -> OrderFacts {
        let grid = try row.text("grid", in: "ticket")
        let place = { "a ticket of grid \(grid)" }
        let rated = try row.choice("state", as: TicketState.self, in: place()) == .rated
        return OrderFacts(gridCode: grid, categoryCode: try row.text("category", in: place()), createdAt: try row.date("created_at", in: place()),
                          dispatchedAt: row.optionalDate("dispatched_at"), acceptedAt: row.optionalDate("accepted_at"),
                          rating: rated ? row.optionalInteger("rating") : nil, ticketID: row.optionalText("id"))
    }

    static func grid(_ row: Fields) throws -> Grid {
        let code = try row.text("code", in: "grid")
        return Grid(code: code, name: try row.text("name", in: "grid \(code)"), communityCode: try row.text("community", in: "grid \(code)"))
    }

    static func microGrid(_ row: Fields) throws -> MicroGrid {
        let code = try row.text("code", in: "microgrid")
        return MicroGrid(code: code, name: try row.text("name", in: "microgrid \(code)"),
                         gridCode: try row.text("grid", in: "microgrid \(code)"), chiefID: row.optionalText("chief"))
    }

    static func building(_ row: Fields) throws -> Building {
        let code = try row.text("code", in: "building")
        let place = { "building \(code)" }
        return Building(code: code, name: try row.text("name", in: place()), gridCode: try row.text("grid", in: place()),
                        microGridCode: try row.text("microgrid", in: place()), chiefID: row.optionalText("chief"))
    }

    static func household(_ row: Fields) throws -> Household {
        let id = try row.text("id", in: "household")
        let place = { "household \(id)" }
        let tags = try row.text("must_visit", in: place()).split(separator: "|").compactMap { MustVisitKind(rawValue: String($0)) }
        return Household(id: id, buildingCode: try row.text("building", in: place()), gridCode: try row.text("grid", in: place()),
                         headName: try row.text("name", in: place()), phone: try row.text("phone", in: place()), mustVisit: Set(tags),
                         clears: fourClears(row))
    }

    static func staff(_ row: Fields) throws -> Staff {
        let id = try row.text("id", in: "staff")
        let place = { "staff \(id)" }
        let start = try row.integer("shift_start", in: place())
        return Staff(
            id: id, name: try row.text("name", in: place()), role: try row.choice("role", as: StaffRole.self, in: place()),
            gridCode: row.optionalText("grid"), communityCode: row.optionalText("community"), phone: try row.text("phone", in: place()),
            duty: try row.choice("duty", as: DutyState.self, in: place()), team: row.optionalText("team").flatMap(VanguardTeam.init),
            shift: start ..< max(start, try row.integer("shift_end", in: place())))
    }

    static func category(_ row: Fields) throws -> TicketCategory {
        let code = try row.text("code", in: "category")
        let place = { "category \(code)" }
        return TicketCategory(
            code: code, nameZh: try row.text("name_zh", in: place()), nameEn: try row.text("name_en", in: place()),
            dispatchMinutes: try row.integer("dispatch_minutes", in: place()), acceptMinutes: try row.integer("accept_minutes", in: place()),
            resolveMinutes: try row.integer("resolve_minutes", in: place()))
    }

    static func ticket(_ row: Fields) throws -> Ticket {
        // Swift 6.3.1's release optimiser crashes ("Found ownership error", CopyPropagation) on
        // `T.fromDatabaseValue(row[c] as DatabaseValue).map { … }` written inline: use the Row helpers.
        let id = try row.text("id", in: "ticket")
        let place = { "ticket \(id)" }
        let grid = try row.text("grid", in: place())
        let category = try row.text("category", in: place())
        let source = try row.choice("source", as: TicketSource.self, in: place())
        let priority = try row.choice("priority", as: TicketPriority.self, in: place())
        let state = try row.choice("state", as: TicketState.self, in: place())
        let title = try row.text("title", in: place())
        let residentName = try row.text("resident_name", in: place())
        let residentPhone = try row.text("resident_phone", in: place())
        let createdAt = try row.date("created_at", in: place())
        let stateSince = try row.date("state_since", in: place())
        let rating = row.optionalInteger("rating")
        let dispatchedAt = row.optionalDate("dispatched_at")
        let acceptedAt = row.optionalDate("accepted_at")
        return Ticket(
            id: id, gridCode: grid, categoryCode: category, source: source, priority: priority, state: state, title: title,
            residentName: residentName, residentPhone: residentPhone, createdAt: createdAt, stateSince: stateSince,
            assigneeID: row.optionalText("assignee"), resolutionNote: row.optionalText("resolution_note"), rating: rating,
            dispatchedAt: dispatchedAt, acceptedAt: acceptedAt)
    }

    static func visit(_ row: Fields) throws -> Visit {
        let id = try row.text("id", in: "visit")
        return Visit(id: id, householdID: try row.text("household", in: "visit \(id)"), staffID: try row.text("staff", in: "visit \(id)"),
                     at: try row.date("at", in: "visit \(id)"))
    }

    static func hazard(_ row: Fields) throws -> Hazard {
        let id = try row.text("id", in: "hazard")
        let place = { "hazard \(id)" }
        return Hazard(
            id: id, gridCode: try row.text("grid", in: place()), kind: try row.choice("kind", as: Hazard.Kind.self, in: place()),
            severity: try row.choice("severity", as: Hazard.Severity.self, in: place()),
            status: try row.choice("status", as: Hazard.Status.self, in: place()), title: try row.text("title", in: place()),
            openedAt: try row.date("opened_at", in: place()))
    }

    static func servicePoint(_ row: Fields) throws -> ServicePoint {
        let code = try row.text("code", in: "service_point")
        let place = { "service_point \(code)" }
        return ServicePoint(
            code: code, level: try row.choice("level", as: ServiceLevel.self, in: place()), name: try row.text("name", in: place()),
            communityCode: row.optionalText("community"), gridCode: row.optionalText("grid"), hours: try row.text("hours", in: place()),
            services: (row.optionalText("services") ?? "").split(separator: "|").map(String.init))
    }

    static func partyOrganisation(_ row: Fields) throws -> PartyOrganisation {
        let code = try row.text("code", in: "party_org")
        let place = { "party_org \(code)" }
        return PartyOrganisation(
            code: code, kind: try row.choice("kind", as: PartyOrgKind.self, in: place()), name: try row.text("name", in: place()),
            communityCode: row.optionalText("community"), gridCode: row.optionalText("grid"), buildingCode: row.optionalText("building"),
            parentCode: row.optionalText("parent"))
    }

    static func partyMember(_ row: Fields) throws -> PartyMember {
        let id = try row.text("id", in: "party_member")
        let place = { "party_member \(id)" }
        return PartyMember(
            id: id, name: try row.text("name", in: place()), phone: row.optionalText("phone") ?? "", orgCode: try row.text("org", in: place()),
            post: try row.choice("post", as: PartyPost.self, in: place()), buildingCode: row.optionalText("building"),
            functionalCode: row.optionalText("functional"), staffID: row.optionalText("staff"))
    }

    static func call(_ row: Fields) throws -> Call {
        let id = try row.text("id", in: "call")
        let place = { "call \(id)" }
        return Call(
            id: id, staffID: try row.text("staff", in: place()), gridCode: row.optionalText("grid"),
            placedBy: try row.text("placed_by", in: place()), placedAt: try row.date("placed_at", in: place()),
            state: try row.choice("state", as: Call.State.self, in: place()), stateSince: try row.date("state_since", in: place()),
            escalatedFrom: row.optionalText("escalated_from"))
    }

    static func event(_ row: Fields) throws -> ChangeEvent {
        let seq = Int64.fromDatabaseValue(row.value("seq")) ?? 0
        let place = { "event \(seq)" }
        let change = EventCodec.decode(
            kind: try row.text("kind", in: place()), subject: try row.text("subject", in: place()), detail: try row.text("detail", in: place()))
        return ChangeEvent(sequence: seq, at: try row.date("at", in: place()), actor: try row.text("actor", in: place()), change: change,
                           gridCode: row.optionalText("grid"), prior: EventCodec.decode(prior: row.optionalText("prior"), of: change.kind))
    }

    // MARK: Writing

    static func insert(_ t: Ticket, _ db: some SQLSession) throws {
        try db.execute("""
            INSERT INTO ticket (id, grid, category, source, priority, state, title, resident_name, resident_phone,
                                created_at, state_since, assignee, resolution_note, rating, dispatched_at, accepted_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET grid = excluded.grid, state = excluded.state, state_since = excluded.state_since,
                assignee = excluded.assignee, resolution_note = excluded.resolution_note, rating = excluded.rating,
                dispatched_at = excluded.dispatched_at, accepted_at = excluded.accepted_at
            """, [
                t.id, t.gridCode, t.categoryCode, t.source.rawValue, t.priority.rawValue, t.state.rawValue, t.title,
                t.residentName, t.residentPhone, t.createdAt.timeIntervalSince1970, t.stateSince.timeIntervalSince1970,
                t.assigneeID, t.resolutionNote, t.rating, t.dispatchedAt?.timeIntervalSince1970, t.acceptedAt?.timeIntervalSince1970,
            ])
    }

    static func insert(_ s: Staff, position: Int, _ db: some SQLSession) throws {
        try db.execute("""
            INSERT INTO staff (id, name, role, grid, community, phone, duty, team, shift_start, shift_end, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, grid = excluded.grid,
                community = excluded.community, phone = excluded.phone, team = excluded.team,
                shift_start = excluded.shift_start, shift_end = excluded.shift_end
            """, [
                s.id, s.name, s.role.rawValue, s.gridCode, s.communityCode, s.phone, s.duty.rawValue, s.team?.rawValue,
                s.shift.lowerBound, s.shift.upperBound, position,
            ])
    }

    static func insert(_ h: Household, _ db: some SQLSession) throws {
        try db.execute("""
            INSERT INTO household (id, building, grid, name, phone, must_visit) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET building = excluded.building, grid = excluded.grid, name = excluded.name,
                phone = excluded.phone, must_visit = excluded.must_visit
            """, [h.id, h.buildingCode, h.gridCode, h.headName, h.phone, h.mustVisit.map(\.rawValue).sorted().joined(separator: "|")])
    }

    static func insert(_ c: Call, _ db: some SQLSession) throws {
        try db.execute("""
            INSERT INTO call (id, staff, grid, placed_by, placed_at, state, state_since, escalated_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET state = excluded.state, state_since = excluded.state_since
            """, [c.id, c.staffID, c.gridCode, c.placedBy, c.placedAt.timeIntervalSince1970, c.state.rawValue,
                             c.stateSince.timeIntervalSince1970, c.escalatedFrom])
    }

    static func insert(_ v: Visit, _ db: some SQLSession) throws {
        try db.execute("INSERT INTO visit (id, household, staff, at) VALUES (?, ?, ?, ?)",
                       [v.id, v.householdID, v.staffID, v.at.timeIntervalSince1970])
    }
}
