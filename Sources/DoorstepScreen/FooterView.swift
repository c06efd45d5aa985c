import DoorstepCanvas

/// One row of key hints for what works now.
enum FooterView {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        canvas.fill(rect, style: Style(.footer))
        let key = Style(.key, bold: true)
        let text = Style(.footer)
        let communities = state.language == .zh ? "社区" : "community"
        canvas.write(
            runs: [
                (" ←↓↑→ hjkl", key), (" \(s.keyMove)   ", text),
                ("1-9", key), (" \(communities)   ", text),
                ("q", key), (" \(s.keyQuit)", text),
            ], x: rect.x, y: rect.y, clip: rect)
    }
}
