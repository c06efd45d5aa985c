/// Someone a call can be placed to, as the call desk and the screens name them.
public struct Callee: Hashable, Sendable {
    public var id: String
    public var name: String
    public var phone: String
    /// The staff role's code, or `party_` and the post for a Party member without a grid post.
    public var role: String
    public var gridCode: String?
}
