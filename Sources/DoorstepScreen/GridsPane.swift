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
        } else {
            title = "\(s.allGrids) · \(overview.grids.count)"
        }
        if !state.filter.isEmpty || state.filterEditing {
            let base = state.scopedStreet.map { "\($0.name) · \(s.allGrids)" } ?? s.allGrids
            title = "\(base) · \(shown)/\(overview.grids.count) · /\(state.filter)\(state.filterEditing ? "▏" : "")"
        }
        let inner = canvas.pane(rect, title: title, focused: state.focus == .grids)
        guard !inner.isEmpty else { return }
        let layout = TileLayout(groups: groups, pane: rect)
        let offset = layout.scrollOffset(showing: state.selectedTile, height: inner.height)

        if layout.slots.isEmpty {
            canvas.write(s.noMatch(state.filter), x: inner.x, y: inner.y, clip: inner, style: Style(.muted))
        }
        let districts = aboveStreets ? state.districts : []
        // the layout makes one heading per group, in order
        for (heading, group) in zip(layout.headings, groups) {
            let y = inner.y + heading.y - offset
            guard y >= inner.y, y < inner.maxY else { continue }
            let name: String
            let tally: StatusTally
            if aboveStreets {
                guard districts.indices.contains(group.heading) else { continue }
                name = districts[group.heading]
                tally = group.members.reduce(into: StatusTally()) { sum, index in sum.add(overview.streetTallies[index]) }
            } else {
                guard overview.communities.indices.contains(group.heading) else { continue }
                name = overview.communities[group.heading].name
                tally = overview.communityTallies.indices.contains(group.heading) ? overview.communityTallies[group.heading] : StatusTally()
            }
            // the digit that jumps here (counted before any filter, as the jump clears it)
            var number = group.heading + 1
            if !aboveStreets, let scope = state.streetScope, overview.communitiesOfStreet.indices.contains(scope) {
                number = (overview.communitiesOfStreet[scope].firstIndex(of: group.heading) ?? 99) + 1
            }
            let count = aboveStreets ? group.members.count : tally.grids
            var runs: [(String, Style)] = [
                (number <= 9 ? "\(number) " : "  ", Style(.key, bold: true)),
                ("▌", Style(WallView.role(for: tally.worst))),
                (name, Style(.title, bold: true)),
                (" · \(count)", Style(.muted)),
            ]
            // a district sums its streets on its heading (its street tiles may be too small to say)
            if aboveStreets {
                runs.append(("   " + s.communityLine(tally.grids, tally.alarm, tally.attention, tally.openTickets, tally.overdue), Style(.muted)))
            }
            canvas.write(runs: runs, x: inner.x, y: y, clip: inner)
        }

        for slot in layout.slots {
            let tile = Rect(x: inner.x + slot.x, y: inner.y + slot.y - offset, width: layout.tileWidth, height: layout.tileHeight)
            guard tile.maxY > inner.y, tile.y < inner.maxY else { continue }
            let selected = slot.index == state.selectedTile
            if aboveStreets {
                guard overview.streets.indices.contains(slot.index), overview.streetTallies.indices.contains(slot.index) else { continue }
                let tally = overview.streetTallies[slot.index]
                drawTile(&canvas, name: overview.streets[slot.index].name, status: tally.worst,
                         detail: s.streetTile(tally.alarm, tally.overdue, tally.attention, tally.grids), selected: selected,
                         compact: layout.compact, in: tile.intersection(inner), full: tile)
            } else {
                guard overview.grids.indices.contains(slot.index) else { continue }
                let summary = overview.grids[slot.index]
                let why = summary.assessment.reasons.first.map { WallView.reasonText($0, s) } ?? s.ticketsShort(summary.openTickets)
                drawTile(&canvas, name: summary.grid.name, status: summary.assessment.status, detail: "\(summary.grid.code) \(why)",
                         selected: selected, compact: layout.compact, in: tile.intersection(inner), full: tile)
            }
        }

        if offset + inner.height < layout.contentHeight {
            canvas.write("▼", x: rect.maxX - 2, y: rect.maxY - 1, style: Style(.key, bold: true))
        }
        if offset > 0 {
            canvas.write("▲", x: rect.maxX - 2, y: rect.y, style: Style(.key, bold: true))
        }
    }

    private static func drawTile(
        _ canvas: inout Canvas, name: String, status: GridStatus, detail: String, selected: Bool, compact: Bool,
        in clip: Rect, full tile: Rect
    ) {
        guard !clip.isEmpty else { return }
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
            canvas.write(name, x: after, y: tile.y, clip: clip, style: style)
            return
        }
        // what does not fit ends in "…", never cut mid-word without a mark (the layout keeps a
        // column between tiles, so neighbours do not run together)
        let after = canvas.write(" \(mark) ", x: tile.x, y: tile.y, clip: clip, style: markStyle)
        canvas.write(Columns.truncate(name, to: clip.maxX - after), x: after, y: tile.y, clip: clip, style: style)
        canvas.write("   " + Columns.truncate(detail, to: clip.maxX - tile.x - 3), x: tile.x, y: tile.y + 1, clip: clip, style: detailStyle)
    }
}
