import DoorstepDomain
import Foundation
import GRDB

extension SQLStore {
    /// How many days of ratings `loadAll` brings (satisfaction looks back 30).
    static var recentDays: TimeInterval { 31 }
    /// How many days of other closed tickets it brings (resolved today, accepted in 24 hours).
    static var recentOutcomeDays: TimeInterval { 2 }

    /// The wall's working set as nine read transactions that the cores take in turn (a city's
    /// load takes about half the time on two cores). Open tickets in full; closed ones only as
    /// outcomes, and only those that count in a figure now: rated in the last month
    /// (satisfaction), otherwise closed in the last two days (resolved today, accepted in the
    /// last 24 hours) — a year of closed tickets is history, not the working set. The reads may
    /// see different moments; the engine reads the event sequence before any of them and
    /// re-applies what came after, so the result is as current as the latest.
    public func loadAll(at now: Date) throws -> CentreData {
        let ratedSince = now.addingTimeInterval(-Self.recentDays * 86_400).timeIntervalSince1970
        let middle = now.addingTimeInterval(-Self.recentDays * 86_400 / 2).timeIntervalSince1970
        // the two long reads first; the pool's threads take the shorter ones as they come free
        // (a month of ratings is read in two halves so both threads end at about the same time)
        let jobs: [@Sendable () -> Result<LoadPart, Error>] = [
            { Result { .tickets(try self.read { db in try Self.loadOpenTickets(db) }) } },
            { Result { .territory(try self.read { db in try self.loadTerritory(db, now: now) }) } },
            { Result { .staff(try self.read { db in try Records.all(db, "SELECT * FROM staff", orderedBy: Records.positionThenID, Records.staff) }) } },
            { Result { .outcomes(try self.read { db in try Self.loadRated(db, from: ratedSince, to: middle) }) } },
            { Result { .outcomes(try self.read { db in try Self.loadRated(db, from: middle, to: nil) }) } },
            { Result { .outcomes(try self.read { db in try Self.loadClosed(db, now: now) }) } },
            { Result { let (orgs, members) = try self.read { db in try Self.loadParty(db) }; return .party(orgs, members) } },
            { Result { .care(try self.read { db in try Self.loadCare(db) }) } },
            { Result { .clears(try self.read { db in try Self.loadFourClears(db) }) } },
            { Result { try self.read { db in .alarms(try Self.loadAlarms(db, now: now), try Self.latestHandovers(db)) } } },
        ]
        var data: CentreData?
        var tickets: [Ticket] = []
        var staff: [Staff] = []
        var outcomes: [TicketOutcome] = []
        var party: ([PartyOrganisation], [PartyMember]) = ([], [])
        var care: [CarePlan] = []
        var census = FourClearsCensus()
        var alarms: [Alarm] = []
        var handovers: [Handover] = []
        for part in Parallel.run(jobs) {
            switch try part.get() {
            case .tickets(let open): tickets = open
            case .staff(let people): staff = people
            case .territory(let territory): data = territory
            case .outcomes(let some): outcomes += some
            case .party(let orgs, let members): party = (orgs, members)
            case .care(let plans): care = plans
            case .clears(let counted): census = counted
            case .alarms(let standing, let last): (alarms, handovers) = (standing, last)
            }
        }
        guard var data else { throw StoreError.invalid("\(path): the territory could not be read") }
        data.tickets = tickets
        data.staff = staff
        data.outcomes = outcomes
        (data.partyOrganisations, data.partyMembers) = party
        data.carePlans = care
        data.fourClears = census
        data.alarms = alarms
        data.handovers = handovers
        return data
    }


