import DoorstepEngine
import Foundation
import Synchronization

/// Jobs run a while from now: a `BackgroundLoop` that looks every tenth of a second, started
/// at the first job (a notifier that failed to start leaves no thread behind) and stopped
/// with the notifier.
///
/// Not `DispatchQueue.asyncAfter`: under Debian's faketime (which the suites run under, to
/// check any date) its timers never fire, and the SIP calls' hang-up at the timeout and the
/// registration's checks went with them. Due times are measured with `ContinuousClock`, which
/// faketime keeps, as it keeps the loop's waits.
final class Later: Sendable {
    /// The jobs waiting, shared with the loop's job.
    private final class Waiting: Sendable {
        let list = Mutex<[(at: ContinuousClock.Instant, job: @Sendable () -> Void)]>([])
    }

    private let waiting = Waiting()
    private let loop: BackgroundLoop

    init() {
        let waiting = waiting
        loop = BackgroundLoop(name: "doorstep.sip.later", interval: 0.1) { _ in
            let now = ContinuousClock.now
            let due = waiting.list.withLock { jobs in
                let due = jobs.filter { $0.at <= now }
                jobs.removeAll { $0.at <= now }
                return due
            }
            for entry in due { entry.job() }
        }
    }

    /// Runs `job` `seconds` from now (within a tenth of a second after).
    func after(_ seconds: Double, _ job: @escaping @Sendable () -> Void) {
        let at = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        waiting.list.withLock { $0.append((at, job)) }
        loop.start()  // (once: later calls do nothing)
    }

    /// Stops looking; jobs not yet due are dropped.
    func stop() {
        loop.stop()
    }
}
