import ArgumentParser
import DoorstepDomain
import DoorstepStore
import Foundation

/// `--db PATH`, shared by every command that uses the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The database (default: $DOORSTEP_DB, then $XDG_DATA_HOME/doorstep/doorstep.sqlite).")
    var db: String?

    @Option(name: .long, help: "Who is acting, recorded in the event log (default: $DOORSTEP_ACTOR, then cli:$USER).")
    var actor: String?

    /// The database path this invocation uses.
    var path: String {
        if let db, !db.isEmpty { return db }
        let environment = ProcessInfo.processInfo.environment
        if let db = environment["DOORSTEP_DB"], !db.isEmpty { return db }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSTemporaryDirectory()) + "/.local/share")
        return data + "/doorstep/doorstep.sqlite"
    }

    var who: String {
        if let actor, !actor.isEmpty { return actor }
        let environment = ProcessInfo.processInfo.environment
        if let actor = environment["DOORSTEP_ACTOR"], !actor.isEmpty { return actor }
        return "cli:" + (environment["USER"] ?? "unknown")
    }

    func open(readOnly: Bool = false) throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: path, readOnly: readOnly)
        } catch let error as StoreError {
            throw Failure(store: error)
        }
    }
}

extension Failure {
    /// A store error as a one-line message with its exit status.
    init(store error: StoreError) {
        let status: Int32
        switch error {
        case .missingDatabase: status = ExitStatus.noDatabase
        case .unavailable, .corrupt: status = ExitStatus.unavailable
        case .notFound: status = ExitStatus.notFound
        case .conflict, .call, .invalid: status = ExitStatus.refused
        }
        self.init(error.description, exitCode: status)
    }
}

/// Runs a store operation, turning its errors into one-line failures.
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw Failure(store: error)
    }
}
