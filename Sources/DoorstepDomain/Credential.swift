import Foundation

/// A door into the HTTP service, kept by the store as the hash of its secret: an API key a
/// residents' channel posts orders with (热线 12345, a WeChat mini program, a community's
/// 随手拍 page), or an operator's token a worker's phone acts with. Issued and revoked by
/// command; a revoked one opens nothing and stays listed.
public struct Credential: Hashable, Sendable, Identifiable {
    public enum Holder: Hashable, Sendable {
        /// An API key: the channel its orders come through (recorded as their source).
        case channel(String)
        /// A bearer token: the operator it acts as, with that operator's role and scope.
        case operatorID(String)
    }

    public var id: String
    public var holder: Holder
    /// SHA-256 of the secret, hex.
    public var hash: String
    public var issuedBy: String
    public var issuedAt: Date
    public var revokedAt: Date?

    public init(id: String, holder: Holder, hash: String, issuedBy: String, issuedAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.holder = holder
        self.hash = hash
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
        self.revokedAt = revokedAt
    }

    public var isActive: Bool { revokedAt == nil }

    /// A channel's name: a short word of lower-case letters, digits, '-' and '_' (`hotline`,
    /// `wechat-mp`); nil when it is fine, else what is wrong.
    public static func channelProblem(_ name: String) -> String? {
        guard !name.isEmpty, name.count <= 32 else { return "a channel's name is 1 to 32 characters, not '\(name)'" }
        guard name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) else {
            return "a channel's name is lower-case letters, digits, '-' and '_', not '\(name)'"
        }
        return nil
    }
}
