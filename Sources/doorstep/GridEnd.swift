import ArgumentParser
import DoorstepActions
import DoorstepDomain
import DoorstepStore
import Foundation

/// `doorstep visit`: log a must-visit (六必访).
struct VisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "visit", abstract: "Log a must-visit (六必访) to a household.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The household's id.") var household: String
    @Option(help: "The staff id who visited.") var staff: String

    func run() throws {
        try reportingFailures {
            let database = try store.open()
            let visit = try storeCall { try database.logVisit(householdID: household, staffID: staff, at: SystemClock().now()) }
            print(visit.id)
        }
    }
}

/// `doorstep duty`: a worker goes on or off duty.
struct DutyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "duty", abstract: "Set a staff member's duty: on, off, busy or visit.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The staff id.") var staff: String
    @Argument(help: "on, off, busy or visit.") var state: String

    func run() throws {
        try reportingFailures {
            let duty = try parseChoice(state, as: DutyState.self, flag: "duty")
            let database = try store.open()
            let person = try storeCall { try database.setDuty(staffID: staff, duty, by: store.actor ?? staff, at: SystemClock().now()) }
            print("\(person.id) \(person.duty.rawValue)")
        }
    }
}

/// `doorstep ack`: a worker answers a call (or declines it).
struct Ack: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Acknowledge (answer) a call from the command centre.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The call's id.") var call: String
    @Option(help: "The staff id answering (the person called).") var staff: String
    @Flag(help: "Decline instead of answering.") var decline = false
    @Option(help: "Seconds a call may ring before it is missed.") var callTimeout: Double = Call.defaultTimeout

    func run() throws {
        try reportingFailures {
            let database = try store.open()
            let answered = try storeCall {
                try database.acknowledge(callID: call, staffID: staff, accept: !decline, timeout: callTimeout, at: SystemClock().now())
            }
            print("\(answered.id) \(answered.state.rawValue)")
        }
    }
}

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
    }

    func run() throws {
        try reportingFailures {
            let database = try store.open()
            let now = SystemClock().now()
            let data = try storeCall { try database.loadAll(at: now) }
            let overview = Overview(data: data, now: now, calendar: localCalendar())
            let notify: any Notifier = notifier.map { CommandNotifier(command: $0) } ?? RecordingNotifier()
            let desk = CallDesk(store: database, notifier: notify, clock: SystemClock(), timeout: Call.defaultTimeout, actor: store.who)
            let targets: [String]
            let gridCode: String?
            if let staff {
                guard let person = overview.staff(id: staff) else { throw Failure(store: .notFound(kind: "staff", id: staff)) }
                targets = [staff]
                gridCode = person.gridCode
            } else {
                let code = grid ?? ""
                guard data.grids.contains(where: { $0.code == code }) else { throw Failure(store: .notFound(kind: "grid", id: code)) }
                targets = data.staff.filter { $0.gridCode == code && $0.role.isGridCore }.map(\.id)
                gridCode = code
            }
            let report = try storeCall { try desk.place(staffIDs: targets, gridCode: gridCode, overview: overview) }
            for call in report.calls { print(call.id) }
            for problem in report.problems { FileHandle.standardError.write(Data("doorstep: \(problem)\n".utf8)) }
            if !report.problems.isEmpty { throw ExitCode(ExitStatus.refused) }
        }
    }
}
