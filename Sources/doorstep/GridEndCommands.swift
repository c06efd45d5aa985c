import ArgumentParser
import DoorstepApp
import DoorstepDomain

/// `doorstep visit`: log a must-visit (六必访).
struct VisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "visit", abstract: "Log a must-visit (六必访) to a household or a key place.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The household's id.") var household: String?
    @Option(help: "A key place's code (重点场所).") var place: String?
    @Option(help: "The staff id who visited.") var staff: String
    @Option(help: "What was found (a key place's visit).") var note: String?

    func validate() throws {
        guard (household == nil) != (place == nil) else { throw ValidationError("give exactly one of --household and --place") }
    }

    func run() throws {
        try reportingFailures {
            if let place {
                say(try store.end.visit(place: place, staff: staff, note: note))
            } else {
                say(try store.end.visit(household: household ?? "", staff: staff))
            }
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
            say(try store.end.duty(staff, try parseChoice(state, as: DutyState.self, flag: "duty"), by: store.actor))
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
        try reportingFailures { say(try store.end.acknowledge(call: call, staff: staff, accept: !decline, timeout: callTimeout)) }
    }
}
