import DoorstepDomain
import Foundation

/// One job run over and over on a thread of its own, every `interval` or sooner when woken:
/// the engine's polls, the demo's simulated changes. `stop()` waits for the round under way
/// to finish, so nothing runs after the caller moves on (removing a temporary database, say).
///
/// Thread-safe: its mutable state is guarded by `lock`; the job runs on the loop's thread only.
public final class BackgroundLoop: @unchecked Sendable {
    private let name: String
    private let interval: TimeInterval
    private let job: @Sendable (_ woken: Bool) -> Void
    private let pace: Pace?
    private let lock = NSLock()
    private var started = false
    private var stopped = false
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Rounds that keep time with a clock: each runs `lead` seconds before a whole multiple of
    /// the interval on `clock` (for a one-second interval, just before each second turns).
    public struct Pace: Sendable {
        public var clock: any Clock
        public var lead: TimeInterval
        public init(clock: any Clock, lead: TimeInterval) {
            self.clock = clock
            self.lead = lead
        }

        /// The engine's polls for a wall: 50 ms before the clock's marks, so that the wall,
        /// which draws as each second turns, finds the news of that second in its mailbox.
        public static func beforeTheSecond(_ clock: any Clock) -> Pace { Pace(clock: clock, lead: 0.05) }

        /// Seconds from `now` to the next round, `interval` apart (never less than a tenth of it,
        /// so a round that ends just before its mark does not run twice).
        func wait(at now: Date, interval: TimeInterval) -> TimeInterval {
            let t = now.timeIntervalSince1970 + lead
            let wait = interval - (t - (t / interval).rounded(.down) * interval)
            return wait < interval / 10 ? wait + interval : wait
        }
    }

    /// `job` runs first after `interval`, not at once (run it yourself first when you need that);
    /// with `pace`, at the clock's marks instead (see `Pace`): the engine's polls just before
    /// the wall's clock turns a second, so a second's news and the clock make one frame.
    /// `job` is told whether it runs because it was woken (`wakeNow`) rather than on time.
    public init(name: String, interval: TimeInterval, pace: Pace? = nil, job: @escaping @Sendable (_ woken: Bool) -> Void) {
        self.name = name
        self.interval = max(0.01, interval)
        self.pace = pace
        self.job = job
    }

    public func start() {
        lock.lock()
        guard !started, !stopped else {
            lock.unlock()
            return
        }
        started = true
        lock.unlock()
        let thread = Thread { [self] in
            while true {
                let wait = pace.map { $0.wait(at: $0.clock.now(), interval: interval) } ?? interval
                let woken = wake.wait(timeout: .now() + wait) == .success
                if isStopped { break }
                job(woken)
            }
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Runs the next round now instead of at the end of the interval.
    public func wakeNow() { wake.signal() }

    /// Stops, and waits (up to `patience` seconds) for the round under way to finish.
    public func stop(patience: TimeInterval = 5) {
        lock.lock()
        let wasRunning = started && !stopped
        stopped = true
        lock.unlock()
        wake.signal()
        if wasRunning { _ = finished.wait(timeout: .now() + patience) }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }
}
