import DoorstepDomain
import Foundation

/// `operators.csv`: who works the terminals and commands, each with a role and a scope (the
/// street, a community's code or a grid's code, as the role needs), checked against the
/// territory and the staff.
enum OperatorRows {
    static let columns = ["id", "name", "role", "scope", "staff", "login"]

    static func operators(_ rows: [CSVTable.Record], communities: Set<String>, grids: Set<String>, staff: Set<String>) throws -> [Operator] {
        var ids = Set<String>()
        return try rows.map { row in
            let id = try DataSet.unique(row, "id", in: &ids)
            guard !id.contains(where: { $0.isWhitespace || $0 == "," }) else {
                throw SeedError(file: row.file, line: row.line, "column 'id': '\(id)' is not one word")
            }
            let role = try row.choice("role", as: OperatorRole.self)
            let scope = OperatorScope(role: role, code: row.optional("scope"))
            let op = Operator(id: id, name: try row.required("name"), role: role, scope: scope,
                              staffID: DataSet.nonEmpty(row.optional("staff")), login: DataSet.nonEmpty(row.optional("login")))
            if let problem = op.scopeProblem { throw SeedError(file: row.file, line: row.line, "column 'scope': \(problem)") }
            if let community = scope.communityCode, !communities.contains(community) {
                throw SeedError(file: row.file, line: row.line, "column 'scope': no community '\(community)'")
            }
            if let grid = scope.gridCode, !grids.contains(grid) {
                throw SeedError(file: row.file, line: row.line, "column 'scope': no grid '\(grid)'")
            }
            if let person = op.staffID, !staff.contains(person) {
                throw SeedError(file: row.file, line: row.line, "column 'staff': no staff '\(person)'")
            }
            return op
        }
    }
}
