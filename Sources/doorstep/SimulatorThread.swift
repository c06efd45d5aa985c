import DoorstepEngine
import Foundation
import Logging

/// Runs a simulator in the background of `doorstep demo`, so the wall is alive from the first
/// second. Store errors are logged, never printed (the screen is up).
final class SimulatorThread: @unchecked Sendable {
    private let simulator: Simulator
    private let gap: TimeInterval
    private let logger: Logger
    private let lock = NSLock()
    private var stopped = false
    private let onChange: @Sendable () -> Void
    private let finished = DispatchSemaphore(value: 0)
    private let wake = DispatchSemaphore(value: 0)
    private var started = false

    init(simulator: Simulator, perMinute: Double, logger: Logger, onChange: @escaping @Sendable () -> Void) {
        self.simulator = simulator
        self.gap = 60 / max(perMinute, 0.1)
        self.logger = logger
        self.onChange = onChange
    }

    func start() {
        let thread = Thread { [self] in
            while !isStopped {
                do {
                    if try simulator.step() != nil { onChange() }
                } catch {
                    logger.warning("simulator: \(error)")
                }
                _ = wake.wait(timeout: .now() + gap)
            }
            finished.signal()
        }
        thread.name = "doorstep.simulator"
        lock.lock()
        started = true
        lock.unlock()
        thread.start()
    }

    /// Stops, and waits (up to a few seconds) for the step under way to finish, so nothing
    /// writes after the caller moves on (removing a temporary database, say).
    func stop() {
        lock.lock()
        let wasRunning = started && !stopped
        stopped = true
        lock.unlock()
        wake.signal()
        if wasRunning { _ = finished.wait(timeout: .now() + 5) }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }
}
