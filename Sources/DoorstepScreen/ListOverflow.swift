import DoorstepCanvas

/// A list pane that shows what fits and ends with "N more" when it does not.
enum ListOverflow {
    /// How many of `total` rows to draw in `height` rows, keeping the last for "N more".
    static func visibleRows(_ total: Int, height: Int) -> Int {
        total > height ? max(0, height - 1) : total
    }

    /// Writes "N more" under the last visible row when rows were left out.
    static func drawMore(_ canvas: inout Canvas, total: Int, visible: Int, in inner: Rect, strings: UIStrings) {
        guard visible < total else { return }
        canvas.write(strings.moreRows(total - visible), x: inner.x, y: inner.y + visible, clip: inner, style: Style(.muted))
    }
}
