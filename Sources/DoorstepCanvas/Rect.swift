/// A rectangle of terminal cells: columns `x ..< x+width`, rows `y ..< y+height`.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The rows `rows` of this rectangle, its full width.
    public func rows(_ rows: Range<Int>) -> Rect { Rect(x: x, y: rows.lowerBound, width: width, height: rows.count) }

    /// Whether the cell at (`column`, `row`) lies inside.
    public func contains(column: Int, row: Int) -> Bool { column >= x && column < maxX && row >= y && row < maxY }

    /// The rectangle shrunk by `n` cells on every side (never negative).
    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }

    /// The overlap of two rectangles (empty when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// One row of this rectangle, `row` counted from its top.
    public func row(_ row: Int) -> Rect {
        Rect(x: x, y: y + row, width: width, height: row >= 0 && row < height ? 1 : 0)
    }

    public var description: String { "\(width)×\(height)@(\(x),\(y))" }
}

/// The size of a terminal or canvas in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var description: String { "\(width)×\(height)" }
}
