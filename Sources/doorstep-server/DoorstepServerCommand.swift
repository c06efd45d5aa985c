import ArgumentParser
import DoorstepApp
import DoorstepDomain
import DoorstepServer
import DoorstepStore
import Foundation
import Logging

/// `doorstep-server` (what `doorstep serve` runs): the HTTP service over one database.
@main
struct DoorstepServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doorstep serve",
        abstract: "Serve Open311 GeoReport v2 (/open311/v2/), the grid-end API (/api/v1/), /healthz, /metrics and /openapi.json over HTTP.",
        discussion: "Channels post with API keys from `doorstep key issue --channel NAME`. SIGTERM or SIGINT drains the requests in flight and stops.")

    @Option(help: "Where to listen, HOST:PORT (port 0 picks a free one; the address is printed).") var listen = "127.0.0.1:8311"
    @Option(name: .long, help: "The database (default: $DOORSTEP_DB, then $XDG_DATA_HOME/doorstep/doorstep.sqlite).") var db: String?
    @Option(help: "Requests a second per API key, in bursts of twice as many (0: no limit); over it, 429 with Retry-After.") var rateLimit: Double = 100
    @Option(help: "Seconds a connection may send nothing (a slow or stalled client) before it is closed.") var idleTimeout: Double = 30

    func run() async throws {
        let parts = listen.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, let port = Int(parts[parts.count - 1]), (0...65535).contains(port) else {
            throw ValidationError("--listen: '\(listen)' is not HOST:PORT (127.0.0.1:8311)")
        }
        let host = parts.dropLast().joined(separator: ":")
        let paths = Paths()
        let path = paths.database(flag: db)
        let store: any SQLStore
        do {
            store = try StoreAccess.open(path, readOnly: false)
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("doorstep serve: \(failure.message)\n".utf8))
            throw ExitCode(failure.exitCode)
        }
        var logger = Logger(label: "doorstep.serve")
        logger.logLevel = .info
        guard rateLimit >= 0 else { throw ValidationError("--rate-limit: at least 0, not \(rateLimit)") }
        guard idleTimeout > 0, idleTimeout <= 3600 else { throw ValidationError("--idle-timeout: seconds from 0 to 3600, not \(idleTimeout)") }
        var server = DoorstepServer(host: host.isEmpty ? "127.0.0.1" : host, port: port, store: store, clock: SystemClock(), rateLimit: rateLimit,
                                    logger: logger)
        server.idleTimeout = .milliseconds(Int64(idleTimeout * 1000))
        do {
            try await serve(server, path: path)
        } catch {
            // (the address taken or not ours, most often)
            FileHandle.standardError.write(Data("doorstep serve: cannot serve on \(listen): \(error)\n".utf8))
            throw ExitCode(69)
        }
    }

    private func serve(_ server: DoorstepServer, path: String) async throws {
        try await server.run { address in
            // (written straight to the descriptor: a script waiting for this line sees it at once)
            FileHandle.standardOutput.write(Data("doorstep serve: listening on http://\(address)\(Open311.base)/ (database \(path))\n".utf8))
        }
    }
}
