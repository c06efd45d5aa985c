import DoorstepDomain
import DoorstepStore
import PostgresNIO

/// PostgreSQL's and the connection's errors as the store's, in words a person can act on:
/// the server's own message when it sent one (a failed password, a missing database), else
/// what happened to the connection. The password is never part of it.
enum PostgresErrors {
    static func storeError(_ error: any Error, location: PostgresLocation) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else { return .unavailable("\(location): \(error)", fault: .unreachable) }
        if let message = error.serverInfo?[.message] {
            let code = error.serverInfo?[.sqlState]
            let state = code.map { " [\($0)]" } ?? ""
            return .unavailable("\(location): \(message)\(state)", fault: code.flatMap(fault))
        }
        let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
        return .unavailable("cannot reach \(location): \(cause)", fault: .unreachable)
    }

    /// The fault a server's SQLSTATE names (a full disk, a standby that takes no writes, a lock
    /// not had, damaged data, the server going down); nil for the rest.
    static func fault(_ sqlState: String) -> StorageFault? {
        switch sqlState {
        case "53100": .diskFull
        case "25006": .readOnly
        case "55P03": .locked
        case "XX001", "XX002": .damaged
        case "57P01", "57P02", "57P03", "08006", "08001", "08004": .unreachable
        default: nil
        }
    }
}
