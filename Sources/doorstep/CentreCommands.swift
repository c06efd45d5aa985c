import ArgumentParser
import DoorstepApp
import DoorstepCalls
import DoorstepDomain
import Foundation

/// `doorstep call`: one-key call, from the command line (the same call the wall's key makes).
struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call", abstract: "Call a staff member, or a grid's whole 1+1+2+N; prints the call ids.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The staff id to call.") var staff: String?
    @Option(help: "A grid whose 1+1+2+N to call.") var grid: String?
    @Option(help: "A command run for each call (as `wall --notifier`); default: record only.") var notifier: String?

    func validate() throws {
        guard (staff == nil) != (grid == nil) else { throw ValidationError("give exactly one of --staff and --grid") }
        // (a SIP call's outcome comes back while it rings; a command that ends at once cannot follow it)
        guard notifier != "sip" else {
            throw ValidationError("--notifier sip places calls from the wall (`doorstep wall --notifier sip`), which follows each call to its answer; here give a command, or none to record only")
        }
    }

    func run() throws {
        try reportingFailures {
            let notify: any Notifier = notifier.map { CommandNotifier(command: $0) } ?? RecordingNotifier()
            let placed = try store.end.call(staff: staff, grid: grid, notifier: notify)
            for call in placed.calls { say(call) }
            for problem in placed.problems { complain("doorstep: \(problem)") }
            if !placed.problems.isEmpty { throw ExitCode(ExitStatus.refused) }
        }
    }
}

/// `doorstep grids`: every grid with its status and why.
struct Grids: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the grids with their status and the rule that fired.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {code, name, community, status, reason, reasons}.") var json = false
    @Option(help: "Seconds a call may ring before it is missed.") var callTimeout: Double = Call.defaultTimeout

    func run() throws {
        try reportingFailures { say(try store.end.grids(json: json, callTimeout: callTimeout)) }
    }
}

/// `doorstep staff`: everyone with their role, grid and duty.
struct StaffList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "staff", abstract: "List staff with their role, grid and duty.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {id, name, role, grid, duty}.") var json = false
    @Option(help: "Only this grid's staff.") var grid: String?

    func run() throws {
        try reportingFailures { say(try store.end.staff(json: json, grid: grid)) }
    }
}

/// `doorstep party`: the Party chain's members.
struct PartyList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "party", abstract: "List Party members with their organisation, post and grid (the Party chain).")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {id, name, post, org, org_kind, grid, community, building, functional, staff}.") var json = false
    @Option(help: "Only this grid's branch and its building groups.") var grid: String?

    func run() throws {
        try reportingFailures { say(try store.end.party(json: json, grid: grid)) }
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
            let filter = try state.map { try parseChoice($0, as: TicketState.self, flag: "--state") }
            say(try store.end.tickets(json: json, state: filter, limit: limit))
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
        try reportingFailures { say(try store.end.calls(json: json, callTimeout: callTimeout, limit: limit)) }
    }
}
