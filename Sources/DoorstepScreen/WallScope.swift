import DoorstepDomain

/// Above a street: a district or city centre's wall shows its streets (街道) as tiles, grouped
/// by district (区), and Enter drills into one street's grids; Esc climbs back. A wall over
/// one street shows its grids straight away. A `/` filter searches grids across every street.
extension WallState {
    /// True while the grids pane shows streets rather than grids.
    public var atStreetLevel: Bool {
        !overview.streets.isEmpty && streetScope == nil && filter.isEmpty && !filterEditing && shownScope == .street
    }

    /// The street drilled into, if any.
    public var scopedStreet: Street? {
        streetScope.flatMap { overview.streets.indices.contains($0) ? overview.streets[$0] : nil }
    }

    /// The districts, in the order their first street appears.
    var districts: [String] { overview.districts }

    /// The tiles of the grids pane under their headings, for whichever level is shown.
    var tileGroups: [TileLayout.Group] { atStreetLevel ? streetGroups : gridGroups }

    /// The index of the highlighted tile at the level shown.
    var selectedTile: Int {
        get { atStreetLevel ? selectedStreet : selectedGrid }
        set {
            if atStreetLevel { selectedStreet = newValue } else { selectedGrid = newValue }
        }
    }

    /// Streets under their districts.
    var streetGroups: [TileLayout.Group] {
        overview.streetsOfDistrict.enumerated().map { TileLayout.Group(heading: $0, members: $1) }
    }

    /// Grids under their communities: those of the street drilled into (all when none), and
    /// of those only the ones the filter lets through.
    var gridGroups: [TileLayout.Group] {
        let communities: [Int]
        if shownScope != .street {
            communities = deskCommunity.map { [$0] } ?? []
        } else if let scope = streetScope, overview.communitiesOfStreet.indices.contains(scope) {
            communities = overview.communitiesOfStreet[scope]
        } else {
            communities = Array(overview.communities.indices)
        }
        let visible = visibleGrids
        return communities.compactMap { community in
            var members = overview.gridsOfCommunity.indices.contains(community) ? overview.gridsOfCommunity[community] : []
            if case .grid = shownScope { members = members.filter { onDesk(gridIndex: $0) } }
            guard let visible else { return TileLayout.Group(heading: community, members: members) }
            let kept = members.filter(visible.contains)
            return kept.isEmpty ? nil : TileLayout.Group(heading: community, members: kept)
        }
    }

    /// Enter on a street: its grids, the first selected.
    mutating func enterStreet(_ index: Int) {
        guard overview.streets.indices.contains(index) else { return }
        streetScope = index
        selectedStreet = index
        if let first = gridGroups.lazy.flatMap(\.members).first { selectedGrid = first }
        staffCursor = 0
        ticketCursor = 0
    }

    /// Esc inside a street: back to all streets.
    mutating func leaveStreet() {
        streetScope = nil
        staffCursor = 0
        ticketCursor = 0
    }
}
