import ArgumentParser
import DoorstepApp
import DoorstepDomain
import DoorstepStore

/// `doorstep order`: the resident end (居民点单). Prints the new ticket's id.
struct Order: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Place a resident's order (点单); prints the new ticket's id.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The grid's code.") var grid: String
    @Option(help: "The category's code (party_public, convenience, mediation, hazard, care in the demo).") var category: String
    @Option(help: "What the resident asks for.") var title: String
    @Option(help: "The resident's name.") var name = ""
    @Option(help: "The resident's phone.") var phone = ""
    @Option(help: "low, normal, high or urgent.") var priority = "normal"
    @Option(help: "resident, patrol, visit or hotline.") var source = "resident"
    @Option(help: "When the order was placed, if earlier (ISO 8601, e.g. 2026-11-29T09:30:00+08:00).") var orderedAt: String?

    func run() throws {
        try reportingFailures {
            let request = OrderRequest(
                gridCode: grid, categoryCode: category, title: title, source: try parseChoice(source, as: TicketSource.self, flag: "--source"),
                priority: try parseChoice(priority, as: TicketPriority.self, flag: "--priority"), residentName: name, residentPhone: phone,
                orderedAt: try orderedAt.map { try parseTime($0, flag: "--ordered-at") })
            say(try store.end.order(request))
        }
    }
}

/// `doorstep rate`: the resident end (评价).
struct Rate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Rate a resolved ticket (评价), 1 to 5.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The ticket's id.") var ticket: String
    @Option(help: "1 (poor) to 5 (excellent).") var score: Int

    func run() throws {
        try reportingFailures {
            guard (1...5).contains(score) else { throw Failure("--score: \(score) is not 1 to 5", exitCode: ExitStatus.usage) }
            say(try store.end.act(.rate(score: score), on: ticket))
        }
    }
}

/// `doorstep dispatch`: the community end (派单).
struct Dispatch: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Dispatch a ticket to a grid (派单), optionally to one person.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The ticket's id.") var ticket: String
    @Option(help: "The grid to send it to (default: the grid it was ordered in).") var grid: String?
    @Option(help: "A staff id to send it to.") var to: String?

    func run() throws {
        try reportingFailures { say(try store.end.dispatch(ticket, to: grid, assignee: to)) }
    }
}

/// `doorstep escalate`: the community end (上交).
struct Escalate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Push a ticket up to the community or street (上交).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The ticket's id.") var ticket: String

    func run() throws {
        try reportingFailures { say(try store.end.act(.escalate, on: ticket)) }
    }
}

/// `doorstep cancel`: withdraw a ticket (撤销).
struct Cancel: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Cancel a ticket (撤销), with the reason.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The ticket's id.") var ticket: String
    @Option(help: "Why it is cancelled.") var reason: String

    func run() throws {
        try reportingFailures { say(try store.end.act(.cancel(reason: reason), on: ticket)) }
    }
}

/// `doorstep accept`: the grid end (接单).
struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Accept a dispatched ticket (接单).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The ticket's id.") var ticket: String
    @Option(help: "The staff id accepting it.") var staff: String

    func run() throws {
        try reportingFailures { say(try store.end.act(.accept(staffID: staff), on: ticket, by: staff)) }
    }
}

/// `doorstep resolve`: the grid end (办结).
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Resolve an accepted ticket (办结), saying what was done.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The ticket's id.") var ticket: String
    @Option(help: "The staff id resolving it.") var staff: String
    @Option(help: "What was done.") var note: String
    @Option(help: "Resolve although parties called in are still pending, saying why (they are withdrawn with it).") var override: String?

    func run() throws {
        try reportingFailures { say(try store.end.resolve(ticket, staff: staff, note: note, overriding: override)) }
    }
}
