import DoorstepStore
import PostgresNIO

/// PostgreSQL's and the connection's errors as the store's, in words a person can act on:
/// the server's own message when it sent one (a failed password, a missing database), else
/// what happened to the connection. The password is never part of it.
enum PostgresErrors {
    static func storeError(_ error: any Error, location: PostgresLocation) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else { return .unavailable("\(location): \(error)") }
        if let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState].map { " [\($0)]" } ?? ""
            return .unavailable("\(location): \(message)\(state)")
        }
        let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
        return .unavailable("cannot reach \(location): \(cause)")
    }
}
