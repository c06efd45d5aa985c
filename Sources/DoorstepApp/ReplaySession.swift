import DoorstepDomain
import DoorstepEngine
import DoorstepScreen
import DoorstepStore
import Foundation

/// `doorstep replay`: the wall driven from the event log as it was (回放), from `start` to `end`
/// (the newest event when not given) at `speed`. The store is opened read-only and the wall's
/// writing keys are refused: nothing is written.
public struct ReplaySession {
    public var database: String
    public var start: Date
    public var end: Date?
    public var speed: Double
    public var settings: ScreenSettings

    public init(database: String, start: Date, end: Date?, speed: Double, settings: ScreenSettings) {
        self.database = database
        self.start = start
        self.end = end
        self.speed = speed
        self.settings = settings
    }

    public func run() throws -> Int32 {
        let logger = settings.startLogging(label: "doorstep.replay")
        let reader = try StoreAccess.open(database, readOnly: true)
        let newest = try storeCall { try reader.recentEvents(limit: 1).first?.at }
        guard let newest, newest >= start else {
            throw Failure("\(database): no event at or after \(localStamp(start)) to replay (the newest is \(newest.map { localStamp($0) } ?? "none"))",
                          exitCode: ExitStatus.usage)
        }
        let end = self.end ?? newest
        guard end > start else {
            throw Failure("--to \(localStamp(end)) is not after --from \(localStamp(start))", exitCode: ExitStatus.usage)
        }
        let clock = ReplayClock(real: SystemClock(), start: start, end: end, speed: speed)
        let feed = try storeCall { try ReplayFeed(base: reader, clock: clock, start: start) }
        logger.info("replay starting", metadata: ["db": "\(database)", "from": "\(start)", "to": "\(end)", "speed": "\(speed)"])
        // polls twice a second of real time, whatever the speed: a step or a jump shows at once
        let engine = PollingLoop(engine: Engine(store: feed, clock: clock, calendar: .local, callTimeout: settings.callTimeout),
                                 interval: min(0.5, settings.refresh))
        let effects = WallEffects(settings: settings, store: reader, engine: engine, actor: "replay", logger: logger)
        return try showWall(engine: engine, effects: effects, settings: settings, clock: clock, replay: ReplayDriver(clock: clock, feed: feed),
                            logger: logger)
    }
}

/// 回放's keys, put to its clock.
struct ReplayDriver: Sendable {
    let clock: ReplayClock
    let feed: ReplayFeed

    func status(entry: String?) -> ReplayStatus {
        ReplayStatus(paused: clock.isPaused, speed: clock.speed, start: clock.start, end: clock.end, atEnd: clock.atEnd, entry: entry)
    }

    func apply(_ command: ReplayCommand) {
        switch command {
        case .togglePause:
            // (at the end, space starts again from the beginning)
            if clock.atEnd { clock.jump(to: clock.start, pause: false) } else { clock.togglePause() }
        case .step(let forward):
            let (back, next) = feed.stepTimes(from: clock.now())
            clock.jump(to: (forward ? next : back) ?? (forward ? clock.end : clock.start), pause: true)
        case .jump(let instant):
            clock.jump(to: instant)
        case .speed(let faster):
            clock.setSpeed(faster ? clock.speed * 2 : clock.speed / 2)
        }
    }
}
