import DoorstepCanvas

/// A list pane that shows the rows that fit around its cursor, and says how many it left out.
struct ListWindow {
    /// The first row shown.
    var start: Int
    /// How many rows are shown.
    var count: Int
    /// Rows left out above and below.
    var above: Int
    var below: Int

    /// The window over `total` rows in `height` lines that keeps `cursor` in view, keeping a
    /// line for "N more" when rows are left out below (at the end, every line shows a row).
    init(total: Int, height: Int, cursor: Int) {
        guard total > height, height > 1 else {
            start = 0
            count = min(total, max(0, height))
            above = 0
            below = total - count
            return
        }
        let room = height - 1
        let first = min(max(0, cursor - room + 1), total - room)
        if first == total - room {
            // at the end nothing is left out below: the last line shows a row too
            start = total - height
            count = height
            above = start
            below = 0
            return
        }
        start = first
        count = room
        above = first
        below = total - first - room
    }

    var rows: Range<Int> { start..<(start + count) }

    /// Writes "N more" on the line after the rows when rows were left out below.
    func drawMore(_ canvas: inout Canvas, in inner: Rect, strings: UIStrings) {
        guard below > 0 || above > 0 else { return }
        let text = below > 0 ? strings.moreRows(below) : ""
        canvas.write(text, x: inner.x, y: inner.y + count, clip: inner, style: Style(.muted))
    }
}

extension Canvas {
    /// Draws a pane's border, in the key colour when the pane has the focus.
    mutating func pane(_ rect: Rect, title: String, focused: Bool) -> Rect {
        box(rect, title: title, style: focused ? Style(.key, bold: true) : Style(.border))
    }

    /// The pane's top edge and title alone, over a pane already drawn.
    mutating func paneTitle(_ rect: Rect, title: String, focused: Bool) {
        boxTop(rect, title: title, style: focused ? Style(.key, bold: true) : Style(.border))
    }

    /// A list's rows inside a box's `inner` area: `empty` when there are none; else the rows that
    /// fit with `cursor` in view, each drawn by `row` (its index, its line), the cursor's row
    /// marked, and "N more" under them when some are left out.
    mutating func listRows(in inner: Rect, count: Int, cursor: Int, empty: String, strings: UIStrings, _ row: (inout Canvas, Int, Int) -> Void) {
        guard count > 0 else {
            write(empty, x: inner.x, y: inner.y, clip: inner, style: Style(.muted))
            return
        }
        let window = ListWindow(total: count, height: inner.height, cursor: cursor)
        for (line, index) in window.rows.enumerated() {
            row(&self, index, inner.y + line)
            if index == cursor { cursorRow(inner.y + line, in: inner) }
        }
        window.drawMore(&self, in: inner, strings: strings)
    }

    /// Marks a list row as the cursor (inverse selection colours across the pane's width).
    mutating func cursorRow(_ y: Int, in inner: Rect) {
        guard y >= inner.y, y < inner.maxY else { return }
        for x in inner.x..<inner.maxX {
            let cell = self[x, y]
            if cell.isContinuation { continue }
            restyle(x: x, y: y, Style(.selected, inverse: true, bold: true))
        }
    }
}
