import DoorstepCanvas
import DoorstepDomain

/// The mouse, for those who reach for it: a click selects the tile or list row under it (and
/// moves the focus there), a double click opens it, the wheel scrolls the list or page under
/// it. Everything it does, a key does too.
extension WallState {
    mutating func handleMouse(_ mouse: Mouse) -> WallEffect? {
        // on a page the wheel moves its cursor; clicks stay with the keys
        if !details.isEmpty {
            switch mouse.kind {
            case .wheelUp: for _ in 0..<3 { _ = handleDetail(.up) }
            case .wheelDown: for _ in 0..<3 { _ = handleDetail(.down) }
            case .click, .doubleClick: break
            }
            return nil
        }
        guard let layout = WallLayout(size: size) else { return nil }
        if layout.grids.contains(x: mouse.x, y: mouse.y) {
            focus = .grids
            switch mouse.kind {
            case .wheelUp: moveInGrids(.up)
            case .wheelDown: moveInGrids(.down)
            case .click, .doubleClick:
                guard let index = GridsPane.tile(atX: mouse.x, y: mouse.y, self, in: layout.grids) else { return nil }
                if selectedTile != index { staffCursor = 0 }
                selectedTile = index
                if mouse.kind == .doubleClick {
                    if atStreetLevel {
                        enterStreet(index)
                    } else if let code = selectedSummary?.grid.code {
                        return open(.grid(code: code))
                    }
                }
            }
            return nil
        }
        let lists: [(Pane, Rect, Int, Int)] = [
            (.staff, layout.staff, selectedGridStaff.count, staffCursor), (.tickets, layout.tickets, ticketCount, ticketCursor),
        ]
        for (pane, rect, count, cursor) in lists where rect.contains(x: mouse.x, y: mouse.y) {
            focus = pane
            let inner = rect.inset(by: 1)
            switch mouse.kind {
            case .wheelUp, .wheelDown:
                let moved = Self.move(cursor, mouse.kind == .wheelUp ? .pageUp : .pageDown, count: count, page: 3)
                if pane == .staff { staffCursor = moved } else { ticketCursor = moved }
            case .click, .doubleClick:
                let window = ListWindow(total: count, height: inner.height, cursor: cursor)
                let row = mouse.y - inner.y
                guard row >= 0, row < window.count else { return nil }
                if pane == .staff { staffCursor = window.start + row } else { ticketCursor = window.start + row }
                if mouse.kind == .doubleClick, pane == .tickets, let id = selectedTicket?.id { return open(.ticket(id: id)) }
            }
            return nil
        }
        if layout.events.contains(x: mouse.x, y: mouse.y) { focus = .events }
        return nil
    }
}
