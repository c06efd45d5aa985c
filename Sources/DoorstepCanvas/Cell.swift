/// One terminal cell: a single grapheme cluster, its display width and its style.
///
/// A wide glyph occupies two cells: the leading cell holds the glyph with `width == 2`, the
/// trailing cell is a *continuation* (`width == 0`, empty text) that is never written on its own.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: Int8
    public var style: Style

    public init(_ text: String, width: Int8, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(" ", width: 1, style: .normal)

    public static func blank(_ style: Style) -> Cell { Cell(" ", width: 1, style: style) }

    static func continuation(_ style: Style) -> Cell { Cell("", width: 0, style: style) }

    /// True for the trailing half of a wide glyph.
    public var isContinuation: Bool { width == 0 }
}
