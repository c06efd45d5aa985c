import DoorstepDomain
import DoorstepStore
import Foundation
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// How long the store waits for the server, so that a network that stops answering — packets
/// dropped rather than refused — fails a command with a message instead of hanging it: a
/// statement's answer, and a writer's turn at the write lock (other writers hold it for a
/// moment each; a long one, an import, for longer).
enum RoundTrip {
    static let answer: TimeInterval = 30
    static let writeTurn: TimeInterval = 120
    /// How long the server lets a session sit silent inside a transaction before it ends it
    /// (and rolls it back): longer than the store ever spends between two statements of one.
    static let quietInTransaction: TimeInterval = 20
    /// How long after the watchdog closed the connection a statement's wait gives up regardless.
    static let afterWatchdog: TimeInterval = 5
}

extension PostgresConnection {
    /// `query`'s result, or `StoreError.unavailable` when none came within `seconds`: then the
    /// connection is closed (a reply still on its way must not answer the next statement),
    /// and the pool leaves it behind.
    ///
    /// The wait itself is bounded too: closing the connection is meant to fail the query, but a
    /// query sent on a connection already closing (the COMMIT or ROLLBACK after a statement the
    /// watchdog ended) was seen never to complete — a wall's poll then hung for good (CI, stop
    /// 30: the stack of a wall that stayed stale). A little after the watchdog the caller is
    /// told the server did not answer, whatever the client library does with the query.
    func answer(_ query: PostgresQuery, within seconds: TimeInterval = RoundTrip.answer, logger: Logger) throws -> PostgresQueryResult {
        let unanswered = StoreError.unavailable("the database server did not answer within \(Int(seconds)) s (is the network to it down?)", fault: .unreachable)
        guard !isClosed else { throw unanswered }
        let future = self.query(query, logger: logger)
        let expired = Atomic<Bool>(false)
        let watchdog = eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) { [self] in
            expired.store(true, ordering: .sequentiallyConsistent)
            let _: EventLoopFuture<Void> = close()
        }
        defer { watchdog.cancel() }
        do {
            guard let result = try future.wait(seconds: seconds + RoundTrip.afterWatchdog, abandon: { _ in }) else {
                let _: EventLoopFuture<Void> = close()
                throw unanswered
            }
            return result
        } catch {
            if expired.load(ordering: .sequentiallyConsistent) { throw unanswered }
            throw error
        }
    }
}

extension EventLoopFuture where Value: Sendable {
    /// The value, or nil when it did not come within `seconds` (then `abandon` is given the
    /// value should it come later).
    func wait(seconds: TimeInterval, abandon: @escaping @Sendable (Value) -> Void) throws -> Value? {
        let done = DispatchSemaphore(value: 0)
        whenComplete { _ in done.signal() }
        guard done.wait(timeout: .now() + seconds) == .success else {
            whenSuccess(abandon)
            return nil
        }
        return try wait()
    }
}