    private func loadTerritory(_ db: some SQLSession, now: Date) throws -> CentreData {
        guard let centre = try db.first("SELECT * FROM street", [], Records.centre) else {
            throw StoreError.invalid("\(path) holds no street yet (run `doorstep init --db \(path)`)")
        }
        let since = now.addingTimeInterval(-Self.recentDays * 86_400).timeIntervalSince1970
        return CentreData(
            centre: centre,
            communities: try Records.all(db, "SELECT * FROM community ORDER BY position", Records.community),
            grids: try Records.all(db, "SELECT * FROM grid", orderedBy: Records.position, Records.grid),
            microGrids: try Records.all(db, "SELECT * FROM microgrid", orderedBy: Records.code, Records.microGrid),
            buildings: try Records.all(db, "SELECT * FROM building", orderedBy: Records.code, Records.building),
            // the wall works with households due a must-visit; the rest stay in the store
            households: try Records.all(db, """
                SELECT \(Self.householdColumns) FROM household h LEFT JOIN four_clears c ON c.household = h.id
                WHERE h.must_visit != '' ORDER BY h.id
                """, Records.household),
            staff: [],  // read beside it (`loadAll`)
            categories: try Records.all(db, "SELECT * FROM category ORDER BY position", Records.category),
            tickets: [],
            hazards: try Records.all(db, "SELECT * FROM hazard ORDER BY id", Records.hazard),
            // this month's and last month's must-visits (the wall counts this month's)
            visits: try Records.all(db, "SELECT * FROM visit WHERE at >= ? ORDER BY at", [since - 31 * 86_400], Records.visit),
            calls: try Records.all(db, "SELECT * FROM call ORDER BY placed_at", Records.call),
            streets: try Records.all(db, "SELECT * FROM subdistrict ORDER BY position", Records.street),
            servicePoints: try Records.all(db, "SELECT * FROM service_point ORDER BY position", Records.servicePoint),
            departments: try Records.all(db, "SELECT * FROM department ORDER BY position", Records.department),
            responders: try Records.all(db, "SELECT * FROM responder ORDER BY position", Records.responder),
            // every pending call-in, and the last week's (each department's pace)
            callIns: try Records.all(db, """
                SELECT * FROM call_in WHERE state IN ('requested', 'arrived') UNION SELECT * FROM call_in WHERE requested_at >= ?
                """, [now.addingTimeInterval(-8 * 86_400).timeIntervalSince1970], Records.callIn),
            // counted over every household by its own read (`loadFourClears`), not these
            fourClears: FourClearsCensus(),
            keyPlaces: try Records.all(db, "SELECT * FROM key_place ORDER BY position", Records.keyPlace),
            // this month's and last month's visits, as for households
            placeVisits: try Records.all(db, "SELECT * FROM place_visit WHERE at >= ? ORDER BY at", [since - 31 * 86_400], Records.placeVisit))
    }

    /// The Party chain and its members, in data-set order.
    static func loadParty(_ db: some SQLSession) throws -> ([PartyOrganisation], [PartyMember]) {
        (try Records.all(db, "SELECT * FROM party_org", orderedBy: Records.position, Records.partyOrganisation),
         try Records.all(db, "SELECT * FROM party_member", orderedBy: Records.position, Records.partyMember))
    }

    /// Which tickets are open, as SQL: the open tickets' index is partial on exactly this, and
    /// a query is answered from it only when its condition is the same.
    static var openTicketCondition: String { "state IN ('ordered', 'dispatched', 'accepted', 'escalated')" }

    static func loadOpenTickets(_ db: some SQLSession) throws -> [Ticket] {
        try Records.all(db, "SELECT * FROM ticket WHERE \(openTicketCondition)", Records.ticket)
    }

    private static var outcomeColumns: String { "id, state, state_since, dispatched_at, accepted_at, rating" }

    /// Tickets rated from `start` up to `end` (open-ended when nil).
    static func loadRated(_ db: some SQLSession, from start: TimeInterval, to end: TimeInterval?) throws -> [TicketOutcome] {
        try Records.all(db, "SELECT \(outcomeColumns) FROM ticket WHERE state = 'rated' AND state_since >= ? AND state_since < ?",
                        [start, end ?? .infinity], Records.outcome)
    }

