import DoorstepStore
import Foundation

/// A failure the user can act on: one line on standard error, then a non-zero exit status.
public struct Failure: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var exitCode: Int32

    public init(_ message: String, exitCode: Int32 = ExitStatus.refused) {
        self.message = message
        self.exitCode = exitCode
    }

    /// A store error as a one-line message with its exit status.
    public init(store error: StoreError) {
        let status: Int32
        switch error {
        case .missingDatabase: status = ExitStatus.noDatabase
        case .unavailable, .corrupt: status = ExitStatus.unavailable
        case .notFound: status = ExitStatus.notFound
        case .conflict, .call, .invalid: status = ExitStatus.refused
        case .forbidden: status = ExitStatus.forbidden
        }
        self.init(error.description, exitCode: status)
    }

    public var description: String { message }
}

/// Runs a store operation, turning its errors into one-line failures.
public func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw Failure(store: error)
    }
}
