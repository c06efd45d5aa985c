import DoorstepCanvas
import DoorstepDomain

/// Every grid as a tile, grouped under community headings.
enum GridsPane {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        let overview = state.overview
        let visible = state.visibleGrids
        var title = "\(s.allGrids) · \(overview.grids.count)"
        if visible != nil || state.filterEditing {
            title = "\(s.allGrids) · \(visible?.count ?? overview.grids.count)/\(overview.grids.count) · /\(state.filter)\(state.filterEditing ? "▏" : "")"
        }
        let inner = canvas.pane(rect, title: title, focused: state.focus == .grids)
        guard !inner.isEmpty else { return }
        let layout = TileLayout(overview: overview, pane: rect, include: visible)
        let offset = layout.scrollOffset(showing: state.selectedGrid, height: inner.height)

        if layout.slots.isEmpty {
            canvas.write(s.noMatch(state.filter), x: inner.x, y: inner.y, clip: inner, style: Style(.muted))
        }
        for heading in layout.headings {
            let y = inner.y + heading.y - offset
            guard y >= inner.y, y < inner.maxY, overview.communities.indices.contains(heading.community) else { continue }
            let community = overview.communities[heading.community]
            let members = overview.grids.filter { $0.grid.communityCode == community.code }
            let worst = members.map(\.assessment.status).max() ?? .normal
            canvas.write(
                runs: [
                    ("\(heading.community + 1) ", Style(.key, bold: true)),
                    ("▌", Style(WallView.role(for: worst))),
                    (community.name, Style(.title, bold: true)),
                    (" · \(members.count)", Style(.muted)),
                ], x: inner.x, y: y, clip: inner)
        }

        for slot in layout.slots where overview.grids.indices.contains(slot.index) {
            let tile = Rect(x: inner.x + slot.x, y: inner.y + slot.y - offset, width: layout.tileWidth, height: layout.tileHeight)
            drawTile(&canvas, overview.grids[slot.index], selected: slot.index == state.selectedGrid,
                     compact: layout.compact, strings: s, in: tile.intersection(inner), full: tile)
        }

        if offset + inner.height < layout.contentHeight {
            canvas.write("▼", x: rect.maxX - 2, y: rect.maxY - 1, style: Style(.key, bold: true))
        }
        if offset > 0 {
            canvas.write("▲", x: rect.maxX - 2, y: rect.y, style: Style(.key, bold: true))
        }
    }

    private static func drawTile(
        _ canvas: inout Canvas, _ summary: Overview.GridSummary, selected: Bool, compact: Bool, strings: UIStrings,
        in clip: Rect, full tile: Rect
    ) {
        guard !clip.isEmpty else { return }
        let status = summary.assessment.status
        // Trouble is drawn as a solid block in its colour; a normal grid stays quiet (a green
        // mark on the ordinary background), so red and yellow stand out across a room.
        let quiet = status == .normal && !selected
        let style = selected
            ? Style(.selected, inverse: true, bold: true)
            : (quiet ? Style(.normal) : Style(WallView.role(for: status), inverse: true, bold: status == .alarm))
        let markStyle = quiet ? Style(.ok, bold: true) : style
        let detailStyle = quiet ? Style(.muted) : style
        canvas.fill(clip, style: style)
        let mark = WallView.mark(for: status)
        if compact {
            let after = canvas.write(mark, x: tile.x, y: tile.y, clip: clip, style: markStyle)
            canvas.write(summary.grid.name, x: after, y: tile.y, clip: clip, style: style)
            return
        }
        let after = canvas.write(" \(mark) ", x: tile.x, y: tile.y, clip: clip, style: markStyle)
        canvas.write(summary.grid.name, x: after, y: tile.y, clip: clip, style: style)
        let why = summary.assessment.reasons.first.map { WallView.reasonText($0, strings) }
            ?? strings.ticketsShort(summary.openTickets)
        canvas.write("   \(summary.grid.code) \(why)", x: tile.x, y: tile.y + 1, clip: clip, style: detailStyle)
    }
}
