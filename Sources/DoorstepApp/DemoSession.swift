import DoorstepDomain
import DoorstepScreen
import DoorstepEngine
import DoorstepSeeds
import DoorstepSimulation
import DoorstepStore
import Foundation
import Logging
import Synchronization

/// `doorstep demo`: a fresh database of a data set (the embedded demo street by default), the
/// simulator making it live in-process, and the wall over it.
public struct DemoSession {
    /// Where to create the database (must not exist yet); nil for a temporary file removed on exit.
    public var database: String?
    /// A data-set folder; nil for the embedded demo street.
    public var dataSet: String?
    /// Simulated changes a minute.
    public var rate: Double
    public var seed: UInt64
    public var settings: ScreenSettings
    /// The operator the wall acts as (`--as`); nil for the data set's first street duty operator.
    public var operatorID: String?

    /// How much of the past the demo makes up before the wall opens.
    static let warmUpSeconds: TimeInterval = 60

    public init(database: String?, dataSet: String?, rate: Double, seed: UInt64, settings: ScreenSettings, operatorID: String? = nil) {
        self.operatorID = operatorID
        self.database = database
        self.dataSet = dataSet
        self.rate = rate
        self.seed = seed
        self.settings = settings
    }

    /// Runs the demo until the operator leaves; returns the exit status.
    public func run() throws -> Int32 {
        guard rate > 0 else { throw Failure("--rate must be above 0, not \(rate)", exitCode: ExitStatus.usage) }
        let logger = settings.startLogging(label: "doorstep.demo")
        let temporary = database == nil
        let path = database ?? URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("doorstep-demo-\(getpid())-\(UUID().uuidString.prefix(8)).sqlite").path
        if FileManager.default.fileExists(atPath: path) {
            throw Failure("\(path) already exists; the demo makes a fresh database (remove it or choose another --db)",
                          exitCode: ExitStatus.refused)
        }
        defer {
            if temporary { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        }
        let clock = SystemClock()
        let now = clock.now()
        let data = try DataSets.load(from: dataSet, now: now)
        let store = try storeCall { try SQLiteStore(path: path, create: true) }
        try storeCall { try store.replaceAll(with: data, at: now) }
        logger.info("demo starting", metadata: ["db": "\(path)", "grids": "\(data.grids.count)"])

        // the wall opens on a street already at work: the simulator makes the last minute's
        // changes first (a change every five seconds, stamped in the past), so the ticker is not empty
        let shifted = ShiftedClock(base: clock, offset: -Self.warmUpSeconds)
        let street = try storeCall { try Simulator(store: store, clock: shifted, seed: seed, callTimeout: settings.callTimeout) }
        for _ in 0..<Int(Self.warmUpSeconds / 5) {
            do { try street.step() } catch { logger.warning("simulator warm-up: \(error)") }
            shifted.move(by: 5)
        }
        shifted.move(by: -shifted.offset)

        // the simulated changes are made on the engine's thread, just before each of its polls
        // (one wake a second for both, the changes on the wall in the same second), as many as
        // the rate has made due since the last
        let due = DueSteps(rate: rate, from: clock.now())
        let engine = PollingLoop(
            engine: Engine(store: store, clock: clock, calendar: .local, callTimeout: settings.callTimeout), interval: settings.refresh,
            pace: .beforeTheSecond(clock)
        ) {
            for _ in 0..<due.take(at: clock.now()) {
                do { try street.step() } catch { logger.warning("simulator: \(error)") }
            }
        }
        // the wall acts as an operator of the data set (the simulator, the street's own tool, is not checked)
        let identity = Identity(named: operatorID ?? data.operators.first { $0.role == .streetDuty }?.id ?? "operator", login: nil)
        let session = try identity.session(store)
        let effects = WallEffects(settings: settings, store: session.store, engine: engine, actor: session.actor, logger: logger)
        return try showWall(engine: engine, effects: effects, settings: settings, desk: session.operator.map { Desk($0) } ?? .street,
                            operatorNames: session.names, operatorDesks: session.desks, logger: logger)
    }
}

/// A clock moved by `offset` seconds from another: the demo's warm-up walks through the past
/// on it, then brings it back to the present.
///
final class ShiftedClock: Clock {
    private let base: any Clock
    private let shift: Mutex<TimeInterval>

    init(base: any Clock, offset: TimeInterval) {
        self.base = base
        shift = Mutex(offset)
    }

    var offset: TimeInterval { shift.withLock { $0 } }

    func move(by seconds: TimeInterval) { shift.withLock { $0 += seconds } }

    func now() -> Date { base.now().addingTimeInterval(offset) }
}

/// How many simulated changes are due at an instant, at `rate` a minute from a start: each
/// call takes those due since the last — at most five seconds' worth, so a thread that stalled
/// does not make a burst (what it missed is let go).
final class DueSteps: Sendable {
    private let rate: Double
    private let start: Date
    private let most: Int
    private let taken = Mutex(0)

    init(rate: Double, from start: Date) {
        self.rate = rate
        self.start = start
        most = max(1, Int((rate / 60 * 5).rounded(.up)))
    }

    func take(at now: Date) -> Int {
        let owed = Int((max(0, now.timeIntervalSince(start)) * rate / 60).rounded(.down))
        return taken.withLock { done in
            let due = max(0, owed - done)
            done = max(done, owed)
            return min(due, most)
        }
    }
}