    /// Tickets resolved or cancelled in the last two days.
    static func loadClosed(_ db: some SQLSession, now: Date) throws -> [TicketOutcome] {
        try Records.all(db, "SELECT \(outcomeColumns) FROM ticket WHERE state_since >= ? AND state IN ('resolved', 'cancelled')",
                        [now.addingTimeInterval(-recentOutcomeDays * 86_400).timeIntervalSince1970], Records.outcome)
    }

    public func lastSequence() throws -> Int64 {
        try read { db in try db.integer("n", "SELECT MAX(seq) AS n FROM event", []).map(Int64.init) ?? 0 }
    }

    /// The events and the rows they name in one read (one snapshot, one transaction).
    public func changes(after sequence: Int64, limit: Int) throws -> ChangeBatch {
        try read { db in
            try ChangeBatch(
                events: Records.all(db, "SELECT * FROM event WHERE seq > ? ORDER BY seq LIMIT ?", [sequence, limit], Records.event),
                tickets: { try Self.rows(db, $0, table: "ticket", key: "id", Records.ticket) },
                staff: { try Self.rows(db, $0, table: "staff", key: "id", Records.staff) },
                calls: { try Self.rows(db, $0, table: "call", key: "id", Records.call) },
                visits: { try Self.rows(db, $0, table: "visit", key: "id", Records.visit) },
                callIns: { try Self.rows(db, $0, table: "call_in", key: "id", Records.callIn) },
                carePlans: { try Self.withServices(db, Self.rows(db, $0, table: "care_plan", key: "id", Records.carePlan)) },
                placeVisits: { try Self.rows(db, $0, table: "place_visit", key: "id", Records.placeVisit) },
                alarms: { try Self.rows(db, $0, table: "alarm", key: "id", Records.alarm) },
                handovers: { try Self.rows(db, $0, table: "handover", key: "id", Records.handover) })
        }
    }

    public func events(after sequence: Int64, limit: Int) throws -> [ChangeEvent] {
        try read { db in
            try Records.all(db, "SELECT * FROM event WHERE seq > ? ORDER BY seq LIMIT ?", [sequence, limit], Records.event)
        }
    }

    public func orders(createdSince start: Date) throws -> [OrderFacts] {
        try read { db in
            try Records.all(db, "SELECT id, grid, category, created_at, dispatched_at, accepted_at, rating, state FROM ticket WHERE created_at >= ?",
                            [start.timeIntervalSince1970], Records.orderFacts)
        }
    }

    public func events(from start: Date, to end: Date, limit: Int) throws -> [ChangeEvent] {
        try read { db in
            try Records.all(db, "SELECT * FROM event WHERE at >= ? AND at < ? ORDER BY seq LIMIT ?",
                            [start.timeIntervalSince1970, end.timeIntervalSince1970, limit], Records.event)
        }
    }

    public func recentEvents(limit: Int) throws -> [ChangeEvent] {
        try read { db in
            try Records.all(db, "SELECT * FROM event ORDER BY seq DESC LIMIT ?", [limit], Records.event)
        }
    }

    public func households(ofGrid code: String) throws -> [Household] {
        try read { db in
            try Records.all(db, """
                SELECT \(Self.householdColumns) FROM household h LEFT JOIN four_clears c ON c.household = h.id
                WHERE h.grid = ? ORDER BY h.building, h.id
                """, [code], Records.household)
        }
    }

    public func gridOfHouseholds(_ ids: [String]) throws -> [String: String] {
        let found = try fetch(Array(Set(ids)), table: "household", key: "id") { row in
            (try row.text("id", in: "household"), try row.text("grid", in: "household"))
        }
        return Dictionary(found, uniquingKeysWith: { a, _ in a })
    }

