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
        write("└" + String(repeating: "─", count: rect.width - 2) + "┘", x: rect.x, y: rect.maxY - 1, clip: clip, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            write("│", x: rect.x, y: y, clip: clip, style: style)
            write("│", x: rect.maxX - 1, y: y, clip: clip, style: style)
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
        write("┌" + String(repeating: "─", count: rect.width - 2) + "┐", x: rect.x, y: rect.y, clip: clip, style: style)
        if let title, rect.width >= 6 {
            let label = " " + Columns.truncate(title, to: rect.width - 6) + " "
            write(label, x: rect.x + 2, y: rect.y, clip: clip, style: titleStyle)
        }
    }
}
