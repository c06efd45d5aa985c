import Foundation
import Synchronization

/// Jobs run a while from now, on a thread of their own that looks every tenth of a second.
///
/// Not `DispatchQueue.asyncAfter`: under Debian's faketime (which the suites run under, to
/// check any date) its timers never fire, and the SIP calls' hang-up at the timeout and the
/// registration's checks went with them. This measures with `ContinuousClock` and sleeps,
/// both of which faketime keeps.
final class Later: Sendable {
    private let jobs = Mutex<[(at: ContinuousClock.Instant, job: @Sendable () -> Void)]>([])
    private let stopped = Mutex(false)

    init() {
        let thread = Thread { [self] in
            while !stopped.withLock({ $0 }) {
                usleep(100_000)
                let now = ContinuousClock.now
                let due = jobs.withLock { jobs in
                    let due = jobs.filter { $0.at <= now }
                    jobs.removeAll { $0.at <= now }
                    return due
                }
                for entry in due { entry.job() }
            }
        }
        thread.name = "doorstep.sip.later"
        thread.start()
    }

    /// Runs `job` `seconds` from now (within a tenth of a second after).
    func after(_ seconds: Double, _ job: @escaping @Sendable () -> Void) {
        let at = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        jobs.withLock { $0.append((at, job)) }
    }

    /// Ends the thread; jobs not yet due are dropped.
    func stop() {
        stopped.withLock { $0 = true }
    }
}
