import ArgumentParser
import DoorstepDomain
import DoorstepScreen
import DoorstepTerminal
import Foundation
import Logging

/// `doorstep demo`: the wall screen on the embedded demo street.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the wall screen on the embedded demo street (临江街道).")

    @OptionGroup var wall: WallOptions

    @Option(help: "Where the demo's database will live (the store arrives with issue #3; accepted now).")
    var db: String?

    @Option(help: "Log file (default: $XDG_STATE_HOME/doorstep/doorstep.log).")
    var log: String?

    func run() throws {
        try reportingFailures {
            let environment = ProcessInfo.processInfo.environment
            FileLogHandler.bootstrap(path: log ?? FileLogHandler.defaultPath(environment: environment))
            let logger = Logger(label: "doorstep.demo")
            let language = try wall.language()
            let clock = SystemClock()
            let start = clock.now()
            let data = try wall.loadData(now: start)
            let calendar = localCalendar()
            logger.info("demo starting", metadata: ["grids": "\(data.grids.count)", "db": "\(db ?? "-")"])

            let terminal: Terminal
            do {
                terminal = try Terminal(environment: environment)
            } catch let error as TerminalError {
                throw Failure(error.description, exitCode: 2)
            }
            let state = WallState(
                overview: Overview(data: data, now: start, calendar: calendar), language: language, now: start,
                timeZone: calendar.timeZone, size: terminal.size)
            let runner = WallRunner(
                clock: clock, overview: { Overview(data: data, now: $0, calendar: calendar) }, refreshSeconds: 1,
                logger: logger)
            let outcome = runner.run(terminal: terminal, state: state)
            terminal.close()
            switch outcome {
            case .quit: return
            case .signal(let signal): throw ExitCode(128 + signal)
            case .terminalGone: throw ExitCode(129)
            }
        }
    }
}
