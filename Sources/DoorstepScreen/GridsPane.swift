import DoorstepCanvas
import DoorstepDomain

/// Every grid as a tile, grouped under community headings; above a street, every street as a
/// tile grouped under its district.
enum GridsPane {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        let overview = state.overview
        let aboveStreets = state.atStreetLevel
        let groups = state.tileGroups
        let shown = groups.reduce(0) { $0 + $1.members.count }
        var title: String
        if aboveStreets {
            title = "\(s.allStreets) · \(overview.streets.count) · \(s.allGrids) \(overview.grids.count)"
        } else if let street = state.scopedStreet {
            title = "\(street.name) · \(s.allGrids) \(shown)"
        } else if state.shownScope != .street {
            // a community's or grid's desk: its own grids, the rest of the street not shown
            if case .grid(let code) = state.shownScope {
                title = overview.summary(ofGrid: code).map { "\($0.grid.name) · \(code)" } ?? code
            } else {
                let community = state.deskCommunity.flatMap { overview.communities.indices.contains($0) ? overview.communities[$0].name : nil }
                title = "\(community ?? state.shownScope.code) · \(s.allGrids) \(shown)"
            }
        } else {
            title = "\(s.allGrids) · \(overview.grids.count)"
        }
        if !state.filter.isEmpty || state.filterEditing {
            let base = state.scopedStreet.map { "\($0.name) · \(s.allGrids)" } ?? s.allGrids
            title = "\(base) · \(shown)/\(overview.grids.count) · /\(state.filter)\(state.filterEditing ? canvas.glyphs[.thinBar] : "")"
        }
        let inner = canvas.pane(rect, title: title, focused: state.focus == .grids)
        guard !inner.isEmpty else { return }
        let at = Geometry(state, groups: groups, inner: inner, pane: rect)
        if at.layout.slots.isEmpty {
            canvas.write(s.noMatch(state.filter), x: inner.x, y: inner.y, clip: inner, style: Style(.muted))
        }
        // the layout makes one heading per group, in order
        for (heading, group) in zip(at.layout.headings, groups) { drawHeading(&canvas, state, heading: heading, group: group, at: at) }
        for slot in at.layout.slots { drawSlot(&canvas, state, slot: slot, at: at) }
        if case .grid(let code) = state.shownScope { GridDeskPanel.draw(&canvas, state, code: code, in: inner) }

