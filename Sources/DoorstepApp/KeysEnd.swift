import DoorstepCredentials
import DoorstepDomain
import DoorstepStore
import Foundation

/// API keys for the HTTP service's channels (`doorstep key issue|list|revoke`): the key is
/// shown once, when issued; the store keeps only its hash.
extension CommandLineEnd {
    /// `doorstep key issue --channel hotline`: the key's text, to hand to the channel.
    public func issueKey(channel: String) throws -> String {
        guard let secret = Secret.random() else { throw Failure("the system's random source failed; no key issued", exitCode: ExitStatus.unavailable) }
        let (store, actor) = try session()
        let issued = try storeCall { try store.issue(.channel(channel), hash: Secret.hash(of: secret), by: actor, at: clock.now()) }
        return Secret(kind: "k", id: issued.id, secret: secret).text
    }

    /// `doorstep token issue --operator jb01-worker`: the token's text, for the operator's phone
    /// (`Authorization: Bearer …`); it acts with that operator's role and scope.
    public func issueToken(operatorID: String) throws -> String {
        guard let secret = Secret.random() else { throw Failure("the system's random source failed; no token issued", exitCode: ExitStatus.unavailable) }
        let (store, actor) = try session()
        let issued = try storeCall { try store.issue(.operatorID(operatorID), hash: Secret.hash(of: secret), by: actor, at: clock.now()) }
        return Secret(kind: "t", id: issued.id, secret: secret).text
    }

    /// `doorstep key list`: every key and token, without secrets.
    public func keys(json: Bool) throws -> String {
        let store = try open(readOnly: true)
        let rows = try storeCall { try store.credentials() }.map { credential -> ListingRow in
            let holder: String
            switch credential.holder {
            case .channel(let name): holder = "channel " + name
            case .operatorID(let id): holder = "operator " + id
            }
            return [("id", credential.id), ("holder", holder), ("issued_by", credential.issuedBy),
                    ("issued_at", credential.issuedAt.formatted(.iso8601)), ("revoked_at", credential.revokedAt?.formatted(.iso8601))]
        }
        return try listing(rows, json: json, columns: ["id", "holder", "issued_by", "issued_at", "revoked_at"])
    }

    /// `doorstep key revoke K0001`: "revoked K0001".
    public func revokeKey(id: String) throws -> String {
        let (store, actor) = try session()
        let revoked = try storeCall { try store.revoke(credentialID: id, by: actor, at: clock.now()) }
        return "revoked \(revoked.id)"
    }
}
