/// A database server's URL given where a store is named (`--db`, `DOORSTEP_DB`): how to tell
/// one from a file's path, and how to name it in a message without its password.
public enum ServerURL {
    /// Whether `text` names a PostgreSQL server (`postgresql://` or `postgres://`), not a file.
    public static func isPostgres(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    /// `url` with its password replaced by `mask`, or left out with its colon when there is none.
    public static func redacted(_ url: String, mask: String? = nil) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].lastIndex(of: "@"),
              let colon = url[scheme.upperBound..<at].firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + (mask.map { ":" + $0 } ?? "") + String(url[at...])
    }
}
