import DoorstepDomain
import Foundation
import GRDB

extension SQLStore {
    public func replaceAll(with data: CentreData, at time: Date) throws {
        try write { db in
            try authorize(db, .importData)
            for table in ["idempotency", "alarm", "operator", "event", "place_visit", "key_place", "four_clears", "care_record", "care_service", "care_plan", "call_in", "responder", "department", "call", "visit", "hazard", "party_member", "party_org", "service_point", "ticket_transition", "ticket", "category", "household", "staff",
                          "building", "microgrid", "grid", "community", "subdistrict", "street", "counter"] {
                try db.execute("DELETE FROM \(table)", [])
            }
            switch db.dialect {
            case .sqlite: try db.execute("DELETE FROM sqlite_sequence WHERE name IN ('event', 'ticket_transition')", [])
            case .postgres:
                try db.execute("SELECT setval(pg_get_serial_sequence('event', 'seq'), 1, false)", [])
                try db.execute("SELECT setval(pg_get_serial_sequence('ticket_transition', 'id'), 1, false)", [])
            }
            let s = data.centre
            try db.execute("INSERT INTO street (code, name, duty_start, duty_end) VALUES (?, ?, ?, ?)",
                           [s.code, s.name, s.dutyHours.lowerBound, s.dutyHours.upperBound])
            for (i, d) in data.streets.enumerated() {
                try db.execute("INSERT INTO subdistrict (code, name, district, position) VALUES (?, ?, ?, ?)", [d.code, d.name, d.district, i])
            }
            for (i, c) in data.communities.enumerated() {
                try db.execute("INSERT INTO community (code, name, position, subdistrict) VALUES (?, ?, ?, ?)",
                           [c.code, c.name, i, c.streetCode])
            }
            for (i, g) in data.grids.enumerated() {
                try db.execute("INSERT INTO grid (code, community, name, position) VALUES (?, ?, ?, ?)",
                               [g.code, g.communityCode, g.name, i])
            }
            for m in data.microGrids {
                try db.execute("INSERT INTO microgrid (code, grid, name, chief) VALUES (?, ?, ?, ?)",
                               [m.code, m.gridCode, m.name, m.chiefID])
            }
            for b in data.buildings {
                try db.execute("INSERT INTO building (code, grid, microgrid, name, chief) VALUES (?, ?, ?, ?, ?)",
                               [b.code, b.gridCode, b.microGridCode, b.name, b.chiefID])
            }
            for h in data.households {
                try Records.insert(h, db)
                if let clears = h.clears { try Records.insert(clears, of: h.id, db) }
            }
            for (i, person) in data.staff.enumerated() { try Records.insert(person, position: i, db) }
            for (i, c) in data.categories.enumerated() {
                try db.execute("""
                    INSERT INTO category (code, name_zh, name_en, dispatch_minutes, accept_minutes, resolve_minutes, position)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [c.code, c.nameZh, c.nameEn, c.dispatchMinutes, c.acceptMinutes, c.resolveMinutes, i])
            }
            for t in data.tickets { try Records.insert(t, db) }
            for z in data.hazards {
                try db.execute("INSERT INTO hazard (id, grid, kind, severity, status, title, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                               [z.id, z.gridCode, z.kind.rawValue, z.severity.rawValue, z.status.rawValue, z.title,
                                           z.openedAt.timeIntervalSince1970])
            }
            for v in data.visits { try Records.insert(v, db) }
            for c in data.calls { try Records.insert(c, db) }
            for (i, o) in data.partyOrganisations.enumerated() {
                try db.execute("INSERT INTO party_org (code, kind, name, community, grid, building, parent, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           [o.code, o.kind.rawValue, o.name, o.communityCode, o.gridCode, o.buildingCode, o.parentCode, i])
            }
            for (i, m) in data.partyMembers.enumerated() {
                try db.execute("""
                    INSERT INTO party_member (id, name, phone, org, post, building, functional, staff, position)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [m.id, m.name, m.phone, m.orgCode, m.post.rawValue, m.buildingCode, m.functionalCode, m.staffID, i])
            }
            for (i, p) in data.servicePoints.enumerated() {
                try db.execute("INSERT INTO service_point (code, level, name, community, grid, hours, services, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           [p.code, p.level.rawValue, p.name, p.communityCode, p.gridCode, p.hours, p.services.joined(separator: "|"), i])
            }
            for (i, d) in data.departments.enumerated() { try Records.insert(d, position: i, db) }
            for (i, r) in data.responders.enumerated() { try Records.insert(r, position: i, db) }
            for c in data.callIns { try Records.insert(c, db) }
            for (i, p) in data.keyPlaces.enumerated() { try Records.insert(p, position: i, db) }
            for v in data.placeVisits { try Records.insert(v, db) }
            for (i, op) in data.operators.enumerated() { try Records.insert(op, position: i, db) }
            for plan in data.carePlans {
                try Records.insert(plan, db)
                for service in plan.services { try Records.insert(service, db) }
            }
            try Self.append(db, .initialised(centreCode: s.code, grids: data.grids.count), by: "init", at: time)
        }
    }

    public func order(_ request: OrderRequest, by actor: String, at time: Date) throws -> Ticket {
        guard let ticket = try order([request], by: actor, at: time).first else {
            throw StoreError.unavailable("the order was not written")
        }
        return ticket
    }

    public func order(_ requests: [OrderRequest], by actor: String, at time: Date) throws -> [Ticket] {
        let titles = try requests.enumerated().map { n, request in
            let title = request.title.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !title.isEmpty else {
                throw StoreError.invalid(requests.count == 1 ? "an order needs a title" : "order \(n + 1) of \(requests.count) has no title")
            }
            return title
        }
        return try write { db in try insertOrders(db, requests, titles: titles, by: actor, at: time) }
    }

    /// The orders' rows and events, in the caller's write transaction (titles checked).
    func insertOrders(_ db: some SQLSession, _ requests: [OrderRequest], titles: [String], by actor: String, at time: Date) throws -> [Ticket] {
        // each grid and category named is checked once, in one query, not once per order
        try Self.requireAll(db, table: "grid", key: "code", requests.map(\.gridCode), kind: "grid")
        try Self.requireAll(db, table: "category", key: "code", requests.map(\.categoryCode), kind: "category")
        for grid in Set(requests.map(\.gridCode)).sorted() { try authorize(db, .order(grid: grid)) }
        let ids = try Self.nextIDs(db, table: "ticket", prefix: "T", digits: 5, count: requests.count)
        let at = time.timeIntervalSince1970
        let tickets = zip(requests, zip(ids, titles)).map { request, named in
            let orderedAt = min(request.orderedAt ?? time, time)
            return Ticket(
                id: named.0, gridCode: request.gridCode, categoryCode: request.categoryCode, source: request.source,
                priority: request.priority, state: .ordered, title: named.1, residentName: request.residentName,
                residentPhone: request.residentPhone, createdAt: orderedAt, stateSince: orderedAt)
        }
        let channels = Dictionary(zip(ids, requests.map(\.channel)), uniquingKeysWith: { a, _ in a })
        // many rows a statement (SQLite runs one program per statement, not per row); a new
        // order has no assignee, note, rating or later times yet: those columns stay NULL
        var start = 0
        while start < tickets.count {
            let chunk = tickets[start..<min(tickets.count, start + Self.rowsPerInsert)]
            var ticketValues: [any SQLArgument] = []
            var eventValues: [any SQLArgument] = []
            ticketValues.reserveCapacity(chunk.count * 11)
            eventValues.reserveCapacity(chunk.count * 6)
            for t in chunk {
                let created = t.createdAt.timeIntervalSince1970
                ticketValues += [t.id, t.gridCode, t.categoryCode, t.source.rawValue, t.priority.rawValue, t.title, t.residentName,
                                 t.residentPhone, created, created, channels[t.id] ?? nil]
                let event = EventCodec.encode(.ticket(id: t.id, .ordered(title: t.title)))
                eventValues += [at, event.kind, event.subject, actor, event.detail, t.gridCode]
            }
            try db.execute("""
                INSERT INTO ticket (id, grid, category, source, priority, state, title, resident_name, resident_phone,
                                    created_at, state_since, channel) VALUES
                """ + Array(repeating: "(?, ?, ?, ?, ?, 'ordered', ?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", "), ticketValues)
            try db.execute("INSERT INTO event (at, kind, subject, actor, detail, grid) VALUES "
                + Array(repeating: "(?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", "), eventValues)
            start += chunk.count
        }
        return tickets
    }

    /// Rows written by one INSERT in a bulk order (11 values a row, well under SQLite's limit).
    static var rowsPerInsert: Int { 100 }

    public func act(on ticketID: String, _ action: TicketAction, by actor: String, at time: Date, overriding: String?) throws -> Ticket {
        try write { db in
            guard let row = try db.row("SELECT * FROM ticket WHERE id = ?", [ticketID]) else {
                throw StoreError.notFound(kind: "ticket", id: ticketID)
            }
            let ticket = try Records.ticket(row)
            try authorize(db, .ticket(action, grid: ticket.gridCode))
            switch action {
            case .dispatch(let grid, let assignee):
                try Self.require(db, table: "grid", key: "code", grid, kind: "grid")
                if let assignee { try Self.require(db, table: "staff", key: "id", assignee, kind: "staff") }
            case .accept(let staff), .resolve(let staff, _):
                try Self.require(db, table: "staff", key: "id", staff, kind: "staff")
            case .rate, .escalate, .cancel:
                break
            }
            let next: Ticket
            let transition: TicketTransition
            do {
                (next, transition) = try ticket.applying(action, by: actor, at: time)
            } catch let refusal as TransitionError {
                throw StoreError.conflict(refusal, lastMove: try Self.lastMove(db, ticketID))
            }
            try Self.settleCallIns(db, ticketID: ticketID, action: action, overriding: overriding, by: actor, at: time)
            try Records.insert(next, db)
            let change = TicketChange(action)
            let detail = EventCodec.encode(.ticket(id: ticketID, change)).detail
            try db.execute("""
                INSERT INTO ticket_transition (ticket, from_state, to_state, action, actor, at, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [ticketID, transition.from.rawValue, transition.to.rawValue, action.verb, actor,
                                 time.timeIntervalSince1970, detail])
            try Self.append(db, .ticket(id: ticketID, change), prior: .ticket(TicketStanding(ticket)), by: actor, at: time)
            return next
        }
    }

    public func setDuty(staffID: String, _ duty: DutyState, by actor: String, at time: Date) throws -> Staff {
        try write { db in
            // the person read once: their scope for the check, their duty before for the event's prior
            guard let row = try db.row("SELECT * FROM staff WHERE id = ?", [staffID]) else {
                throw StoreError.notFound(kind: "staff", id: staffID)
            }
            var person = try Records.staff(row)
            if operatorID != nil { try authorize(db, .duty(grid: person.gridCode, community: person.communityCode)) }
            let was = person.duty
            _ = try db.execute("UPDATE staff SET duty = ? WHERE id = ?", [duty.rawValue, staffID])
            person.duty = duty
            try Self.append(db, .duty(staffID: staffID, duty), prior: .duty(was), by: actor, at: time)
            return person
        }
    }

    public func logVisit(householdID: String, staffID: String, at time: Date) throws -> Visit {
        try write { db in
            try Self.require(db, table: "household", key: "id", householdID, kind: "household")
            try Self.require(db, table: "staff", key: "id", staffID, kind: "staff")
            try authorize(db, .visit(grid: try Self.grid(of: "household", "id", householdID, db) ?? ""))
            let visit = Visit(id: try Self.nextID(db, table: "visit", prefix: "V", digits: 5), householdID: householdID, staffID: staffID, at: time)
            try Records.insert(visit, db)
            try Self.append(db, .visit(visitID: visit.id, householdID: householdID), by: staffID, at: time)
            return visit
        }
    }

    public func placeCalls(to staffIDs: [String], gridCode: String?, by actor: String, at time: Date) throws -> [Call] {
        guard !staffIDs.isEmpty else { throw StoreError.invalid("nobody to call") }
        return try write { db in
            if let gridCode { try Self.require(db, table: "grid", key: "code", gridCode, kind: "grid") }
            // a grid's people called together, or each where they work
            if operatorID != nil {
                let grids = try gridCode.map { [$0] } ?? staffIDs.map { try Self.grid(of: "staff", "id", $0, db) }
                for grid in Set(grids) { try authorize(db, .calls(grid: grid)) }
            }
            var calls: [Call] = []
            for staffID in staffIDs {
                // staff, or a Party member who holds no grid post
                if try db.row("SELECT 1 FROM party_member WHERE id = ?", [staffID]) == nil {
                    try Self.require(db, table: "staff", key: "id", staffID, kind: "staff")
                }
                let call = Call(
                    id: try Self.nextID(db, table: "call", prefix: "C", digits: 6), staffID: staffID, gridCode: gridCode,
                    placedBy: actor, placedAt: time, state: .ringing, stateSince: time)
                try Records.insert(call, db)
                try Self.append(db, .callPlaced(callID: call.id, staffID: staffID), by: actor, at: time)
                calls.append(call)
            }
            return calls
        }
    }

    public func acknowledge(callID: String, staffID: String, accept: Bool, timeout: TimeInterval, at time: Date) throws -> Call {
        try write { db in
            guard let row = try db.row("SELECT * FROM call WHERE id = ?", [callID]) else {
                throw StoreError.notFound(kind: "call", id: callID)
            }
            let call = try Records.call(row)
            try authorize(db, .answerCall(grid: try call.gridCode ?? Self.grid(of: "staff", "id", call.staffID, db)))
            guard call.staffID == staffID else {
                throw StoreError.invalid("call \(callID) is for \(call.staffID), not \(staffID)")
            }
            switch call.answering(accept: accept, at: time, timeout: timeout) {
            case .failure(let error):
                throw StoreError.call(error)
            case .success(let next):
                try Records.insert(next, db)
                try Self.append(db, .callAnswered(callID: callID, accepted: accept), by: staffID, at: time)
                return next
            }
        }
    }

    public func recordPhone(_ answer: PhoneAnswer, callID: String, timeout: TimeInterval, at time: Date) throws -> Call {
        try write { db in
            guard let row = try db.row("SELECT * FROM call WHERE id = ?", [callID]) else {
                throw StoreError.notFound(kind: "call", id: callID)
            }
            let call = try Records.call(row)
            try authorize(db, .answerCall(grid: try call.gridCode ?? Self.grid(of: "staff", "id", call.staffID, db)))
            let next: Result<Call, CallError>
            let change: Change
            var actor = call.staffID
            switch answer {
            case .answered:
                next = call.answering(accept: true, at: time, timeout: timeout)
                change = .callAnswered(callID: callID, accepted: true, how: "phone")
            case .declined(let reason):
                next = call.answering(accept: false, at: time, timeout: timeout)
                change = .callAnswered(callID: callID, accepted: false, how: reason)
            case .failed(let reason):
                next = call.failing(at: time, timeout: timeout)
                change = .callFailed(callID: callID, reason: reason)
                actor = PhoneAnswer.phoneSystem
            case .pressed(let key):
                let state = call.state(at: time, timeout: timeout)
                next = state == .answered ? .success(call) : .failure(CallError(callID: callID, state: state))
                change = .callConfirmed(callID: callID, key: key)
            }
            switch next {
            case .failure(let error):
                throw StoreError.call(error)
            case .success(let updated):
                if updated != call { try Records.insert(updated, db) }
                try Self.append(db, change, by: actor, at: time)
                return updated
            }
        }
    }

    public func escalate(callID: String, to staffIDs: [String], timeout: TimeInterval, by actor: String, at time: Date) throws -> [Call] {
        try write { db in
            guard let row = try db.row("SELECT * FROM call WHERE id = ?", [callID]) else {
                throw StoreError.notFound(kind: "call", id: callID)
            }
            var missed = try Records.call(row)
            try authorize(db, .calls(grid: try missed.gridCode ?? Self.grid(of: "staff", "id", missed.staffID, db)))
            let state = missed.state(at: time, timeout: timeout)
            guard state == .missed || state == .failed else { throw StoreError.call(CallError(callID: callID, state: state)) }
            missed.state = .escalated
            missed.stateSince = time
            try Records.insert(missed, db)
            try Self.append(db, .callEscalated(callID: callID, to: staffIDs), by: actor, at: time)
            var next: [Call] = []
            for staffID in staffIDs {
                try Self.require(db, table: "staff", key: "id", staffID, kind: "staff")
                let call = Call(
                    id: try Self.nextID(db, table: "call", prefix: "C", digits: 6), staffID: staffID, gridCode: missed.gridCode,
                    placedBy: actor, placedAt: time, state: .ringing, stateSince: time, escalatedFrom: callID)
                try Records.insert(call, db)
                try Self.append(db, .callPlaced(callID: call.id, staffID: staffID), by: actor, at: time)
                next.append(call)
            }
            return next
        }
    }

    public func recordReveal(of subject: String, by actor: String, at time: Date) throws {
        try write { db in
            // the subject is a ticket or a household: its grid decides who may see it
            try authorize(db, .reveal(grid: try Self.grid(of: "ticket", "id", subject, db) ?? Self.grid(of: "household", "id", subject, db)))
            try Self.append(db, .revealed(subject: subject), by: actor, at: time)
        }
    }

    public func upsert(households: [Household], source: String, at time: Date) throws -> Int {
        try write { db in
            try authorize(db, .importData)
            for household in households {
                guard let grid = try db.text("grid", "SELECT grid FROM building WHERE code = ?", [household.buildingCode]) else {
                    throw StoreError.notFound(kind: "building", id: household.buildingCode)
                }
                var row = household
                row.gridCode = grid
                try Records.insert(row, db)
            }
            try Self.append(db, .imported(.households, source: source, rows: households.count), by: "import", at: time)
            return households.count
        }
    }

    public func upsert(staff: [Staff], source: String, at time: Date) throws -> Int {
        try write { db in
            try authorize(db, .importData)
            var position = try db.integer("n", "SELECT COALESCE(MAX(position), 0) + 1 AS n FROM staff", []) ?? 0
            for person in staff {
                if let grid = person.gridCode { try Self.require(db, table: "grid", key: "code", grid, kind: "grid") }
                if let community = person.communityCode { try Self.require(db, table: "community", key: "code", community, kind: "community") }
                try Records.insert(person, position: position, db)
                position += 1
            }
            try Self.append(db, .imported(.staff, source: source, rows: staff.count), by: "import", at: time)
            return staff.count
        }
    }

    public func upsert(partyMembers: [PartyMember], source: String, at time: Date) throws -> Int {
        try write { db in
            try authorize(db, .importData)
            try Self.requireAll(db, table: "party_org", key: "code", partyMembers.map(\.orgCode), kind: "Party organisation")
            try Self.requireAll(db, table: "staff", key: "id", partyMembers.compactMap(\.staffID), kind: "staff")
            try Self.requireAll(db, table: "building", key: "code", partyMembers.compactMap(\.buildingCode), kind: "building")
            try Self.requireAll(db, table: "party_org", key: "code", partyMembers.compactMap(\.functionalCode), kind: "Party organisation")
            // one secretary (or group leader) per organisation: the list against itself and
            // against whoever holds the post in the store already
            // (a holder the list itself updates is judged by the post the list gives them)
            let listed = Set(partyMembers.map(\.id))
            var leaders: [String: String] = [:]
            for m in partyMembers where m.post == .secretary || m.post == .groupLeader {
                let key = m.orgCode + "|" + m.post.rawValue
                let stored = try db.text("id", "SELECT id FROM party_member WHERE org = ? AND post = ?", [m.orgCode, m.post.rawValue])
                let holder = leaders[key] ?? stored.flatMap { listed.contains($0) ? nil : $0 }
                if let holder, holder != m.id {
                    throw StoreError.invalid("\(m.id) would be a second \(m.post.rawValue) of \(m.orgCode): \(holder) holds it")
                }
                leaders[key] = m.id
            }
            var position = try db.integer("n", "SELECT COALESCE(MAX(position), 0) + 1 AS n FROM party_member", []) ?? 0
            for m in partyMembers {
                // an updated member keeps its place in the list
                let kept = try db.integer("position", "SELECT position FROM party_member WHERE id = ?", [m.id])
                try db.execute("""
                    INSERT INTO party_member (id, name, phone, org, post, building, functional, staff, position)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET name = excluded.name, phone = excluded.phone, org = excluded.org, post = excluded.post,
                        building = excluded.building, functional = excluded.functional, staff = excluded.staff, position = excluded.position
                    """, [m.id, m.name, m.phone, m.orgCode, m.post.rawValue, m.buildingCode, m.functionalCode, m.staffID, kept ?? position])
                if kept == nil { position += 1 }
            }
            try Self.append(db, .imported(.partyMembers, source: source, rows: partyMembers.count), by: "import", at: time)
            return partyMembers.count
        }
    }

    /// Appends tickets in one transaction without events: for building a (synthetic) data set
    /// after `replaceAll`, not for work that others must see as changes.
    public func appendTickets(_ tickets: [Ticket]) throws {
        try write { db in for ticket in tickets { try Records.insert(ticket, db) } }
    }

    public func appendCallIns(_ callIns: [CallIn]) throws {
        try write { db in for callIn in callIns { try Records.insert(callIn, db) } }
    }

    // MARK: Helpers

    static func require(_ db: some SQLSession, table: String, key: String, _ value: String, kind: String) throws {
        try requireAll(db, table: table, key: key, [value], kind: kind)
    }

    /// That a row of `table` has each of `values` in `key`, in one query per 500: the first
    /// value (in the order given) with no row is reported.
    static func requireAll(_ db: some SQLSession, table: String, key: String, _ values: [String], kind: String) throws {
        let wanted = Array(Set(values))
        var found: Set<String> = []
        var start = 0
        while start < wanted.count {
            let batch = Array(wanted[start..<min(wanted.count, start + 500)])
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
            // one or a few values (a single action's checks) keep their statement compiled
            let sql = "SELECT \(key) FROM \(table) WHERE \(key) IN (\(marks))"
            found.formUnion(try db.rows(sql, batch, cached: batch.count <= 4) { $0.string(key) }.compactMap { $0 })
            start += batch.count
        }
        if let missing = values.first(where: { !found.contains($0) }) { throw StoreError.notFound(kind: kind, id: missing) }
    }

    /// Who last moved a ticket, to which state and when, for a refusal.
    static func lastMove(_ db: some SQLSession, _ ticketID: String) throws -> LastMove? {
        let place = "ticket_transition of \(ticketID)"
        return try db.first("SELECT to_state, actor, at FROM ticket_transition WHERE ticket = ? ORDER BY id DESC LIMIT 1", [ticketID]) { fields in
            LastMove(actor: try fields.text("actor", in: place), to: try fields.choice("to_state", as: TicketState.self, in: place),
                     at: try fields.date("at", in: place))
        }
    }

}

extension SQLiteStore {
    /// The benchmark's yardstick: the same ticket rows through one bare prepared INSERT into
    /// the ticket table in a single transaction (no checks, no ids allocated, no events). Not a
    /// write path: the bench runs it on a scratch database.
    @_spi(Bench) public func rawInsert(tickets requests: [OrderRequest], at time: Date) throws {
        try write { db in
            let statement = try db.makeStatement(sql: """
                INSERT INTO ticket (id, grid, category, source, priority, state, title, resident_name, resident_phone,
                                    created_at, state_since) VALUES (?, ?, ?, ?, ?, 'ordered', ?, ?, ?, ?, ?)
                """)
            for (n, request) in requests.enumerated() {
                try statement.execute(arguments: [
                    "B\(n)", request.gridCode, request.categoryCode, request.source.rawValue, request.priority.rawValue, request.title,
                    request.residentName, request.residentPhone, time.timeIntervalSince1970, time.timeIntervalSince1970,
                ])
            }
        }
    }
}

extension SQLStore {
    /// The yardstick on a server: the same ticket rows as bare multi-row INSERTs (a thousand
    /// rows a statement) in one transaction — no checks, no ids allocated, no events. Not a
    /// write path: the bench runs it on a scratch database.
    @_spi(Bench) public func rawMultiRowInsert(tickets requests: [OrderRequest], at time: Date) throws {
        try write { db in
            for start in stride(from: 0, to: requests.count, by: 1_000) {
                let batch = requests[start..<min(requests.count, start + 1_000)]
                var arguments: [any SQLArgument] = []
                arguments.reserveCapacity(batch.count * 10)
                for (n, request) in zip(start..., batch) {
                    arguments += ["R\(n)", request.gridCode, request.categoryCode, request.source.rawValue, request.priority.rawValue,
                                  request.title, request.residentName, request.residentPhone, time.timeIntervalSince1970, time.timeIntervalSince1970]
                }
                let rows = Array(repeating: "(?, ?, ?, ?, ?, 'ordered', ?, ?, ?, ?, ?)", count: batch.count).joined(separator: ", ")
                _ = try db.execute("""
                    INSERT INTO ticket (id, grid, category, source, priority, state, title, resident_name, resident_phone,
                                        created_at, state_since) VALUES \(rows)
                    """, arguments)
            }
        }
    }
}
