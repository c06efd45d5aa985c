import DoorstepStore

/// `doorstep copy`: a whole database from one store to another (a SQLite file, a PostgreSQL
/// server), checked by counting every table on both sides at the end.
public enum CopyEnd {
    /// Copies `from` into `to` (a new file is made; a server's database must exist and be empty,
    /// or `replace` empties it first); `progress` hears each table's rows as they go.
    public static func copy(from: String, to: String, replace: Bool,
                            progress: (_ table: String, _ done: Int, _ total: Int) -> Void) throws -> String {
        guard from != to else { throw Failure("--from and --to are the same database", exitCode: ExitStatus.usage) }
        let source = try StoreAccess.open(from, readOnly: true)
        let target = try StoreAccess.open(to, create: true)
        let counts = try storeCall { try StoreCopy.copy(from: source, to: target, replace: replace, progress: progress) }
        let rows = counts.values.reduce(0, +)
        return "\(target.path): \(rows) rows in \(counts.filter { $0.value > 0 }.count) tables copied from \(source.path), "
            + "\(counts["ticket"] ?? 0) tickets, \(counts["event"] ?? 0) events; every table's count checked"
    }
}