    public func tickets(state: TicketState?, limit: Int) throws -> [Ticket] {
        try read { db in
            if let state {
                return try Records.all(db, "SELECT * FROM ticket WHERE state = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                                        [state.rawValue, limit], Records.ticket)
            }
            return try Records.all(db, "SELECT * FROM ticket ORDER BY created_at DESC, id DESC LIMIT ?", [limit], Records.ticket)
        }
    }

    public func history(of ticketID: String) throws -> [TicketHistoryEntry] {
        try read { db in
            guard let row = try db.row("SELECT * FROM ticket WHERE id = ?", [ticketID]) else {
                throw StoreError.notFound(kind: "ticket", id: ticketID)
            }
            let ticket = try Records.ticket(row)
            let ordered = try db.row("""
                SELECT actor FROM event WHERE kind = ? AND subject = ? ORDER BY seq LIMIT 1
                """, [ChangeKind.ticketOrdered.rawValue, ticketID])?.optionalText("actor")
            var entries = [TicketHistoryEntry(
                from: nil, to: .ordered, change: .ordered(title: ticket.title), actor: ordered ?? ticket.source.rawValue,
                at: ticket.createdAt)]
            let place = "ticket_transition of \(ticketID)"
            entries += try Records.all(db, "SELECT * FROM ticket_transition WHERE ticket = ? ORDER BY id", [ticketID]) { move in
                // a transition's action and detail are laid out as its event's kind and detail
                let verb = try move.text("action", in: place)
                guard case .ticket(_, let change) = EventCodec.decode(
                    kind: "ticket." + verb, subject: ticketID, detail: try move.text("detail", in: place)) else {
                    throw StoreError.corrupt("\(place): unknown action '\(verb)'")
                }
                return TicketHistoryEntry(
                    from: try move.choice("from_state", as: TicketState.self, in: place),
                    to: try move.choice("to_state", as: TicketState.self, in: place), change: change,
                    actor: try move.text("actor", in: place), at: try move.date("at", in: place))
            }
            return entries
        }
    }

    public func loadCategories() throws -> [String: TicketCategory] {
        try read { db in
            let rows = try Records.all(db, "SELECT * FROM category", Records.category)
            return Dictionary(rows.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    public func ringingCalls() throws -> [Call] {
        try read { db in try Records.all(db, "SELECT * FROM call WHERE state = 'ringing' ORDER BY placed_at", Records.call) }
    }

    public func tickets(ids: [String]) throws -> [Ticket] {
        try fetch(ids, table: "ticket", key: "id", Records.ticket)
    }

    public func staff(ids: [String]) throws -> [Staff] {
        try fetch(ids, table: "staff", key: "id", Records.staff)
    }

    public func calls(ids: [String]) throws -> [Call] {
        try fetch(ids, table: "call", key: "id", Records.call)
    }

    public func visits(ids: [String]) throws -> [Visit] {
        try fetch(ids, table: "visit", key: "id", Records.visit)
    }

    /// Rows of `table` whose `key` is in `ids`, in batches that stay under SQLite's limit on
    /// bound parameters.
    private func fetch<T>(_ ids: [String], table: String, key: String, _ decode: (Fields) throws -> T) throws -> [T] {
        guard !ids.isEmpty else { return [] }
        return try read { db in try Self.rows(db, ids, table: table, key: key, decode) }
    }

    /// `fetch` inside a read already open.
    static func rows<T>(_ db: some SQLSession, _ ids: [String], table: String, key: String, _ decode: (Fields) throws -> T) throws -> [T] {
        var out: [T] = []
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(ids.count, start + 500)])
            let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
            // a poll names a few rows: those statements are kept compiled, the rare long lists are not
            out += try Records.all(db, "SELECT * FROM \(table) WHERE \(key) IN (\(marks))", batch,
                                   cached: batch.count <= 16, decode)
            start += batch.count
        }
        return out
    }
}

/// What one of the working set's reads returns.
enum LoadPart {
    case tickets([Ticket])
    case staff([Staff])
    case territory(CentreData)
    case outcomes([TicketOutcome])
    case party([PartyOrganisation], [PartyMember])
    case care([CarePlan])
    case clears(FourClearsCensus)
    case alarms([Alarm], [Handover])
}
