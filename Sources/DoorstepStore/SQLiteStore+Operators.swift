import DoorstepDomain
import Foundation
import GRDB

/// Operators (操作员) and the check every write makes of the one acting.
extension SQLStore {
    public func operators() throws -> [Operator] {
        try read { db in try Records.all(db, "SELECT * FROM operator ORDER BY position", Records.operatorRecord) }
    }

    public func add(operator op: Operator, by actor: String, at time: Date) throws {
        let id = op.id.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "," }) else {
            throw StoreError.invalid("an operator's id is one word (letters, digits, '-', '.'), not '\(op.id)'")
        }
        guard !op.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.invalid("operator \(id) needs a name") }
        if let problem = op.scopeProblem { throw StoreError.invalid("operator \(id): \(problem)") }
        try write { db in
            try authorize(db, .manageOperators)
            if let community = op.scope.communityCode { try Self.require(db, table: "community", key: "code", community, kind: "community") }
            if let grid = op.scope.gridCode { try Self.require(db, table: "grid", key: "code", grid, kind: "grid") }
            if let staff = op.staffID { try Self.require(db, table: "staff", key: "id", staff, kind: "staff") }
            let position = try db.integer("position", "SELECT position FROM operator WHERE id = ?", [id])
                ?? (try db.integer("n", "SELECT COALESCE(MAX(position) + 1, 0) AS n FROM operator", []) ?? 0)
            try Records.insert(Operator(id: id, name: op.name, role: op.role, scope: op.scope, staffID: op.staffID, login: op.login),
                               position: position, db)
            try Self.append(db, .operatorAdded(id: id, role: op.role, scope: op.scope), by: actor, at: time)
        }
    }

    public func removeOperator(id: String, by actor: String, at time: Date) throws -> Operator {
        try write { db in
            try authorize(db, .manageOperators)
            guard let removed = try Self.operatorRow(db, id) else { throw StoreError.notFound(kind: "operator", id: id) }
            if id == operatorID { throw StoreError.invalid("\(id) cannot remove themselves (ask another street duty operator)") }
            try db.execute("DELETE FROM operator WHERE id = ?", [id])
            try Self.append(db, .operatorRemoved(id: id), by: actor, at: time)
            return removed
        }
    }

    /// Refuses `action` when this store acts for an operator (`acting(as:)`) whose role or
    /// scope does not allow it, or who no longer exists; inside the write's transaction, so
    /// what it checks cannot change before the write commits. Tools acting for nobody pass.
    func authorize(_ db: some SQLSession, _ action: @autoclosure () throws -> OperatorAction) throws {
        guard let operatorID else { return }
        guard let op = try Self.operatorRow(db, operatorID) else {
            throw StoreError.forbidden("no operator '\(operatorID)' (any more): see `doorstep operator list`")
        }
        if let refusal = Permissions.refusal(try action(), by: op, communityOfGrid: { code in
            try? db.text("community", "SELECT community FROM grid WHERE code = ?", [code])
        }) {
            throw StoreError.forbidden(refusal)
        }
    }

    static func operatorRow(_ db: some SQLSession, _ id: String) throws -> Operator? {
        try db.first("SELECT * FROM operator WHERE id = ?", [id], Records.operatorRecord)
    }

    /// The grid a row of `table` is in (nil when there is no such row, which the write then reports).
    static func grid(of table: String, _ key: String, _ id: String, _ db: some SQLSession) throws -> String? {
        try db.text("grid", "SELECT grid FROM \(table) WHERE \(key) = ?", [id])
    }
}

extension Records {
    static func operatorRecord(_ row: Fields) throws -> Operator {
        let id = try row.text("id", in: "operator")
        let role = try row.choice("role", as: OperatorRole.self, in: "operator \(id)")
        let scope: OperatorScope
        if let grid = row.optionalText("grid") {
            scope = .grid(grid)
        } else if let community = row.optionalText("community") {
            scope = .community(community)
        } else {
            scope = .street
        }
        return Operator(id: id, name: try row.text("name", in: "operator \(id)"), role: role, scope: scope,
                        staffID: row.optionalText("staff"), login: row.optionalText("login"))
    }

    static func insert(_ op: Operator, position: Int, _ db: some SQLSession) throws {
        try db.execute("""
            INSERT INTO operator (id, name, role, community, grid, staff, login, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, community = excluded.community, grid = excluded.grid,
                staff = excluded.staff, login = excluded.login, position = excluded.position
            """, [op.id, op.name, op.role.rawValue, op.scope.communityCode, op.scope.gridCode, op.staffID, op.login, position])
    }
}
