import ArgumentParser
import DoorstepApp
import Foundation

/// `doorstep handover`: 交接班.
struct HandoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handover",
        abstract: "Hand the desk to the next shift (交接班), or show the last handover and what changed since.",
        discussion: """
            With --to, records that the acting operator hands the desk to that operator, with what the shift \
            inherits (open and overdue tickets, missed calls, severe hazards, joint cases waiting on a department, \
            must-visits and care services behind, alarms untaken) and a note. Without it, prints the last \
            handover with each figure then and now.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The operator taking the desk.") var to: String?
    @Option(help: "A free note for the next shift.") var note: String = ""
    @Flag(help: "JSON (when showing): {id, at, from, to, note, inherited, now, overdue_tickets, hazard_grids}, or null.") var json = false

    func run() throws {
        try reportingFailures {
            if let to {
                say(try store.end.handover(to: to, note: note))
            } else {
                say(try store.end.lastHandover(json: json))
            }
        }
    }
}
