import DoorstepDomain
import Foundation
import GRDB

/// Where a resident's request lands: its grid, and the building when one was named.
public struct ServiceLocation: Equatable, Sendable {
    public var gridCode: String
    public var gridName: String
    public var buildingCode: String?
}

/// Which tickets a service client asks for (Open311's `GET requests` filters).
public struct TicketQuery: Equatable, Sendable {
    public var ids: [String] = []
    public var categories: [String] = []
    /// Only these grids (empty: every grid).
    public var grids: [String] = []
    public var states: [TicketState] = []
    public var from: Date?
    public var to: Date?
    public var limit = 1000
    public init() {}
}

/// The reads the HTTP service makes: the street it speaks for, where a location is, the
/// tickets a client asks for.
public protocol ServiceQueries: Sendable {
    /// The street's code and name (the Open311 jurisdiction).
    func jurisdiction() throws -> (code: String, name: String)
    /// The grid of a building code or name, or of a grid code or name; nil when none matches.
    func locate(_ place: String) throws -> ServiceLocation?
    /// Grid names by code.
    func gridNames() throws -> [String: String]
    /// A community's grid codes (none for an unknown community).
    func grids(ofCommunity code: String) throws -> [String]
    /// Tickets matching `query`, newest first.
    func tickets(matching query: TicketQuery) throws -> [Ticket]
    /// An order from `channel` made once per `idempotencyKey`: a retry with the same key gets
    /// the ticket the first made (`repeated`), in one transaction, so two racing retries make one.
    func order(_ request: OrderRequest, channel: String, idempotencyKey: String, at time: Date) throws -> (ticket: Ticket, repeated: Bool)
    /// The open tickets by state (`/metrics`).
    func openTicketCounts() throws -> [TicketState: Int]
    /// The channel a ticket was ordered through, if any.
    func orderingChannel(of ticketID: String) throws -> String?
}

extension SQLStore {
    public func jurisdiction() throws -> (code: String, name: String) {
        try read { db in
            guard let row = try db.row("SELECT code, name FROM street ORDER BY code LIMIT 1", []) else {
                throw StoreError.corrupt("the database has no street")
            }
            return (row.string("code") ?? "", row.string("name") ?? "")
        }
    }

    public func locate(_ place: String) throws -> ServiceLocation? {
        let text = place.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        return try read { db in
            let sql = """
                SELECT b.code AS building, g.code AS grid, g.name AS gridName FROM building b JOIN grid g ON g.code = b.grid
                WHERE b.code = ?1 OR b.name = ?1 LIMIT 1
                """
            if let row = try db.row(sql, [text]) {
                return ServiceLocation(gridCode: row.string("grid") ?? "", gridName: row.string("gridName") ?? "", buildingCode: row.string("building"))
            }
            if let row = try db.row("SELECT code, name FROM grid WHERE code = ?1 OR name = ?1 LIMIT 1", [text]) {
                return ServiceLocation(gridCode: row.string("code") ?? "", gridName: row.string("name") ?? "", buildingCode: nil)
            }
            return nil
        }
    }

    public func gridNames() throws -> [String: String] {
        try read { db in
            var names: [String: String] = [:]
            for (code, name) in try db.rows("SELECT code, name FROM grid", [], { ($0.string("code") ?? "", $0.string("name") ?? "") }) { names[code] = name }
            return names
        }
    }

    public func order(_ request: OrderRequest, channel: String, idempotencyKey: String, at time: Date) throws -> (ticket: Ticket, repeated: Bool) {
        let title = request.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw StoreError.invalid("an order needs a title") }
        return try write { db in
            if let id = try db.text("ticket", "SELECT ticket FROM idempotency WHERE channel = ? AND key = ?", [channel, idempotencyKey]),
               let row = try db.row("SELECT * FROM ticket WHERE id = ?", [id]) {
                return (try Records.ticket(row), true)
            }
            var request = request
            request.channel = channel
            guard let ticket = try insertOrders(db, [request], titles: [title], by: "channel:" + channel, at: time).first else {
                throw StoreError.unavailable("the order was not written")
            }
            try db.execute("INSERT INTO idempotency (channel, key, ticket, at) VALUES (?, ?, ?, ?)",
                       [channel, idempotencyKey, ticket.id, time.timeIntervalSince1970])
            return (ticket, false)
        }
    }

    public func openTicketCounts() throws -> [TicketState: Int] {
        try read { db in
            var counts: [TicketState: Int] = [:]
            for (state, n) in try db.rows("SELECT state, COUNT(*) AS n FROM ticket WHERE \(Self.openTicketCondition) GROUP BY state", [], {
                ($0.string("state").flatMap(TicketState.init(rawValue:)), $0.optionalInteger("n") ?? 0)
            }) {
                if let state { counts[state] = n }
            }
            return counts
        }
    }

    public func orderingChannel(of ticketID: String) throws -> String? {
        try read { db in try db.text("channel", "SELECT channel FROM ticket WHERE id = ?", [ticketID]) }
    }

    public func grids(ofCommunity code: String) throws -> [String] {
        try read { db in try db.texts("code", "SELECT code FROM grid WHERE community = ? ORDER BY code", [code]) }
    }

    public func tickets(matching query: TicketQuery) throws -> [Ticket] {
        var conditions: [String] = []
        var arguments: [any SQLArgument] = []
        func list(_ column: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            conditions.append("\(column) IN (\(Array(repeating: "?", count: values.count).joined(separator: ",")))")
            arguments += values as [any SQLArgument]
        }
        list("id", query.ids)
        list("category", query.categories)
        list("grid", query.grids)
        list("state", query.states.map(\.rawValue))
        if let from = query.from {
            conditions.append("created_at >= ?")
            arguments.append(from.timeIntervalSince1970)
        }
        if let to = query.to {
            conditions.append("created_at <= ?")
            arguments.append(to.timeIntervalSince1970)
        }
        let sql = "SELECT * FROM ticket" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY created_at DESC, id DESC LIMIT ?"
        arguments.append(max(1, min(query.limit, 10_000)))
        return try read { db in try Records.all(db, sql, arguments, cached: false, Records.ticket) }
    }
}
