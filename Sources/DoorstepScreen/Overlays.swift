import DoorstepCanvas

/// What is drawn over the panes: the `?` help and the call banner.
enum Overlays {
    /// A box centred on the screen, cleared inside; returns its inside.
    static func centredBox(_ canvas: inout Canvas, width: Int, height: Int, title: String, style: Style) -> Rect {
        let w = min(width, canvas.size.width - 2)
        let h = min(height, canvas.size.height - 2)
        let rect = Rect(x: (canvas.size.width - w) / 2, y: (canvas.size.height - h) / 2, width: w, height: h)
        canvas.fill(rect, style: .normal)
        return canvas.box(rect, title: title, style: style)
    }

    static func help(_ canvas: inout Canvas, _ state: WallState) {
        let s = state.strings
        let keysWidth = (s.helpLines.map { DisplayWidth.of($0.keys) }.max() ?? 10) + 2
        let textWidth = s.helpLines.map { DisplayWidth.of($0.what) }.max() ?? 30
        let inner = centredBox(
            &canvas, width: keysWidth + textWidth + 4, height: s.helpLines.count + 4, title: s.help, style: Style(.key, bold: true))
        for (row, line) in s.helpLines.enumerated() {
            canvas.write(runs: [(Columns.pad(line.keys, to: keysWidth), Style(.key, bold: true)), (line.what, Style(.normal))],
                         x: inner.x + 1, y: inner.y + 1 + row, clip: inner)
        }
    }

    static func callBanner(_ canvas: inout Canvas, _ state: WallState, _ call: PendingCall) {
        let s = state.strings
        let seconds = max(0, Int(call.sendAt.timeIntervalSince(state.now).rounded(.up)))
        let text = s.calling(call.label, seconds)
        let width = DisplayWidth.of(text) + DisplayWidth.of(s.cancelHint) + 8
        let inner = centredBox(&canvas, width: width, height: 3, title: "", style: Style(.attention, bold: true))
        canvas.fill(inner, style: Style(.attention, inverse: true, bold: true))
        canvas.write(runs: [(" " + text + "   ", Style(.attention, inverse: true, bold: true)),
                            (s.cancelHint, Style(.attention, inverse: true))],
                     x: inner.x, y: inner.y, clip: inner)
    }
}
