import DoorstepCanvas

/// One row: the keys that work in the focused pane, and the latest notice on the right.
enum FooterView {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        canvas.fill(rect, style: Style(.footer))
        let key = Style(.key, bold: true)
        let text = Style(.footer)
        let communities = state.language == .zh ? "社区" : "community"
        var runs: [(String, Style)] = [(" ←↓↑→ hjkl", key), (" \(s.keyMove)  ", text), ("Tab", key), (" \(s.keyPanes)  ", text)]
        switch state.focus {
        case .grids:
            runs += [("1-9", key), (" \(communities)  ", text), ("C", key), (" \(s.keyCallGrid)  ", text)]
        case .staff:
            runs += [("c", key), (" \(s.keyCall)  ", text), ("C", key), (" \(s.keyCallGrid)  ", text), ("Esc", key), (" \(s.keyBack)  ", text)]
        case .tickets:
            runs += [("d", key), (" \(s.keyDispatch)  ", text), ("e", key), (" \(s.keyEscalate)  ", text),
                     ("x", key), (" \(s.keyCancelTicket)  ", text), ("Esc", key), (" \(s.keyBack)  ", text)]
        case .events:
            runs += [("Esc", key), (" \(s.keyBack)  ", text)]
        }
        runs += [("?", key), (" \(s.keyHelp)  ", text), ("q", key), (" \(s.keyQuit)", text)]
        let end = canvas.write(runs: runs, x: rect.x, y: rect.y, clip: rect)
        if let notice = state.notice {
            let message = " " + notice.text + " "
            let x = max(end + 2, rect.maxX - DisplayWidth.of(message))
            canvas.write(message, x: x, y: rect.y, clip: rect, style: notice.isProblem ? Style(.alarm, inverse: true, bold: true) : Style(.ok, inverse: true))
        }
    }
}
