import ArgumentParser
import DoorstepCanvas
import DoorstepDomain
import DoorstepStore
import Foundation

/// Prints rows as JSON (one array) or as a table aligned by display columns.
func emit<Row: Encodable>(_ rows: [Row], json: Bool, header: [String], columns: (Row) -> [String]) throws {
    if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(rows)
        print(String(decoding: data, as: UTF8.self))
        return
    }
    let cells = [header] + rows.map(columns)
    let widths = header.indices.map { i in cells.map { DisplayWidth.of($0[i]) }.max() ?? 0 }
    for row in cells {
        let line = row.enumerated().map { i, text in i == row.count - 1 ? text : Columns.pad(text, to: widths[i]) }
        print(line.joined(separator: "  "))
    }
}

/// ISO 8601 in UTC, as every JSON time is written.
func isoTime(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

/// `doorstep grids`: every grid with its status and why.
struct Grids: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the grids with their status and the rule that fired.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {code, name, community, status, reason, reasons}.") var json = false
    @Option(help: "Seconds a call may ring before it is missed.") var callTimeout: Double = Call.defaultTimeout

    struct Row: Encodable {
        var code, name, community, status, reason: String
        var reasons: [String]
    }

    func run() throws {
        try reportingFailures {
            let database = try store.open(readOnly: true)
            let data = try storeCall { try database.loadAll() }
            let overview = Overview(data: data, now: Date(), calendar: localCalendar(), callTimeout: callTimeout)
            let rows = overview.grids.map { summary in
                Row(code: summary.grid.code, name: summary.grid.name, community: summary.grid.communityCode,
                    status: summary.assessment.status.rawValue, reason: summary.assessment.reasons.first?.code ?? "",
                    reasons: summary.assessment.reasons.map(\.code))
            }
            try emit(rows, json: json, header: ["code", "name", "community", "status", "reasons"]) {
                [$0.code, $0.name, $0.community, $0.status, $0.reasons.joined(separator: ",")]
            }
        }
    }
}

/// `doorstep staff`: everyone with their role, grid and duty.
struct StaffList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "staff", abstract: "List staff with their role, grid and duty.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {id, name, role, grid, duty}.") var json = false
    @Option(help: "Only this grid's staff.") var grid: String?

    struct Row: Encodable {
        var id, name, role: String
        var grid: String?
        var duty: String

        // every key present, null included: scripts rely on the shape
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(role, forKey: .role)
            try c.encode(grid, forKey: .grid)
            try c.encode(duty, forKey: .duty)
        }

        enum CodingKeys: String, CodingKey { case id, name, role, grid, duty }
    }

    func run() throws {
        try reportingFailures {
            let database = try store.open(readOnly: true)
            let data = try storeCall { try database.loadAll() }
            let rows = data.staff.filter { grid == nil || $0.gridCode == grid }.map {
                Row(id: $0.id, name: $0.name, role: $0.role.rawValue, grid: $0.gridCode, duty: $0.duty.rawValue)
            }
            try emit(rows, json: json, header: ["id", "name", "role", "grid", "duty"]) {
                [$0.id, $0.name, $0.role, $0.grid ?? "-", $0.duty]
            }
        }
    }
}

/// `doorstep tickets`: tickets newest first.
struct Tickets: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List tickets, newest first.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {id, state, grid, category, title, created_at, due_at}.") var json = false
    @Option(help: "Only tickets in this state (ordered, dispatched, accepted, resolved, rated, escalated, cancelled).") var state: String?
    @Option(help: "At most this many.") var limit = 100

    struct Row: Encodable {
        var id, state, grid, category, title: String
        var created_at: String
        var due_at: String?
        var assignee: String?
        var rating: Int?

        // every key present, null included: scripts rely on the shape
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(state, forKey: .state)
            try c.encode(grid, forKey: .grid)
            try c.encode(category, forKey: .category)
            try c.encode(title, forKey: .title)
            try c.encode(created_at, forKey: .created_at)
            try c.encode(due_at, forKey: .due_at)
            try c.encode(assignee, forKey: .assignee)
            try c.encode(rating, forKey: .rating)
        }

        enum CodingKeys: String, CodingKey { case id, state, grid, category, title, created_at, due_at, assignee, rating }
    }

    func run() throws {
        try reportingFailures {
            guard limit > 0 else { throw Failure("--limit must be above 0", exitCode: ExitStatus.usage) }
            let filter = try state.map { try parseChoice($0, as: TicketState.self, flag: "--state") }
            let database = try store.open(readOnly: true)
            let (tickets, categories) = try storeCall {
                (try database.tickets(state: filter, limit: limit), try database.loadCategories())
            }
            let rows = tickets.map { t in
                Row(id: t.id, state: t.state.rawValue, grid: t.gridCode, category: t.categoryCode, title: t.title,
                    created_at: isoTime(t.createdAt), due_at: t.dueAt(category: categories[t.categoryCode]).map(isoTime),
                    assignee: t.assigneeID, rating: t.rating)
            }
            try emit(rows, json: json, header: ["id", "state", "grid", "category", "due", "title"]) {
                [$0.id, $0.state, $0.grid, $0.category, $0.due_at ?? "-", $0.title]
            }
        }
    }
}
