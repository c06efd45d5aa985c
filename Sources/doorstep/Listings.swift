import ArgumentParser
import DoorstepCanvas
import DoorstepDomain
import DoorstepStore
import Foundation

/// One listed object: keys in a fixed set, absent values written as JSON null (scripts rely
/// on every key being there).
typealias ListingRow = [(key: String, value: Any?)]

/// Prints rows as one JSON array, or as a table of `columns` aligned by display columns.
func emit(_ rows: [ListingRow], json: Bool, columns: [String]) throws {
    if json {
        let objects = rows.map { row in
            Dictionary(row.map { ($0.key, $0.value ?? NSNull()) }, uniquingKeysWith: { a, _ in a })
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .withoutEscapingSlashes])
        print(String(decoding: data, as: UTF8.self))
        return
    }
    func text(_ value: Any?) -> String {
        switch value {
        case nil: return "-"
        case let list as [String]: return list.joined(separator: ",")
        case let some?: return "\(some)"
        }
    }
    let cells = [columns] + rows.map { row in columns.map { column in text(row.first { $0.key == column }?.value ?? nil) } }
    let widths = columns.indices.map { i in cells.map { DisplayWidth.of($0[i]) }.max() ?? 0 }
    for row in cells {
        print(row.enumerated().map { i, cell in i == row.count - 1 ? cell : Columns.pad(cell, to: widths[i]) }.joined(separator: "  "))
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

    func run() throws {
        try reportingFailures {
            let database = try store.open(readOnly: true)
            let now = SystemClock().now()
            let data = try storeCall { try database.loadAll(at: now) }
            let overview = Overview(data: data, now: now, calendar: localCalendar(), callTimeout: callTimeout)
            let rows: [ListingRow] = overview.grids.map { summary in
                [("code", summary.grid.code), ("name", summary.grid.name), ("community", summary.grid.communityCode),
                 ("status", summary.assessment.status.rawValue), ("reason", summary.assessment.reasons.first?.code ?? ""),
                 ("reasons", summary.assessment.reasons.map(\.code))]
            }
            try emit(rows, json: json, columns: ["code", "name", "community", "status", "reasons"])
        }
    }
}

/// `doorstep staff`: everyone with their role, grid and duty.
struct StaffList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "staff", abstract: "List staff with their role, grid and duty.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {id, name, role, grid, duty}.") var json = false
    @Option(help: "Only this grid's staff.") var grid: String?

    func run() throws {
        try reportingFailures {
            let database = try store.open(readOnly: true)
            let data = try storeCall { try database.loadAll(at: SystemClock().now()) }
            let rows: [ListingRow] = data.staff.filter { grid == nil || $0.gridCode == grid }.map {
                [("id", $0.id), ("name", $0.name), ("role", $0.role.rawValue), ("grid", $0.gridCode), ("duty", $0.duty.rawValue)]
            }
            try emit(rows, json: json, columns: ["id", "name", "role", "grid", "duty"])
        }
    }
}

/// `doorstep tickets`: tickets newest first.
struct Tickets: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List tickets, newest first.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {id, state, grid, category, title, created_at, due_at, assignee, rating}.") var json = false
    @Option(help: "Only tickets in this state (ordered, dispatched, accepted, resolved, rated, escalated, cancelled).") var state: String?
    @Option(help: "At most this many.") var limit = 100

    func run() throws {
        try reportingFailures {
            guard limit > 0 else { throw Failure("--limit must be above 0", exitCode: ExitStatus.usage) }
            let filter = try state.map { try parseChoice($0, as: TicketState.self, flag: "--state") }
            let database = try store.open(readOnly: true)
            let (tickets, categories) = try storeCall {
                (try database.tickets(state: filter, limit: limit), try database.loadCategories())
            }
            let rows: [ListingRow] = tickets.map { t in
                [("id", t.id), ("state", t.state.rawValue), ("grid", t.gridCode), ("category", t.categoryCode), ("title", t.title),
                 ("created_at", isoTime(t.createdAt)), ("due_at", t.dueAt(category: categories[t.categoryCode]).map(isoTime)),
                 ("assignee", t.assigneeID), ("rating", t.rating)]
            }
            try emit(rows, json: json, columns: ["id", "state", "grid", "category", "due_at", "title"])
        }
    }
}

/// `doorstep calls`: calls newest first, with their state as of now.
struct Calls: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List calls, newest first, with their state now.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {id, staff, name, grid, state, placed_at, escalated_from}.") var json = false
    @Option(help: "Seconds a call may ring before it is missed.") var callTimeout: Double = Call.defaultTimeout
    @Option(help: "At most this many.") var limit = 50

    func run() throws {
        try reportingFailures {
            let database = try store.open(readOnly: true)
            let now = SystemClock().now()
            let data = try storeCall { try database.loadAll(at: now) }
            let overview = Overview(data: data, now: now, calendar: localCalendar(), callTimeout: callTimeout)
            let rows: [ListingRow] = overview.calls.prefix(max(0, limit)).map { summary in
                [("id", summary.call.id), ("staff", summary.call.staffID), ("name", overview.staff(id: summary.call.staffID)?.name),
                 ("grid", summary.call.gridCode), ("state", summary.state.rawValue), ("placed_at", isoTime(summary.call.placedAt)),
                 ("escalated_from", summary.call.escalatedFrom)]
            }
            try emit(rows, json: json, columns: ["id", "staff", "name", "grid", "state", "placed_at", "escalated_from"])
        }
    }
}
