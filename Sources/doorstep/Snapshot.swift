import ArgumentParser
import DoorstepCanvas
import DoorstepDomain
import DoorstepScreen
import Foundation

/// `doorstep snapshot`: what the wall shows, as text, without a terminal.
struct Snapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the wall screen as text (no terminal needed), for scripts and checks.")

    @OptionGroup var wall: WallOptions

    @Option(help: "Width in columns.")
    var width = 200

    @Option(help: "Height in rows.")
    var height = 60

    func run() throws {
        try reportingFailures {
            guard (1...1000).contains(width), (1...1000).contains(height) else {
                throw Failure("--width and --height must be between 1 and 1000", exitCode: 64)
            }
            let now = Date()
            let calendar = localCalendar()
            let data = try wall.loadData(now: now)
            let state = WallState(
                overview: Overview(data: data, now: now, calendar: calendar), language: try wall.language(), now: now,
                timeZone: calendar.timeZone, size: Size(width: width, height: height))
            print(WallView.render(state).text)
        }
    }
}
