import Foundation

/// Runs an `Engine` on its own thread every `interval`, and leaves the newest snapshot in a
/// mailbox the screen's thread takes from: polling never blocks key handling.
public final class PollingLoop: @unchecked Sendable {
    private let engine: Engine
    private let interval: TimeInterval
    private let lock = NSLock()
    private var latest: EngineSnapshot?
    private var generation = 0
    private var taken = 0
    private var stopped = false
    private let wake = DispatchSemaphore(value: 0)
    private var thread: Thread?

    public init(engine: Engine, interval: TimeInterval) {
        self.engine = engine
        self.interval = max(0.05, interval)
    }

    /// Polls once on the calling thread (so the first frame has data), then starts the thread.
    @discardableResult
    public func start() -> EngineSnapshot? {
        let first = engine.poll()
        deliver(first)
        let thread = Thread { [self] in
            while !isStopped {
                _ = wake.wait(timeout: .now() + interval)
                if isStopped { break }
                deliver(engine.poll())
            }
        }
        thread.name = "doorstep.engine"
        self.thread = thread
        thread.start()
        return first
    }

    /// Asks for a poll now (after this process wrote something).
    public func pollSoon() { wake.signal() }

    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        wake.signal()
    }

    /// The newest snapshot not yet taken, if any.
    public func takeNew() -> EngineSnapshot? {
        lock.lock()
        defer { lock.unlock() }
        guard generation != taken else { return nil }
        taken = generation
        return latest
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func deliver(_ snapshot: EngineSnapshot?) {
        guard let snapshot else { return }
        lock.lock()
        // the same screen at a later instant is not news: the wall keeps its clock itself
        if let latest, latest.signature == snapshot.signature {
            lock.unlock()
            return
        }
        latest = snapshot
        generation += 1
        lock.unlock()
    }
}
