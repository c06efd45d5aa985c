import Foundation
import Logging
import PostgresNIO
import Synchronization

/// Push, not only poll: wakes a reader as soon as a change commits on any machine, by
/// `LISTEN`ing on the feed's channel (every append announces itself with `NOTIFY`, delivered
/// at commit). The event log stays the truth — a wake only says "poll now"; a reader still
/// reads "events after N" — so a lost notification costs a refresh interval, never an event.
///
/// It holds a connection of its own on a thread of its own; when the server restarts or the
/// network drops, it connects again with a growing wait (0.5 s doubling to 10 s) and wakes
/// the reader once it is back, to catch up on whatever committed meanwhile.
public final class FeedListener: Sendable {
    private let pool: ConnectionPool
    private let logger: Logger
    private let wake: @Sendable () -> Void
    private let onState: @Sendable (_ listening: Bool) -> Void
    private let state = Mutex<State>(State())
    private struct State {
        var stopping = false
        var connection: PostgresConnection?
    }
    /// The longest wait between two attempts to connect.
    static let longestWait: TimeInterval = 10

    /// A listener on `store`'s server that calls `wake` for each commit's events (and once on
    /// every reconnection), and `onState` when it starts or stops hearing the server.
    public init(store: PostgresStore, logger: Logger, onState: @escaping @Sendable (_ listening: Bool) -> Void = { _ in },
                wake: @escaping @Sendable () -> Void) {
        // (the store's pool makes its connection; it is held here, never lent)
        self.pool = store.pool
        self.logger = logger
        self.wake = wake
        self.onState = onState
    }

    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "doorstep.feed-listener"
        thread.start()
    }

    /// Stops listening and closes its connection.
    public func stop() {
        let connection = state.withLock { state in
            state.stopping = true
            return state.connection
        }
        _ = try? connection?.close().wait()
    }

    private var stopping: Bool { state.withLock { $0.stopping } }

    private func run() {
        var wait: TimeInterval = 0.5
        var first = true
        while !stopping {
            do {
                let connection = try pool.connect()
                connection.addListener(channel: PostgresSchema.feedChannel) { [wake] _, _ in wake() }
                _ = try connection.query(PostgresQuery(unsafeSQL: "LISTEN \(PostgresSchema.feedChannel)"), logger: logger).wait()
                let keep = state.withLock { state in
                    if !state.stopping { state.connection = connection }
                    return !state.stopping
                }
                guard keep else {
                    _ = try? connection.close().wait()
                    return
                }
                onState(true)
                if !first { logger.notice("feed listener: listening again", metadata: ["location": "\(pool.location)"]) }
                // what committed while it was not listening
                if !first { wake() }
                first = false
                wait = 0.5
                try? connection.closeFuture.wait()
                state.withLock { $0.connection = nil }
                guard !stopping else { return }
                onState(false)
                logger.warning("feed listener: connection lost", metadata: ["location": "\(pool.location)"])
            } catch {
                guard !stopping else { return }
                logger.warning("feed listener: \(error); again in \(wait) s")
                onState(false)
            }
            // wait, waking early when stopped
            let until = ContinuousClock.now + .milliseconds(Int64(wait * 1000))
            while !stopping, ContinuousClock.now < until { usleep(50_000) }
            wait = min(Self.longestWait, wait * 2)
        }
    }
}
