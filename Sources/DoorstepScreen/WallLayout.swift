import DoorstepCanvas

/// Where the wall's panes go at a given terminal size.
public struct WallLayout: Sendable {
    /// The smallest terminal the wall draws on; below it a message says so.
    public static let minimum = Size(width: 80, height: 24)

    public var header: Rect
    public var grids: Rect
    public var staff: Rect
    public var tickets: Rect
    public var events: Rect
    public var footer: Rect
    /// 民情气象站, between the staff and the tickets, where the wall is wide and tall enough
    /// (the staff pane then keeps the rows a grid's 1+1+2+N needs, not more).
    public var trends: Rect?

    /// Nil when `size` is below `minimum`.
    public init?(size: Size) {
        guard size.width >= Self.minimum.width, size.height >= Self.minimum.height else { return nil }
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let rows = Layout.rows(screen, [.fixed(2), .fill(1), .fixed(1)])
        header = rows[0]
        footer = rows[2]
        let sideWidth: Constraint = size.width >= 160 ? .fixed(76) : .percent(42)
        let body = Layout.columns(rows[1], [.fill(1), sideWidth])
        grids = body[0]
        let eventRows = size.height >= 40 ? 12 : 5
        if size.width >= 160, size.height >= 50 {
            let side = Layout.rows(body[1], [.fixed(17), .fixed(9), .fill(1), .fixed(eventRows)])
            staff = side[0]
            trends = side[1]
            tickets = side[2]
            events = side[3]
        } else {
            let side = Layout.rows(body[1], [.percent(38), .fill(1), .fixed(eventRows)])
            staff = side[0]
            tickets = side[1]
            events = side[2]
        }
    }
}
