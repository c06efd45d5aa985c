import ArgumentParser
import DoorstepApp
import DoorstepDomain

/// `doorstep call-in`: the community end or the command centre calls outside parties in on a
/// ticket (联动处置); prints one call-in id per party.
struct CallInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call-in", abstract: "Call outside parties in on a ticket for joint handling (联动); prints the call-in ids.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The ticket's id.") var ticket: String
    @Option(name: .customLong("to"), help: "A party's id (see `doorstep responders`); repeat for several.") var responders: [String] = []
    @Option(help: "Hours each party has to handle it (default: its department's answer hours).") var hours: Int?

    func validate() throws {
        guard !responders.isEmpty else { throw ValidationError("name at least one party with --to") }
    }

    func run() throws {
        try reportingFailures { for id in try store.end.callIn(ticket: ticket, responders: responders, hours: hours) { say(id) } }
    }
}

/// `doorstep answer`: a called party answers (arrived, handled, declined), or the street
/// withdraws the call-in.
struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer", abstract: "Record a called party's answer: arrived, handled (with a note) or declined (with a reason).")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The call-in's id.") var callIn: String
    @Flag(help: "The party arrived (or took the case up).") var arrived = false
    @Option(help: "The party handled its part: what was done.") var handled: String?
    @Option(help: "The party declined: why.") var declined: String?
    @Option(help: "The street withdraws the call-in: why.") var withdraw: String?
    @Option(help: "Who answers (the party's id; default: the command-line user).") var by: String?

    func validate() throws {
        let given = [arrived ? "" : nil, handled, declined, withdraw].compactMap { $0 }
        guard given.count == 1 else { throw ValidationError("give exactly one of --arrived, --handled, --declined and --withdraw") }
    }

    func run() throws {
        let answer: CallInAnswer
        if let handled {
            answer = .handled(note: handled)
        } else if let declined {
            answer = .declined(reason: declined)
        } else if let withdraw {
            answer = .withdrawn(reason: withdraw)
        } else {
            answer = .arrived
        }
        try reportingFailures { say(try store.end.answer(callIn: callIn, answer, by: by)) }
    }
}

/// `doorstep responders`: the parties that can be called in.
struct Responders: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the outside parties that can be called in on a ticket, with their department.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {id, name, kind, department, department_name, answer_hours, community, phone}.") var json = false

    func run() throws {
        try reportingFailures { say(try store.end.responders(json: json)) }
    }
}

/// `doorstep call-ins`: call-ins newest first.
struct CallIns: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "call-ins", abstract: "List call-ins newest first, with their state and deadline.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {id, ticket, responder, state, late, requested_at, due_at, answered_at, requested_by, note}.") var json = false
    @Option(help: "Only this ticket's.") var ticket: String?
    @Flag(help: "Only those still pending (requested or arrived).") var pending = false
    @Option(help: "At most this many.") var limit = 100

    func run() throws {
        try reportingFailures { say(try store.end.callIns(json: json, ticket: ticket, pendingOnly: pending, limit: limit)) }
    }
}
