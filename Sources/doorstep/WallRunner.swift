import DoorstepCanvas
import DoorstepDomain
import DoorstepScreen
import DoorstepTerminal
import Foundation
import Logging

/// Drives the wall on a real terminal: render, flush the difference, wait for a key or the
/// next clock second, update, repeat. Runs on the one thread that owns ncurses.
struct WallRunner {
    enum Outcome: Equatable {
        case quit
        case signal(Int32)
        case terminalGone
    }

    var clock: any Clock
    /// Builds a fresh overview at a given instant (the data source; the polling engine of
    /// issue #3 takes this place).
    var overview: (Date) -> Overview
    var refreshSeconds: TimeInterval
    var logger: Logger

    func run(terminal: Terminal, state initial: WallState) -> Outcome {
        var state = initial
        state.update(.resize(terminal.size))
        var lastFrame: Canvas?
        var lastRefresh = clock.now()
        while true {
            let frame = WallView.render(state)
            if frame != lastFrame {
                terminal.draw(frame)
                lastFrame = frame
            }
            let now = clock.now()
            let fraction = now.timeIntervalSince1970 - now.timeIntervalSince1970.rounded(.down)
            let wait = max(10, Int((1 - fraction) * 1000) + 5)
            switch terminal.read(timeoutMilliseconds: wait) {
            case .key(let key):
                if state.update(.key(key)) == .quit {
                    logger.info("operator quit")
                    return .quit
                }
            case .resize(let size):
                logger.info("terminal resized", metadata: ["size": "\(size)"])
                state.update(.resize(size))
                lastFrame = nil
            case .timeout:
                let now = clock.now()
                state.update(.tick(now))
                if now.timeIntervalSince(lastRefresh) >= refreshSeconds {
                    state.update(.overview(overview(now)))
                    lastRefresh = now
                }
            case .signal(let signal):
                logger.notice("leaving on signal \(signal)")
                return .signal(signal)
            case .gone:
                logger.notice("terminal has gone away")
                return .terminalGone
            }
        }
    }
}
