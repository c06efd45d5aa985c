import DoorstepCanvas
import DoorstepDomain
import Foundation

/// 三活 · the live map of a grid: its buildings as blocks, each household a cell marked by
/// what is due there (a must-visit not yet made this month, one made), walked with the arrow
/// keys down to a household. The households come from the store when the map opens.
enum LiveMap {
    /// A building's block and the households in it, in the map's order.
    struct Block {
        var building: Building
        var households: [Household]
        /// The index of the block's first household in the map's whole list.
        var first: Int
    }

    /// The grid's buildings with their households (buildings in data-set order, households in
    /// the store's order: by building, then id).
    static func blocks(_ state: WallState, grid code: String) -> [Block]? {
        guard let all = state.mapHouseholds[code] else { return nil }
        let byBuilding = Dictionary(grouping: all, by: \.buildingCode)
        var first = 0
        return (state.overview.buildingsByGrid[code] ?? []).map { building in
            let households = byBuilding[building.code] ?? []
            defer { first += households.count }
            return Block(building: building, households: households, first: first)
        }
    }

    /// What a household's cell says: a care service owed, a must-visit not made this month, one
    /// made, or nothing due.
    enum Mark { case plain, due, visited, care }

    static func mark(_ household: Household, _ state: WallState) -> Mark {
        if state.overview.care.plans(ofHousehold: household.id).contains(where: { !$0.due(at: state.now).isEmpty }) { return .care }
        guard !household.mustVisit.isEmpty else { return .plain }
        return state.visitedThisMonth(household.id) ? .visited : .due
    }

    /// The block holding the household at `cursor` (the last non-empty block starting at or before it).
    static func block(at cursor: Int, in blocks: [Block]) -> Int {
        blocks.lastIndex { $0.first <= cursor && !$0.households.isEmpty } ?? 0
    }

    /// A household owed a care service (the wide glyph set draws it as `*`).
    static let careGlyph = "◆"

    /// Cells are two columns: the mark and a space.
    static let cellWidth = 2
    /// The narrowest a building's block is drawn (wider when the row has room to spare).
    static let blockWidth = 26

    // MARK: Keys

    /// ← → one household, ↑ ↓ the previous or next building, Enter the household's page.
    static func handle(_ key: Key, _ state: inout WallState, grid code: String) -> WallEffect? {
        guard let blocks = blocks(state, grid: code), let last = blocks.last else { return nil }
        let count = last.first + last.households.count
        guard count > 0 else { return nil }
        let here = block(at: state.detailCursor, in: blocks)
        switch key {
        case .left, .character("h"): state.detailCursor = max(0, state.detailCursor - 1)
        case .right, .character("l"): state.detailCursor = min(count - 1, state.detailCursor + 1)
        case .up, .character("k"):
            if let previous = blocks[..<here].lastIndex(where: { !$0.households.isEmpty }) { state.detailCursor = blocks[previous].first }
        case .down, .character("j"):
            if let next = blocks[(here + 1)...].firstIndex(where: { !$0.households.isEmpty }) { state.detailCursor = blocks[next].first }
        case .home: state.detailCursor = 0
        case .end: state.detailCursor = count - 1
        case .enter:
            let all = blocks.flatMap(\.households)
            if all.indices.contains(state.detailCursor) { return state.open(.household(id: all[state.detailCursor].id)) }
        default: break
        }
        return nil
    }

    // MARK: View

