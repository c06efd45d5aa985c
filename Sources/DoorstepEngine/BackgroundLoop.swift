import Foundation

/// One job run over and over on a thread of its own, every `interval` or sooner when woken:
/// the engine's polls, the demo's simulated changes. `stop()` waits for the round under way
/// to finish, so nothing runs after the caller moves on (removing a temporary database, say).
///
/// Thread-safe: its mutable state is guarded by `lock`; the job runs on the loop's thread only.
public final class BackgroundLoop: @unchecked Sendable {
    private let name: String
    private let interval: TimeInterval
    private let job: @Sendable () -> Void
    private let lock = NSLock()
    private var started = false
    private var stopped = false
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// `job` runs first after `interval`, not at once (run it yourself first when you need that).
    public init(name: String, interval: TimeInterval, job: @escaping @Sendable () -> Void) {
        self.name = name
        self.interval = max(0.01, interval)
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
                _ = wake.wait(timeout: .now() + interval)
                if isStopped { break }
                job()
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
