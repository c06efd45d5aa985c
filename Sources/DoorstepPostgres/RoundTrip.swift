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
}

extension PostgresConnection {
    /// `query`'s result, or `StoreError.unavailable` when none came within `seconds`: then the
    /// connection is closed (a reply still on its way must not answer the next statement),
    /// and the pool leaves it behind.
    func answer(_ query: PostgresQuery, within seconds: TimeInterval = RoundTrip.answer, logger: Logger) throws -> PostgresQueryResult {
        let future = self.query(query, logger: logger)
        let expired = Atomic<Bool>(false)
        let watchdog = eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) { [self] in
            expired.store(true, ordering: .sequentiallyConsistent)
            let _: EventLoopFuture<Void> = close()
        }
        defer { watchdog.cancel() }
        do {
            return try future.wait()
        } catch {
            if expired.load(ordering: .sequentiallyConsistent) {
                throw StoreError.unavailable("the database server did not answer within \(Int(seconds)) s (is the network to it down?)")
            }
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
