import ArgumentParser
import DoorstepApp
import Foundation

/// The `doorstep` command: argument parsing only. What each command does lives in
/// `DoorstepApp` (and `DoorstepBench`), where it is tested without a process.
@main
struct Doorstep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doorstep",
        abstract: "家门口 Doorstep: a terminal command centre for grid-based community governance.",
        discussion: "Run `doorstep demo` to see the wall screen on the embedded demo street. Every command that uses a database "
            + "takes --db PATH (default: $DOORSTEP_DB, then $XDG_DATA_HOME/doorstep/doorstep.sqlite).",
        subcommands: [
            Demo.self, Wall.self, Replay.self, Snapshot.self, Init.self, Import.self, Copy.self, Simulate.self,
            // resident end
            Order.self, Rate.self,
            // community end
            Dispatch.self, Escalate.self, Cancel.self, CallInCommand.self, AnswerCommand.self,
            // grid end
            Accept.self, Resolve.self, VisitCommand.self, DutyCommand.self, Ack.self,
            // command centre
            OperatorCommand.self, KeyCommand.self, TokenCommand.self, Serve.self, CareCommand.self, ClearsCommand.self, Places.self, CallCommand.self, Calls.self, CallIns.self, Responders.self, Grids.self, StaffList.self, PartyList.self, Tickets.self, Report.self, HandoverCommand.self, Bench.self,
        ]
    )
}

/// Runs `body`, turning a `Failure` (or any other error) into its one-line message on
/// standard error and its exit status.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        complain("doorstep: \(failure.message)")
        throw ExitCode(failure.exitCode)
    } catch let exit as ExitCode {
        throw exit
    } catch {
        complain("doorstep: \(error)")
        throw ExitCode(ExitStatus.refused)
    }
}

/// Leaves with `status` (0 returns normally).
func exiting(with status: Int32) throws {
    if status != 0 { throw ExitCode(status) }
}