        let (layout, offset) = (at.layout, at.offset)
        if offset + inner.height < layout.contentHeight {
            canvas.write(canvas.glyphs[.moreBelow], x: rect.maxX - 2, y: rect.maxY - 1, style: Style(.key, bold: true))
        }
        if offset > 0 {
            canvas.write(canvas.glyphs[.moreAbove], x: rect.maxX - 2, y: rect.y, style: Style(.key, bold: true))
        }
    }

    /// The tile (its index at the level shown) at a cell of the screen, if any.
    static func tile(atX x: Int, y: Int, _ state: WallState, in rect: Rect) -> Int? {
        let inner = rect.inset(by: 1)
        guard inner.contains(x: x, y: y) else { return nil }
        let at = Geometry(state, groups: state.tileGroups, inner: inner, pane: rect)
        return at.layout.slots.first { slot in at.tile(slot).map { $0.shown.contains(x: x, y: y) } ?? false }?.index
    }

    /// Where the pane's tiles and headings go: the layout of its groups, scrolled to keep the
    /// selection in view.
    private struct Geometry {
        var inner: Rect
        var layout: TileLayout
        var offset: Int
        /// Above a street: the districts' names, in heading order.
        var districts: [String]

        init(_ state: WallState, groups: [TileLayout.Group], inner: Rect, pane: Rect) {
            self.inner = inner
            layout = TileLayout(groups: groups, pane: pane)
            offset = layout.scrollOffset(showing: state.selectedTile, height: inner.height)
            districts = state.atStreetLevel ? state.districts : []
        }

        /// The row a heading is on, if it is in view.
        func row(of heading: TileLayout.Heading) -> Int? {
            let y = inner.y + heading.y - offset
            return y >= inner.y && y < inner.maxY ? y : nil
        }

        /// A tile's rectangle, and the part of it in view (nil: none).
        func tile(_ slot: TileLayout.Slot) -> (full: Rect, shown: Rect)? {
            let tile = Rect(x: inner.x + slot.x, y: inner.y + slot.y - offset, width: layout.tileWidth, height: layout.tileHeight)
            let shown = tile.intersection(inner)
            return shown.isEmpty ? nil : (tile, shown)
        }
    }

    /// A group's heading: its jump digit, its worst status, its name and count; above a street,
    /// a district's sums. The row drawn, if the heading is in view.
    @discardableResult
    private static func drawHeading(
        _ canvas: inout Canvas, _ state: WallState, heading: TileLayout.Heading, group: TileLayout.Group, at: Geometry
    ) -> Int? {
        guard let y = at.row(of: heading) else { return nil }
        let s = state.strings
        let overview = state.overview
        let aboveStreets = state.atStreetLevel
        let name: String
        if aboveStreets {
            guard at.districts.indices.contains(group.heading) else { return nil }
            name = at.districts[group.heading]
        } else {
            guard overview.communities.indices.contains(group.heading) else { return nil }
            name = overview.communities[group.heading].name
        }
        let tally = headingTally(state, group)
        // the digit that jumps here (counted before any filter, as the jump clears it)
        var number = group.heading + 1
        if !aboveStreets, let scope = state.streetScope, overview.communitiesOfStreet.indices.contains(scope) {
            number = (overview.communitiesOfStreet[scope].firstIndex(of: group.heading) ?? 99) + 1
        }
        let count = aboveStreets ? group.members.count : tally.grids
        var runs: [(String, Style)] = [
            (number <= 9 ? "\(number) " : "  ", Style(.key, bold: true)),
            (canvas.glyphs[.heavyBar], Style(WallView.role(for: tally.worst))),
            (name, Style(.title, bold: true)),
            (" · \(count)", Style(.muted)),
        ]
        // a district sums its streets on its heading (its street tiles may be too small to say)
        if aboveStreets {
            runs.append(("   " + s.communityLine(tally.grids, tally.alarm, tally.attention, tally.openTickets, tally.overdue), Style(.muted)))
        }
        canvas.write(runs: runs, x: at.inner.x, y: y, clip: at.inner)
        return y
    }

    /// What a group's heading sums: a district's streets, or a community's grids.
    private static func headingTally(_ state: WallState, _ group: TileLayout.Group) -> StatusTally {
        let overview = state.overview
        if state.atStreetLevel {
            return group.members.reduce(into: StatusTally()) { sum, index in
                if overview.streetTallies.indices.contains(index) { sum.add(overview.streetTallies[index]) }
            }
        }
        return overview.communityTallies.indices.contains(group.heading) ? overview.communityTallies[group.heading] : StatusTally()
    }

    /// One tile: a street's above a street, else a grid's. The part drawn (the whole of it
    /// cleared in the tile's style), if the tile is in view.
    @discardableResult
    private static func drawSlot(_ canvas: inout Canvas, _ state: WallState, slot: TileLayout.Slot, at: Geometry) -> Rect? {
        let s = state.strings
        let overview = state.overview
        guard let (tile, shown) = at.tile(slot) else { return nil }
        let selected = slot.index == state.selectedTile
        if state.atStreetLevel {
            guard overview.streets.indices.contains(slot.index), overview.streetTallies.indices.contains(slot.index) else { return nil }
            let tally = overview.streetTallies[slot.index]
            drawTile(&canvas, name: overview.streets[slot.index].name, status: tally.worst,
                     detail: s.streetTile(tally.alarm, tally.overdue, tally.attention, tally.grids), selected: selected,
                     compact: at.layout.compact, in: shown, full: tile)
        } else {
            guard overview.grids.indices.contains(slot.index) else { return nil }
            let summary = overview.grids[slot.index]
            let why = summary.assessment.reasons.first.map { WallView.reasonText($0, s) } ?? s.ticketsShort(summary.openTickets)
            // a concern rising in the grid this week (民情气象站): an arrow after its code
            let rising = overview.trends?.risingGrids.contains(summary.grid.code) == true ? " ↑" : ""
            drawTile(&canvas, name: summary.grid.name, status: summary.assessment.status, detail: "\(summary.grid.code)\(rising) \(why)",
                     selected: selected, compact: at.layout.compact, in: shown, full: tile,
                     newAlarm: overview.alarms.standing(ofGrid: summary.grid.code)?.isNew == true, stale: state.staleSince != nil)
        }
        return shown
    }

    /// Only the headings and tiles whose inputs moved from `old` (what the canvas shows) to
    /// `state`; the rows drawn. Called after `WallView.panesMoved`, which has checked that the
    /// size, focus, filter, scope and territory are the same; nil when the selection moved
    /// (the pane scrolls with it: then the whole pane is drawn).
    static func drawChanged(_ canvas: inout Canvas, from old: WallState, to state: WallState, in rect: Rect) -> [Range<Int>]? {
        guard old.atStreetLevel == state.atStreetLevel, old.selectedTile == state.selectedTile else { return nil }
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return [] }
        let groups = state.tileGroups
        let at = Geometry(state, groups: groups, inner: inner, pane: rect)
        var rows: [Range<Int>] = []
        for (heading, group) in zip(at.layout.headings, groups) where headingTally(old, group) != headingTally(state, group) {
            guard let y = at.row(of: heading) else { continue }
            canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.normal))
            drawHeading(&canvas, state, heading: heading, group: group, at: at)
            rows.append(y..<(y + 1))
        }
        for slot in at.layout.slots where tileMoved(slot.index, from: old, to: state) {
            if let shown = drawSlot(&canvas, state, slot: slot, at: at) { rows.append(shown.y..<shown.maxY) }
        }
        return rows
    }

    private static func tileMoved(_ index: Int, from old: WallState, to state: WallState) -> Bool {
        if state.atStreetLevel {
            let (a, b) = (old.overview.streetTallies, state.overview.streetTallies)
            return !(a.indices.contains(index) && b.indices.contains(index) && a[index] == b[index])
        }
        let (a, b) = (old.overview.grids, state.overview.grids)
        guard a.indices.contains(index), b.indices.contains(index), a[index] == b[index] else { return true }
        let code = b[index].grid.code
        let rising = { (s: WallState) in s.overview.trends?.risingGrids.contains(code) == true }
        return old.overview.alarms.standing(ofGrid: code) != state.overview.alarms.standing(ofGrid: code) || rising(old) != rising(state)
    }

    private static func drawTile(
        _ canvas: inout Canvas, name: String, status: GridStatus, detail: String, selected: Bool, compact: Bool,
        in clip: Rect, full tile: Rect, newAlarm: Bool = false, stale: Bool = false
    ) {
        guard !clip.isEmpty else { return }
        if stale {
            // old data: no colour, no status mark, "?" — the tile does not claim to be current
            let style = selected ? Style(.selected, inverse: true, bold: true) : Style(.muted)
            canvas.fill(clip, style: style)
            let after = canvas.write(compact ? "?" : " ? ", x: tile.x, y: tile.y, clip: clip, style: style)
            canvas.write(Columns.truncate(name, to: clip.maxX - after), x: after, y: tile.y, clip: clip, style: style)
            if !compact { canvas.write("   " + Columns.truncate(detail, to: clip.maxX - tile.x - 3), x: tile.x, y: tile.y + 1, clip: clip, style: style) }
            return
        }
        // Trouble is drawn as a solid block in its colour; a normal grid stays quiet (a green
        // mark on the ordinary background), so red and yellow stand out across a room.
        let quiet = status == .normal && !selected
        let style = selected
            ? Style(.selected, inverse: true, bold: true)
            : (quiet ? Style(.normal) : Style(WallView.role(for: status), inverse: true, bold: status == .alarm))
        // an alarm nobody has taken yet: "!" in place of the mark, out of the block, until taken
        let markStyle = newAlarm ? Style(.alarm, bold: true) : quiet ? Style(.ok, bold: true) : style
        let detailStyle = quiet ? Style(.muted) : style
        canvas.fill(clip, style: style)
        let mark = newAlarm ? "!" : WallView.mark(for: status, canvas.glyphs)
        if compact {
            let after = canvas.write(mark, x: tile.x, y: tile.y, clip: clip, style: markStyle)
            canvas.write(Columns.truncate(name, to: clip.maxX - after), x: after, y: tile.y, clip: clip, style: style)
            return
        }
        // what does not fit ends in "…", never cut mid-word without a mark (the layout keeps a
        // column between tiles, so neighbours do not run together)
        let after = canvas.write(" \(mark) ", x: tile.x, y: tile.y, clip: clip, style: markStyle)
        canvas.write(Columns.truncate(name, to: clip.maxX - after), x: after, y: tile.y, clip: clip, style: style)
        canvas.write("   " + Columns.truncate(detail, to: clip.maxX - tile.x - 3), x: tile.x, y: tile.y + 1, clip: clip, style: detailStyle)
    }
}
