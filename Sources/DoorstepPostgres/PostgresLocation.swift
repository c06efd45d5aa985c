import DoorstepStore
import Foundation

/// Where a PostgreSQL store is: `postgresql://user[:password]@host[:port]/database[?sslmode=…]`
/// (or `postgres://`), as libpq writes it. The password comes from the URL, else `PGPASSWORD`,
/// else the password file (`PGPASSFILE` or `~/.pgpass`); it is never part of `description`,
/// so a log line or an error message that names the location does not carry it.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var password: String?
    public var tls: TLSMode

    /// `sslmode`, as libpq names it: `disable`; `prefer` (TLS when the server offers it, the
    /// default); `require`, `verify-ca` and `verify-full` (TLS or no connection; the two
    /// `verify` modes also check the server's certificate and name).
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// Whether `text` names a PostgreSQL store rather than a SQLite file.
    public static func isPostgres(_ text: String) -> Bool { ServerURL.isPostgres(text) }

    /// The location `url` names, its password looked up in `environment` (`PGPASSWORD`, and
    /// `PGUSER`, `USER` for a URL without a user) and in `passwordFile` (the text of a `.pgpass`).
    public init(url: String, environment: [String: String] = [:], passwordFile: String? = nil) throws(PostgresLocationError) {
        guard Self.isPostgres(url), let parts = URLComponents(string: url) else {
            throw PostgresLocationError("not a PostgreSQL URL (postgresql://user@host:port/database): \(Self.redacted(url))")
        }
        host = parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        if let port = parts.port {
            guard (1...65_535).contains(port) else { throw PostgresLocationError("port \(port) is out of range in \(Self.redacted(url))") }
            self.port = port
        } else {
            port = 5432
        }
        user = parts.user.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        guard !path.contains("/") else { throw PostgresLocationError("a database name has no '/': \(Self.redacted(url))") }
        database = path.isEmpty ? user : path
        tls = .prefer
        for item in parts.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                    let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw PostgresLocationError("sslmode '\(item.value ?? "")' is not one of \(modes)")
                }
                tls = mode
            case "application_name", "connect_timeout":
                break
            default:
                throw PostgresLocationError("unknown parameter '\(item.name)' in \(Self.redacted(url)) (known: sslmode)")
            }
        }
        password = parts.password.flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["PGPASSWORD"]
            ?? passwordFile.flatMap { Self.password(in: $0, host: host, port: port, database: database, user: user) }
    }

    /// The location with whatever password the environment and the usual password file give.
    public static func resolve(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresLocationError) -> PostgresLocation {
        try PostgresLocation(url: url, environment: environment, passwordFile: readPasswordFile(environment: environment))
    }

    /// `postgresql://user@host:port/database`, never with the password.
    public var description: String {
        "postgresql://\(user)@\(host):\(port)/\(database)" + (tls == .prefer ? "" : "?sslmode=\(tls.rawValue)")
    }

    /// `url` with any password replaced by `***`, for a message about a URL that did not parse.
    public static func redacted(_ url: String) -> String { ServerURL.redacted(url, mask: "***") }

    /// The first matching line's password in a `.pgpass` text: `host:port:database:user:password`,
    /// each of the first four a value or `*`, with `\:` and `\\` for a colon and a backslash.
    public static func password(in file: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in file.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let fields = splitEscaped(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    private static func splitEscaped(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var escaped = false
        for character in line {
            if escaped {
                field.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    /// The password file's text: `PGPASSFILE`, else `~/.pgpass`; none when it is missing or, as
    /// libpq insists, readable by others than its owner.
    static func readPasswordFile(environment: [String: String]) -> String? {
        let path = environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 == 0
        else { return nil }
        return try? String(contentsOfFile: path, encoding: .utf8)
    }
}

/// A PostgreSQL URL that cannot be used, with what is wrong in words a person can act on.
public struct PostgresLocationError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
