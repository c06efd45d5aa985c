import DoorstepDomain
import Foundation
import GRDB

/// The HTTP service's doors (channels' API keys, operators' tokens): issued and revoked by the
/// street's duty operators, each in the event log, looked up by id when presented.
public protocol CredentialDirectory: Sendable {
    /// Every credential, issued first first (revoked ones too).
    func credentials() throws -> [Credential]
    func credential(id: String) throws -> Credential?
    /// Stores a new credential for `holder` with the hash of its secret; returns it with its id
    /// (`K0001` for a key, `T0001` for a token).
    func issue(_ holder: Credential.Holder, hash: String, by actor: String, at time: Date) throws -> Credential
    /// Revokes one; revoking a revoked one is refused, saying when it was.
    func revoke(credentialID id: String, by actor: String, at time: Date) throws -> Credential
}

extension SQLStore {
    public func credentials() throws -> [Credential] {
        try read { db in try Records.all(db, "SELECT * FROM credential ORDER BY issued_at, id", Records.credential) }
    }

    public func credential(id: String) throws -> Credential? {
        try read { db in try Self.credentialRow(db, id) }
    }

    public func issue(_ holder: Credential.Holder, hash: String, by actor: String, at time: Date) throws -> Credential {
        guard hash.utf8.count == 64 else { throw StoreError.invalid("a credential's hash is 64 hex digits") }
        return try write { db in
            try authorize(db, .manageOperators)
            let (kind, prefix, channel, op): (String, String, String?, String?)
            switch holder {
            case .channel(let name):
                if let problem = Credential.channelProblem(name) { throw StoreError.invalid(problem) }
                (kind, prefix, channel, op) = ("key", "K", name, nil)
            case .operatorID(let id):
                guard try Self.operatorRow(db, id) != nil else { throw StoreError.notFound(kind: "operator", id: id) }
                (kind, prefix, channel, op) = ("token", "T", nil, id)
            }
            let count = try db.integer("n", "SELECT COUNT(*) AS n FROM credential WHERE kind = ?", [kind]) ?? 0
            let id = prefix + String(format: "%04d", count + 1)
            try db.execute("INSERT INTO credential (id, kind, channel, operator, hash, issued_by, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [id, kind, channel, op, hash, actor, time.timeIntervalSince1970])
            try Self.append(db, .keyIssued(id: id, channel: channel ?? op ?? ""), by: actor, at: time)
            return Credential(id: id, holder: holder, hash: hash, issuedBy: actor, issuedAt: time)
        }
    }

    public func revoke(credentialID id: String, by actor: String, at time: Date) throws -> Credential {
        try write { db in
            try authorize(db, .manageOperators)
            guard var credential = try Self.credentialRow(db, id) else { throw StoreError.notFound(kind: "key or token", id: id) }
            if let revoked = credential.revokedAt { throw StoreError.invalid("\(id) was revoked already, at \(revoked.formatted(.iso8601))") }
            try db.execute("UPDATE credential SET revoked_at = ? WHERE id = ?", [time.timeIntervalSince1970, id])
            try Self.append(db, .keyRevoked(id: id), by: actor, at: time)
            credential.revokedAt = time
            return credential
        }
    }

    static func credentialRow(_ db: some SQLSession, _ id: String) throws -> Credential? {
        try db.first("SELECT * FROM credential WHERE id = ?", [id], Records.credential)
    }
}

extension Records {
    static func credential(_ row: Fields) throws -> Credential {
        let id = try row.text("id", in: "credential")
        let holder: Credential.Holder
        if let channel = row.optionalText("channel") {
            holder = .channel(channel)
        } else {
            holder = .operatorID(try row.text("operator", in: "credential \(id)"))
        }
        return Credential(id: id, holder: holder, hash: try row.text("hash", in: "credential \(id)"),
                          issuedBy: try row.text("issued_by", in: "credential \(id)"), issuedAt: try row.date("issued_at", in: "credential \(id)"),
                          revokedAt: row.optionalDate("revoked_at"))
    }
}
