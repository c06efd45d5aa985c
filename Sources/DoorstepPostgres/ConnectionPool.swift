import DoorstepDomain
import DoorstepStore
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// A few connections to one server, lent one at a time to a blocking caller (the engine's
/// thread, a worker queue, the HTTP service's store threads — never Swift's cooperative pool,
/// which a blocked wait could starve). A connection that fails is dropped and a new one made on
/// the next loan, so a restarted server is reached again without a restart of ours.
final class ConnectionPool: Sendable {
    let location: PostgresLocation
    private let group: any EventLoopGroup
    private let logger: Logger
    private let idle = Mutex<[PostgresConnection]>([])
    private let slots: DispatchSemaphore
    private let ids = Atomic<Int>(0)
    /// How long a caller waits for a free connection, and for a server to answer a connect.
    let patience: TimeInterval

    init(location: PostgresLocation, size: Int, patience: TimeInterval = 10, logger: Logger) {
        self.location = location
        self.group = MultiThreadedEventLoopGroup.singleton
        self.logger = logger
        self.slots = DispatchSemaphore(value: max(1, size))
        self.patience = patience
    }

    /// Runs `body` with a connection of the pool's; a connection that broke is not put back.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        guard slots.wait(timeout: .now() + patience) == .success else {
            throw StoreError.unavailable("no free connection to \(location) within \(Int(patience)) s", fault: .unreachable)
        }
        defer { slots.signal() }
        // (a connection the server closed meanwhile — a restart, a dropped network — is left
        // behind: the caller gets a new one, not an error for something it never sent)
        var reused = idle.withLock { $0.popLast() }
        while let stale = reused, stale.isClosed { reused = idle.withLock { $0.popLast() } }
        let connection = try reused ?? connect()
        do {
            let result = try body(connection)
            idle.withLock { $0.append(connection) }
            return result
        } catch {
            if !connection.isClosed { idle.withLock { $0.append(connection) } }
            throw PostgresErrors.storeError(error, location: location)
        }
    }

    /// A new connection, or `StoreError.unavailable` saying why there is none.
    func connect() throws -> PostgresConnection {
        let id = ids.wrappingAdd(1, ordering: .relaxed).newValue
        do {
            var configuration = PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.user, password: location.password, database: location.database,
                tls: try Self.tls(location.tls))
            configuration.options.connectTimeout = .milliseconds(Int64(patience * 1000))
            // a client that goes quiet inside a transaction — its network stopped answering —
            // has the server end its session, and so let go of the write lock, which would
            // otherwise hold up every writer of the district until the network came back
            configuration.options.additionalStartupParameters = [
                ("idle_in_transaction_session_timeout", "\(Int(RoundTrip.quietInTransaction * 1000))")
            ]
            // (the connect timeout covers reaching the port; a server, or a network, that then
            // says nothing — no startup reply — is given as long again)
            let connecting = PostgresConnection.connect(on: group.next(), configuration: configuration, id: id, logger: logger)
            guard let connection = try connecting.wait(seconds: 2 * patience, abandon: { let _: EventLoopFuture<Void> = $0.close() }) else {
                throw StoreError.unavailable("\(location) did not answer within \(Int(2 * patience)) s (is the network to it down?)", fault: .unreachable)
            }
            return connection
        } catch {
            throw PostgresErrors.storeError(error, location: location)
        }
    }

    /// Closes the idle connections (those lent out close as they come back broken, or with the process).
    func close() {
        let connections = idle.withLock { idle in
            defer { idle.removeAll() }
            return idle
        }
        for connection in connections where !connection.eventLoop.inEventLoop { try? connection.close().wait() }
    }

    // (a connection must be closed before it goes: a pool dropped without `close()` closes its own)
    deinit { close() }

    private static func tls(_ mode: PostgresLocation.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        var client = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .prefer: client.certificateVerification = .none  // as libpq: encrypted if offered, the certificate not checked
        case .require: client.certificateVerification = .none
        case .verifyCA: client.certificateVerification = .noHostnameVerification
        case .verifyFull: break
        }
        let context = try NIOSSLContext(configuration: client)
        return mode == .prefer ? .prefer(context) : .require(context)
    }
}
