import ArgumentParser
import DoorstepDomain
import DoorstepStore
import Foundation

/// Applies `action` to a ticket through the store and prints the ticket's new state.
func perform(_ action: TicketAction, on ticket: String, store: StoreOptions, actor: String? = nil) throws {
    let database = try store.open()
    let moved = try storeCall { try database.act(on: ticket, action, by: actor ?? store.who, at: SystemClock().now()) }
    print("\(moved.id) \(moved.state.rawValue)")
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
            try perform(.rate(score: score), on: ticket, store: store)
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
        try reportingFailures {
            let database = try store.open()
            let target: String
            if let grid {
                target = grid
            } else {
                guard let current = try storeCall({ try database.tickets(ids: [ticket]) }).first else {
                    throw Failure(store: .notFound(kind: "ticket", id: ticket))
                }
                target = current.gridCode
            }
            try perform(.dispatch(gridCode: target, assigneeID: to), on: ticket, store: store)
        }
    }
}

/// `doorstep escalate`: the community end (上交).
struct Escalate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Push a ticket up to the community or street (上交).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The ticket's id.") var ticket: String

    func run() throws {
        try reportingFailures { try perform(.escalate, on: ticket, store: store) }
    }
}

/// `doorstep cancel`: withdraw a ticket (撤销).
struct Cancel: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Cancel a ticket (撤销), with the reason.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The ticket's id.") var ticket: String
    @Option(help: "Why it is cancelled.") var reason: String

    func run() throws {
        try reportingFailures { try perform(.cancel(reason: reason), on: ticket, store: store) }
    }
}

/// `doorstep accept`: the grid end (接单).
struct Accept: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Accept a dispatched ticket (接单).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The ticket's id.") var ticket: String
    @Option(help: "The staff id accepting it.") var staff: String

    func run() throws {
        try reportingFailures { try perform(.accept(staffID: staff), on: ticket, store: store, actor: staff) }
    }
}

/// `doorstep resolve`: the grid end (办结).
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Resolve an accepted ticket (办结), saying what was done.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The ticket's id.") var ticket: String
    @Option(help: "The staff id resolving it.") var staff: String
    @Option(help: "What was done.") var note: String

    func run() throws {
        try reportingFailures { try perform(.resolve(staffID: staff, note: note), on: ticket, store: store, actor: staff) }
    }
}
