/// Boxes drawn with Unicode box-drawing characters (never the terminal's ACS set).
extension Canvas {
    /// Draws a border around `rect` with an optional title in its top edge, and returns the
    /// rectangle inside the border.
    @discardableResult
    public mutating func box(
        _ rect: Rect, title: String? = nil, style: Style = Style(.border), titleStyle: Style = Style(.title, bold: true)
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return .zero }
        let clip = rect.intersection(bounds)
        boxTop(rect, title: title, style: style, titleStyle: titleStyle)
        edge("└", "─", "┘", rect: rect, y: rect.maxY - 1, clip: clip, style: style)
        let side = lineCell("│", style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(side, x: rect.x, y: y, clip: clip)
            put(side, x: rect.maxX - 1, y: y, clip: clip)
        }
        return rect.inset(by: 1)
    }

    /// The top edge of the border `box` draws around `rect`, with its title: for a title that
    /// changed on a box already drawn.
    public mutating func boxTop(
        _ rect: Rect, title: String? = nil, style: Style = Style(.border), titleStyle: Style = Style(.title, bold: true)
    ) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let clip = rect.intersection(bounds)
        edge("┌", "─", "┐", rect: rect, y: rect.y, clip: clip, style: style)
        if let title, rect.width >= 6 {
            let label = " " + Columns.truncate(title, to: rect.width - 6) + " "
            write(label, x: rect.x + 2, y: rect.y, clip: clip, style: titleStyle)
        }
    }

    /// A box's top or bottom edge: a corner, a line, a corner. Each glyph is looked up once and
    /// its cell placed along the edge (written as text, a line was cleaned, split into
    /// characters and measured cell by cell: a pane's frame cost more than its rows).
    private mutating func edge(_ left: Character, _ line: Character, _ right: Character, rect: Rect, y: Int, clip: Rect, style: Style) {
        let middle = lineCell(line, style: style)
        put(lineCell(left, style: style), x: rect.x, y: y, clip: clip)
        for x in stride(from: max(rect.x + 1, clip.x), to: min(rect.maxX - 1, clip.maxX), by: 1) { put(middle, x: x, y: y, clip: clip) }
        put(lineCell(right, style: style), x: rect.maxX - 1, y: y, clip: clip)
    }

    /// The cell a box glyph draws as on this terminal: one column in either glyph set (box
    /// lines are the line-drawing set's own; `CanvasTests` checks each of the six).
    private func lineCell(_ character: Character, style: Style) -> Cell {
        Cell(String(glyphs.drawable(character)), width: 1, style: style)
    }

    /// One narrow cell at (x, y) when the clip holds it.
    private mutating func put(_ cell: Cell, x: Int, y: Int, clip: Rect) {
        guard clip.contains(column: x, row: y) else { return }
        place(cell, x: x, y: y)
    }
}
