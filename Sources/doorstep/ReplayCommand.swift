import ArgumentParser
import DoorstepApp
import DoorstepDomain
import Foundation

/// `doorstep replay`: the wall driven from the event log as it was (回放); nothing is written.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay the wall from the event log: what it showed from a time on (nothing is written).",
        discussion: "Times are local (14:00 today, 2026-12-01 14:00) or ISO 8601 with a zone. On the wall: space pauses and runs on, "
            + "[ and ] step one event back or forward, g jumps to a time, + and - change the speed, q leaves.")

    @Option(name: .long, help: "The database (default: $DOORSTEP_DB, then $XDG_DATA_HOME/doorstep/doorstep.sqlite).")
    var db: String?
    @Option(help: "Where the replay starts.") var from: String
    @Option(help: "Where it stops (default: the newest event).") var to: String?
    @Option(help: "Replayed seconds per real second (0.1 to 3600).") var speed: Double = 1
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        try reportingFailures {
            guard speed >= 0.1, speed <= 3_600 else {
                throw Failure("--speed: \(speed) is not between 0.1 and 3600", exitCode: ExitStatus.usage)
            }
            let now = SystemClock().now()
            let start = try parseLocalTime(from, flag: "--from", now: now)
            let end = try to.map { try parseLocalTime($0, flag: "--to", now: now) }
            let session = ReplaySession(database: Paths().database(flag: db), start: start, end: end, speed: speed, settings: try screen.settings())
            try exiting(with: try session.run())
        }
    }
}
