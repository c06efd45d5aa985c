/// What a cell *means*, not what colour it is: a theme maps roles to colours and attributes,
/// so the screen never names a colour and a monochrome terminal still has something to show.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case normal
    case muted
    case title
    /// A kind's word on a list that moves often (the ticker's event kinds, a ticket's tags):
    /// the title's colour without its weight, so a row redrawn every second or so does not
    /// send the terminal a full attribute reset around each word.
    case label
    case border
    case header
    case footer
    case key
    case selected
    case ok
    case attention
    case alarm
    case stale
}

/// A cell's style: its role, and whether it is drawn inverted (the selection, a tile's body).
public struct Style: Hashable, Sendable {
    public var role: Role
    public var inverse: Bool
    public var bold: Bool

    public init(_ role: Role = .normal, inverse: Bool = false, bold: Bool = false) {
        self.role = role
        self.inverse = inverse
        self.bold = bold
    }

    public static let normal = Style(.normal)
}
