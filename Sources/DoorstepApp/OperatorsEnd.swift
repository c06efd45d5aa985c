import DoorstepDomain
import DoorstepStore
import Foundation

/// Operators (操作员) from the command line: who works the terminals, with what role and scope.
extension CommandLineEnd {
    /// `doorstep operator list`: every operator with role, scope, staff record and login.
    public func operators(json: Bool) throws -> String {
        let store = try open(readOnly: true)
        let rows = try storeCall { try store.operators() }.map { op -> ListingRow in
            [("id", op.id), ("name", op.name), ("role", op.role.rawValue), ("scope", op.scope.code), ("staff", op.staffID), ("login", op.login)]
        }
        return try listing(rows, json: json, columns: ["id", "name", "role", "scope", "staff", "login"])
    }

    /// `doorstep operator add`: "added jb01-worker (grid_worker of JB01)". While the store has
    /// no operators anyone may add the first; then only a street duty operator.
    public func addOperator(id: String, name: String, role: String, scope: String, staff: String?, login: String?) throws -> String {
        let parsedRole = try parseChoice(role, as: OperatorRole.self, flag: "role")
        let op = Operator(id: id, name: name, role: parsedRole, scope: OperatorScope(role: parsedRole, code: scope),
                          staffID: staff.flatMap { $0.isEmpty ? nil : $0 }, login: login.flatMap { $0.isEmpty ? nil : $0 })
        let (store, actor) = try session()
        try storeCall { try store.add(operator: op, by: actor, at: clock.now()) }
        return "added \(op.id) (\(op.role.rawValue) of \(op.scope.code))"
    }

    /// `doorstep operator remove`: "removed jb01-worker".
    public func removeOperator(id: String) throws -> String {
        let (store, actor) = try session()
        let removed = try storeCall { try store.removeOperator(id: id, by: actor, at: clock.now()) }
        return "removed \(removed.id)"
    }
}
