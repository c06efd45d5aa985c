import Foundation

/// A piece of work run on its own thread, whose result is waited for later: the store's way
/// to use the second core while loading.
final class Background<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<T, Error>?

    init(_ work: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Waits for the work and returns its result (or throws its error).
    func value() throws -> T {
        done.wait()
        done.signal()  // a second wait returns at once
        guard let result else { throw StoreError.unavailable("background load ended without a result") }
        return try result.get()
    }
}
