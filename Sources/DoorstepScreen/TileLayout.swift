import DoorstepCanvas
import DoorstepDomain

/// Where each grid's tile sits inside the grids pane, grouped under community headings.
///
/// Full tiles (two lines: name, then code and the reason for the status) are used when every
/// community fits; otherwise compact one-line tiles, and the pane scrolls to the selection.
struct TileLayout: Equatable {
    struct Slot: Equatable {
        /// Index into `Overview.grids`.
        var index: Int
        var x: Int
        /// Row inside the pane's content (before scrolling).
        var y: Int
    }

    struct Heading: Equatable {
        var community: Int
        var y: Int
    }

    static let fullWidth = 17
    static let compactWidth = 12
    static let gap = 1

    var compact: Bool
    var tileWidth: Int
    var tileHeight: Int
    var slots: [Slot]
    var headings: [Heading]
    var contentHeight: Int

    /// The layout inside the grids pane `pane` (its border excluded): the one place both the
    /// view and key handling get it from, so they never disagree.
    /// Only the grids in `include` are placed (all when nil); a community with none is left out.
    init(overview: Overview, pane: Rect, include: Set<Int>? = nil) {
        let inner = pane.inset(by: 1)
        self.init(overview: overview, width: inner.width, height: inner.height, include: include)
    }

    init(overview: Overview, width: Int, height: Int, include: Set<Int>? = nil) {
        let full = Self.place(overview, width: width, tileWidth: Self.fullWidth, tileHeight: 2, rowGap: 1, include: include)
        if full.contentHeight <= height {
            self = full
        } else {
            self = Self.place(overview, width: width, tileWidth: Self.compactWidth, tileHeight: 1, rowGap: 0, include: include)
        }
    }

    private init(compact: Bool, tileWidth: Int, tileHeight: Int, slots: [Slot], headings: [Heading], contentHeight: Int) {
        self.compact = compact
        self.tileWidth = tileWidth
        self.tileHeight = tileHeight
        self.slots = slots
        self.headings = headings
        self.contentHeight = contentHeight
    }

    private static func place(_ overview: Overview, width: Int, tileWidth: Int, tileHeight: Int, rowGap: Int, include: Set<Int>?) -> TileLayout {
        let perRow = max(1, (width + gap) / (tileWidth + gap))
        var slots: [Slot] = []
        var headings: [Heading] = []
        var y = 0
        var byCommunity: [String: [Int]] = [:]
        for (index, summary) in overview.grids.enumerated() where include?.contains(index) ?? true {
            byCommunity[summary.grid.communityCode, default: []].append(index)
        }
        for (communityIndex, community) in overview.communities.enumerated() {
            let members = byCommunity[community.code] ?? []
            if members.isEmpty, include != nil { continue }
            headings.append(Heading(community: communityIndex, y: y))
            y += 1
            for (n, index) in members.enumerated() {
                let column = n % perRow
                if column == 0, n > 0 { y += tileHeight + rowGap }
                slots.append(Slot(index: index, x: column * (tileWidth + gap), y: y))
            }
            if !members.isEmpty { y += tileHeight + rowGap }
        }
        return TileLayout(
            compact: tileHeight == 1, tileWidth: tileWidth, tileHeight: tileHeight, slots: slots, headings: headings,
            contentHeight: max(0, y - rowGap))
    }

    func slot(for index: Int) -> Slot? { slots.first { $0.index == index } }

    /// The grid before (`-1`) or after (`+1`) `index` in reading order; `index` at the ends.
    func neighbour(of index: Int, step: Int) -> Int {
        guard let position = slots.firstIndex(where: { $0.index == index }) else { return slots.first?.index ?? index }
        let target = position + step
        return slots.indices.contains(target) ? slots[target].index : index
    }

    /// The grid index reached by moving one visual row up (`-1`) or down (`+1`) from `index`,
    /// keeping the column as close as possible; `index` itself at the top or bottom.
    func vertical(from index: Int, step: Int) -> Int {
        guard let current = slot(for: index) else { return index }
        let rows = Array(Set(slots.map(\.y))).sorted()
        guard let row = rows.firstIndex(of: current.y) else { return index }
        let target = row + step
        guard target >= 0, target < rows.count else { return index }
        let candidates = slots.filter { $0.y == rows[target] }
        return candidates.min { abs($0.x - current.x) < abs($1.x - current.x) }?.index ?? index
    }

    /// How far to scroll so the tile at `index` (and its heading, when the tile starts its
    /// community) is visible in a pane `height` rows tall.
    func scrollOffset(showing index: Int, height: Int) -> Int {
        guard contentHeight > height, let slot = slot(for: index) else { return 0 }
        let bottom = slot.y + tileHeight
        let offset = max(0, bottom - height)
        return min(offset, contentHeight - height)
    }
}
