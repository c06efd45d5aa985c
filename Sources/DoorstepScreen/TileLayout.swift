import DoorstepCanvas
import DoorstepDomain

/// Where each tile sits inside the grids pane, grouped under headings: grids under their
/// communities, or (above a street) streets under their districts.
///
/// Full tiles (two lines: name, then code and the reason for the status) are used when every
/// group fits; otherwise compact one-line tiles, and the pane scrolls to the selection.
struct TileLayout: Equatable {
    struct Slot: Equatable {
        /// Index of the tile's item (into `Overview.grids`, or `Overview.streets`).
        var index: Int
        var x: Int
        /// Row inside the pane's content (before scrolling).
        var y: Int
    }

    /// One heading and the items under it, in order.
    struct Group: Equatable {
        /// What the heading is about (a community's or a district's index).
        var heading: Int
        var members: [Int]
    }

    struct Heading: Equatable {
        var group: Int
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

    /// The layout inside the grids pane `pane` (its border excluded).
    init(groups: [Group], pane: Rect) {
        let inner = pane.inset(by: 1)
        self.init(groups: groups, width: inner.width, height: inner.height)
    }

    init(groups: [Group], width: Int, height: Int) {
        let full = Self.place(groups, width: width, tileWidth: Self.fullWidth, tileHeight: 2, rowGap: 1)
        if full.contentHeight <= height {
            self = full
        } else {
            self = Self.place(groups, width: width, tileWidth: Self.compactWidth, tileHeight: 1, rowGap: 0)
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

    private static func place(_ groups: [Group], width: Int, tileWidth: Int, tileHeight: Int, rowGap: Int) -> TileLayout {
        let perRow = max(1, (width + gap) / (tileWidth + gap))
        var slots: [Slot] = []
        var headings: [Heading] = []
        var y = 0
        for group in groups {
            headings.append(Heading(group: group.heading, y: y))
            y += 1
            for (n, index) in group.members.enumerated() {
                let column = n % perRow
                if column == 0, n > 0 { y += tileHeight + rowGap }
                slots.append(Slot(index: index, x: column * (tileWidth + gap), y: y))
            }
            if !group.members.isEmpty { y += tileHeight + rowGap }
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
