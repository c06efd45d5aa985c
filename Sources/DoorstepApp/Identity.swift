import DoorstepDomain
import DoorstepStore

/// Who a command or terminal says is acting: an operator's id given with `--actor` / `--as`
/// or `$DOORSTEP_ACTOR`, and the account's login name.
public struct Identity: Sendable, Equatable {
    /// The id named, if any.
    public var named: String?
    /// The account's login name (`$USER`).
    public var login: String?

    public init(named: String?, login: String?) {
        self.named = named
        self.login = login
    }

    /// What the event log records for a store with no operators: the name given, or `cli:LOGIN`.
    public var unchecked: String { named ?? "cli:" + (login ?? "unknown") }

    /// The operator acting among `operators`: the one named, else the one whose login is this
    /// account's; nil while there are no operators (nobody is checked). A name that is no
    /// operator, or nobody named and no login matching, is refused with what to do.
    public func resolve(in operators: [Operator]) throws -> Operator? {
        guard !operators.isEmpty else { return nil }
        if let named {
            guard let found = operators.first(where: { $0.id == named }) else {
                throw Failure("no operator '\(named)' (see `doorstep operator list`)", exitCode: ExitStatus.forbidden)
            }
            return found
        }
        if let login, let found = operators.first(where: { $0.login == login }) { return found }
        throw Failure("""
            who is acting? this database has operators: give --actor OPERATOR (or set DOORSTEP_ACTOR), \
            or record your login with `doorstep operator add … --login \(login ?? "NAME")` (see `doorstep operator list`)
            """, exitCode: ExitStatus.forbidden)
    }

    /// `store` acting for the operator this identity resolves to (checked in every write),
    /// with the actor to record; the store itself and the unchecked name while it has no operators.
    public func session(_ store: any SQLStore) throws -> Session {
        let operators = try storeCall { try store.operators() }
        let names = Dictionary(operators.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let desks = Dictionary(operators.filter { $0.role != .viewer }.map { ($0.id, $0.scope.code) }, uniquingKeysWith: { a, _ in a })
        guard let op = try resolve(in: operators) else { return Session(store: store, actor: unchecked, operator: nil, names: names, desks: desks) }
        return Session(store: store.acting(as: op.id), actor: op.id, operator: op, names: names, desks: desks)
    }

    /// A store acting for an operator (or for nobody), who the event log records, and every
    /// operator's name by id (for the ticker).
    public struct Session {
        public var store: any SQLStore
        public var actor: String
        public var `operator`: Operator?
        public var names: [String: String]
        /// Each operator who can take a desk (not a viewer): the desk's scope code by id.
        public var desks: [String: String] = [:]
    }
}
