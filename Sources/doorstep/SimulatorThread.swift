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
                Thread.sleep(forTimeInterval: gap)
            }
        }
        thread.name = "doorstep.simulator"
        thread.start()
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }
}
