import DoorstepDomain

/// Which events the ticker shows while nobody browses it: a page read top to bottom, oldest
/// first, that fills downward as events arrive. When an event arrives on a full page, the page
/// turns: the newest half stays, moved to the top, and the rest of the page is room for the
/// next ones. A new event therefore costs the terminal one line, not every line of the pane
/// moving down by one (the pane is not the screen's full width, so the terminal cannot scroll it).
enum TickerPage {
    /// The sequence of the event the page starts with, for `events` (newest first) on a page of
    /// `rows` lines, given the page shown before (`previous`, nil at the start: the page is
    /// then filled with the newest events).
    static func top(previous: Int64?, events: [ChangeEvent], rows: Int) -> Int64? {
        guard rows > 0, let newest = events.first else { return nil }
        guard let previous, previous <= newest.sequence else {
            return events[min(rows, events.count) - 1].sequence
        }
        let shown = events.prefix { $0.sequence >= previous }.count
        if shown <= rows { return previous }
        // (a pane of a few lines costs little to move and would show too little after a turn:
        // it keeps all but one line, so it reads as a list that moves up)
        let kept = min(events.count, rows <= 4 ? max(1, rows - 1) : rows / 2)
        return events[kept - 1].sequence
    }

    /// The indexes in `events` (newest first) that the page starting at `top` shows, top line first.
    static func rows(top: Int64?, events: [ChangeEvent], rows: Int) -> [Int] {
        guard let top, rows > 0 else { return [] }
        let shown = min(rows, events.prefix { $0.sequence >= top }.count)
        return (0..<shown).reversed().map { $0 }
    }
}
