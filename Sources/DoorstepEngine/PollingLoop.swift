import Foundation

/// Runs an `Engine` on a `BackgroundLoop` every `interval`, and leaves the newest snapshot in a
/// mailbox the screen's thread takes from: polling never blocks key handling.
///
/// Thread-safe: the mailbox is guarded by `lock`; the engine is touched by the loop's thread
/// only (and by `start`'s first poll, before the loop's thread exists).
public final class PollingLoop: @unchecked Sendable {
    private let engine: Engine
    private let lock = NSLock()
    private var latest: EngineSnapshot?
    private var generation = 0
    private var taken = 0
    private var polledAt: Date?
    private var loop: BackgroundLoop?
    private let interval: TimeInterval
    private let pace: BackgroundLoop.Pace?
    private let beforeEachPoll: (@Sendable () -> Void)?
    /// Told when a poll asked for with `push` (a commit elsewhere) brings news, so the screen
    /// can show it at once rather than at its next second.
    private var onPushed: (@Sendable () -> Void)?
    /// A poll asked for with `push` is due.
    private var pushWanted = false

    /// With `pace`, the polls keep time with a clock (see `BackgroundLoop.Pace`).
    /// `beforeEachPoll` runs on the loop's thread just before each of its polls (the demo's
    /// simulator writes there, so its changes and the poll that reads them share one wake).
    public init(engine: Engine, interval: TimeInterval, pace: BackgroundLoop.Pace? = nil, beforeEachPoll: (@Sendable () -> Void)? = nil) {
        self.engine = engine
        self.interval = max(0.05, interval)
        self.pace = pace
        self.beforeEachPoll = beforeEachPoll
    }

    /// Polls once on the calling thread (so the first frame has data), then starts the thread.
    @discardableResult
    public func start() -> EngineSnapshot? {
        let first = engine.poll()
        deliver(first)
        let loop = BackgroundLoop(name: "doorstep.engine", interval: interval, pace: pace) { [self] (woken: Bool) in
            beforeEachPoll?()
            // (a poll on time lands just before the wall's second, which takes it then)
            let push = woken && takePushWanted()
            if deliver(engine.poll()), push { pushed?() }
        }
        lock.lock()
        self.loop = loop
        lock.unlock()
        loop.start()
        return first
    }

    /// Asks for a poll now: after this process wrote something (its screen shows the news at
    /// its next second, as the wall's own alarms raised three a second would otherwise each
    /// draw a frame), or, with `push`, after a commit elsewhere (its news is pushed at once).
    public func pollSoon(push: Bool = false) {
        if push {
            lock.lock()
            pushWanted = true
            lock.unlock()
        }
        currentLoop?.wakeNow()
    }

    private func takePushWanted() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let wanted = pushWanted
        pushWanted = false
        return wanted
    }

    /// `body` runs on the engine's thread whenever a poll asked for by `pollSoon(push: true)` brings news.
    public func whenPushed(_ body: @escaping @Sendable () -> Void) {
        lock.lock()
        onPushed = body
        lock.unlock()
    }

    private var pushed: (@Sendable () -> Void)? {
        lock.lock()
        defer { lock.unlock() }
        return onPushed
    }

    public func stop() { currentLoop?.stop() }

    /// When the engine last finished a poll (the instant its overview describes), news or not:
    /// a wall that sees this fall behind knows the engine has stopped bringing data.
    public var lastPoll: Date? {
        lock.lock()
        defer { lock.unlock() }
        return polledAt
    }

    /// The newest snapshot not yet taken, if any.
    public func takeNew() -> EngineSnapshot? {
        lock.lock()
        defer { lock.unlock() }
        guard generation != taken else { return nil }
        taken = generation
        return latest
    }

    private var currentLoop: BackgroundLoop? {
        lock.lock()
        defer { lock.unlock() }
        return loop
    }

    /// Leaves `snapshot` in the mailbox; whether it is news.
    @discardableResult
    private func deliver(_ snapshot: EngineSnapshot?) -> Bool {
        guard let snapshot else { return false }
        lock.lock()
        polledAt = snapshot.overview.asOf
        // the same screen at a later instant is not news: the wall keeps its clock itself
        if let latest, latest.signature == snapshot.signature {
            lock.unlock()
            return false
        }
        latest = snapshot
        generation += 1
        lock.unlock()
        return true
    }
}