    static func draw(_ canvas: inout Canvas, _ state: WallState, grid code: String, in area: Rect) {
        let d = state.language.detailStrings
        let m = state.language.mapStrings
        let name = state.overview.summary(ofGrid: code).map { "\($0.grid.name) \(code)" } ?? code
        let inner = canvas.box(area, title: "\(m.title) · \(name)", style: Style(.title, bold: true))
        guard let blocks = blocks(state, grid: code) else {
            canvas.write(d.loading, x: inner.x, y: inner.y, clip: inner, style: Style(.muted))
            return
        }
        let all = blocks.flatMap(\.households)
        let parts = Layout.rows(inner, [.fixed(1), .fill(1), .fixed(2)])
        // the legend, in marks and words
        canvas.write(runs: [
            (". ", Style(.muted)), (m.plain + "   ", Style(.muted)),
            (WallView.mark(for: .attention, canvas.glyphs) + " ", Style(.attention, bold: true)), (m.due + "   ", Style(.normal)),
            ("✔ ", Style(.ok)), (m.visited + "   ", Style(.normal)),
            (careGlyph + " ", Style(.alarm, bold: true)), (state.language.careStrings.mapDue + "   ", Style(.normal)),
            (m.partyMark + " ", Style(.title, bold: true)), (m.centralHousehold, Style(.normal)),
        ], x: parts[0].x, y: parts[0].y, clip: parts[0])

        // blocks flow left to right, top to bottom; the rows scroll to keep the selection in view
        // as many blocks of at least `blockWidth` as fit side by side, stretched to the width
        let perRow = max(1, (parts[1].width + 1) / (min(blockWidth, parts[1].width) + 1))
        let width = max(4, (parts[1].width + 1) / perRow - 1)
        let cellsPerLine = max(1, (width - 2) / cellWidth)
        let heights = blocks.map { 3 + max(1, ($0.households.count + cellsPerLine - 1) / cellsPerLine) }
        var rowTops: [Int] = [], rowHeights: [Int] = []
        var top = 0
        for start in stride(from: 0, to: blocks.count, by: perRow) {
            let height = heights[start..<min(blocks.count, start + perRow)].max() ?? 0
            rowTops.append(top)
            rowHeights.append(height)
            top += height
        }
        let selectedBlock = block(at: state.detailCursor, in: blocks)
        let selectedRow = selectedBlock / perRow
        var offset = 0
        if rowTops.indices.contains(selectedRow), rowTops[selectedRow] + rowHeights[selectedRow] > parts[1].height {
            offset = rowTops[selectedRow] + rowHeights[selectedRow] - parts[1].height
        }
        let party = state.overview.party
        for (index, block) in blocks.enumerated() {
            let row = index / perRow
            let rect = Rect(x: parts[1].x + (index % perRow) * (width + 1), y: parts[1].y + rowTops[row] - offset, width: width, height: heights[index])
            guard rect.y >= parts[1].y, rect.maxY <= parts[1].maxY else { continue }
            let central = party.hasCentralHousehold(building: block.building.code)
            let title = (central ? m.partyMark + " " : "") + block.building.name
            let box = canvas.box(rect, title: title, style: index == selectedBlock ? Style(.selected, bold: true) : Style(.border))
            let chief = block.building.chiefID.flatMap { state.overview.staff(id: $0)?.name }
            canvas.write("\(m.chief) \(chief ?? "—") · \(block.households.count)", x: box.x, y: box.y, clip: box, style: Style(.muted))
            for (k, household) in block.households.enumerated() {
                let x = box.x + (k % cellsPerLine) * cellWidth, y = box.y + 1 + k / cellsPerLine
                let selected = block.first + k == state.detailCursor
                let (glyph, style): (String, Style)
                switch mark(household, state) {
                case .plain: (glyph, style) = (".", Style(.muted))
                case .due: (glyph, style) = (WallView.mark(for: .attention, canvas.glyphs), Style(.attention, bold: true))
                case .visited: (glyph, style) = ("✔", Style(.ok))
                case .care: (glyph, style) = (careGlyph, Style(.alarm, bold: true))
                }
                canvas.write(glyph, x: x, y: y, clip: box, style: selected ? Style(.selected, inverse: true, bold: true) : style)
            }
        }

        // the selected household, masked as everywhere on the wall
        if all.indices.contains(state.detailCursor) {
            let h = all[state.detailCursor]
            let building = blocks.first { $0.building.code == h.buildingCode }?.building.name ?? h.buildingCode
            let tags = h.mustVisit.sorted { $0.rawValue < $1.rawValue }.map(d.mustVisit).joined(separator: "、")
            let status: String
            switch mark(h, state) {
            case .plain: status = ""
            case .due: status = " · " + m.due
            case .visited: status = " · " + m.visited
            case .care: status = " · " + state.language.careStrings.mapDue
            }
            // the building's micro-grid and its chief (微网格长)
            let micro = blocks.first { $0.building.code == h.buildingCode }.flatMap { state.overview.microGrid($0.building.microGridCode) }
            let chief = micro?.chiefID.flatMap { state.overview.staff(id: $0)?.name }
            let place = building + (micro.map { " · \($0.name)" + (chief.map { " \(m.microChief) \($0)" } ?? "") } ?? "")
            canvas.write("\(h.id) \(state.shown(name: h.headName, subject: h.id)) · \(place)" + (tags.isEmpty ? "" : " · \(tags)") + status,
                         x: parts[2].x, y: parts[2].y, clip: parts[2], style: Style(.normal, bold: true))
        } else {
            canvas.write(m.empty, x: parts[2].x, y: parts[2].y, clip: parts[2], style: Style(.muted))
        }
        let due = all.filter { mark($0, state) == .due }.count
        canvas.write(m.summary(all.count, blocks.count, due), x: parts[2].x, y: parts[2].y + 1, clip: parts[2], style: Style(.muted))
    }
}

/// The live map's words, one table per language.
struct MapStrings: Sendable {
    var title: String
    var plain: String
    var due: String
    var visited: String
    var partyMark: String
    var centralHousehold: String
    var chief: String
    var microChief: String
    var empty: String
    var summary: @Sendable (_ households: Int, _ buildings: Int, _ due: Int) -> String

    static let chinese = MapStrings(
        title: "三活 · 网格活地图", plain: "住户", due: "六必访未访", visited: "本月已访", partyMark: "党", centralHousehold: "有党员中心户的楼栋",
        chief: "楼栋长", microChief: "微网格长", empty: "本网格尚无住户", summary: { "住户 \($0) · 楼栋 \($1) · 六必访待访 \($2)" })
    static let english = MapStrings(
        title: "Live map", plain: "household", due: "must-visit due", visited: "visited this month", partyMark: "P",
        centralHousehold: "Party household", chief: "chief", microChief: "chief", empty: "no households in this grid",
        summary: { "\($0) households · \($1) buildings · \($2) must-visits due" })
}

extension Language {
    var mapStrings: MapStrings { self == .zh ? .chinese : .english }
}
