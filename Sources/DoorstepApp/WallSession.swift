import DoorstepDomain
import DoorstepScreen
import DoorstepEngine
import DoorstepStore
import Foundation
#if PostgreSQL
import DoorstepPostgres
#endif

/// `doorstep wall`: the wall over an existing database, nothing simulated.
public struct WallSession {
    public var database: String
    /// Who works this wall (`--as`): their role and scope decide what it may do.
    public var identity: Identity
    public var settings: ScreenSettings

    public init(database: String, identity: Identity, settings: ScreenSettings) {
        self.database = database
        self.identity = identity
        self.settings = settings
    }

    /// Runs the wall until the operator leaves; returns the exit status.
    public func run() throws -> Int32 {
        let logger = settings.startLogging(label: "doorstep.wall")
        let writer = try StoreAccess.open(database)  // first: it brings the schema up to date
        let session = try identity.session(writer)
        let reader = try StoreAccess.open(database, readOnly: true)
        logger.info("wall starting", metadata: ["db": "\(database)", "as": "\(session.actor)"])
        let engine = PollingLoop(
            engine: Engine(store: reader, clock: SystemClock(), calendar: .local, callTimeout: settings.callTimeout,
                           recentLimit: session.operator.map { $0.scope == .street ? 50 : 500 } ?? 50),
            interval: settings.refresh, pace: .beforeTheSecond(SystemClock()))
        let effects = WallEffects(settings: settings, store: session.store, engine: engine, actor: session.actor, logger: logger)
        #if PostgreSQL
        // on PostgreSQL a commit on any machine wakes the wall at once; polling stays the truth
        let listener = (writer as? PostgresStore).map { store in FeedListener(store: store, logger: logger) { engine.pollSoon(push: true) } }
        listener?.start()
        defer { listener?.stop() }
        #endif
        return try showWall(engine: engine, effects: effects, settings: settings, desk: session.operator.map { Desk($0) } ?? .street,
                            operatorNames: session.names, operatorDesks: session.desks, logger: logger)
    }
}
