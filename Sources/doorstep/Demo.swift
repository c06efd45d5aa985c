import ArgumentParser
import DoorstepDomain
import DoorstepEngine
import DoorstepStore
import Foundation
import Logging

/// `doorstep demo`: a fresh demo database, the simulator running in-process, and the wall.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the wall on a fresh demo database (临江街道) with the simulator making it live.")

    @Option(help: "Where to create the demo database (must not exist yet; default: a temporary file removed on exit).")
    var db: String?

    @Option(name: .customLong("from"), help: "A data-set folder of CSV files (default: the embedded demo street).")
    var from: String?

    @OptionGroup var screen: ScreenOptions

    /// One change every five seconds: lively on a wall (`--rate 60` for a change a second,
    /// 86,400 a day over 64 grids, far beyond a street's pace).
    @Option(help: "Simulated changes per minute (default: one every five seconds).") var rate: Double = 12
    @Option(help: "Simulator seed.") var seed: UInt64 = 1

    /// How much of the past the demo makes up before the wall opens.
    static let warmUpSeconds: TimeInterval = 60

    func run() throws {
        try reportingFailures {
            let settings = try screen.settings()
            let logger = settings.startLogging(label: "doorstep.demo")
            guard rate > 0 else { throw Failure("--rate must be above 0", exitCode: ExitStatus.usage) }
            let temporary = db == nil
            let path = db ?? URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("doorstep-demo-\(getpid())-\(UUID().uuidString.prefix(8)).sqlite").path
            if FileManager.default.fileExists(atPath: path) {
                throw Failure("\(path) already exists; the demo makes a fresh database (remove it or choose another --db)",
                              exitCode: ExitStatus.refused)
            }
            defer {
                if temporary { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            }
            let now = SystemClock().now()
            let data = try WallOptions.loadData(from: from, now: now)
            let database = try storeCall { try SQLiteStore(path: path, create: true) }
            try storeCall { try database.replaceAll(with: data, at: now) }
            logger.info("demo starting", metadata: ["db": "\(path)", "grids": "\(data.grids.count)"])

            // the wall opens on a street already at work: the simulator makes the last minute's
            // changes first (a change every five seconds, stamped in the past), so the ticker is not empty
            let clock = ShiftedClock(offset: -Self.warmUpSeconds)
            let street = try storeCall { try Simulator(store: database, clock: clock, seed: seed, callTimeout: settings.callTimeout) }
            for _ in 0..<Int(Self.warmUpSeconds / 5) {
                do { try street.step() } catch { logger.warning("simulator warm-up: \(error)") }
                clock.move(by: 5)
            }
            clock.move(by: -clock.offset)

            let engine = PollingLoop(
                engine: Engine(store: database, clock: SystemClock(), calendar: localCalendar(), callTimeout: settings.callTimeout),
                interval: settings.refresh)
            let simulator = SimulatorThread(simulator: street, perMinute: rate, logger: logger, onChange: {})
            simulator.start()
            defer { simulator.stop() }
            let actions = settings.actions(store: database, engine: engine, actor: "operator", logger: logger)
            try showWall(engine: engine, actions: actions, language: settings.language, theme: settings.theme, logger: logger)
        }
    }
}

/// The system clock moved by `offset` seconds: the demo's warm-up walks through the past on it,
/// then brings it back to the present.
private final class ShiftedClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var shift: TimeInterval

    init(offset: TimeInterval) { shift = offset }

    var offset: TimeInterval {
        lock.lock()
        defer { lock.unlock() }
        return shift
    }

    func move(by seconds: TimeInterval) {
        lock.lock()
        shift += seconds
        lock.unlock()
    }

    func now() -> Date { SystemClock().now().addingTimeInterval(offset) }
}
