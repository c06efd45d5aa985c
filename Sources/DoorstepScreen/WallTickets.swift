import DoorstepDomain

/// The open tickets the tickets pane lists: inside a street, only that street's (a city's
/// fifty thousand would bury them); otherwise every one. The list is worked out when the data
/// or the street changes, not on every frame.
extension WallState {
    /// How many rows the tickets pane has.
    public var ticketCount: Int { scopedTickets?.count ?? overview.openTickets.count }

    /// The ticket on row `row` of the pane.
    public func ticket(atRow row: Int) -> Overview.OpenTicket? {
        if let scopedTickets {
            guard scopedTickets.indices.contains(row), overview.openTickets.indices.contains(scopedTickets[row]) else { return nil }
            return overview.openTickets[scopedTickets[row]]
        }
        return overview.openTickets.indices.contains(row) ? overview.openTickets[row] : nil
    }

    /// The row ticket `id` is on, if the pane lists it.
    func ticketRow(of id: String) -> Int? {
        if let scopedTickets { return scopedTickets.firstIndex { overview.openTickets[$0].id == id } }
        return overview.openTickets.firstIndex { $0.id == id }
    }

    /// The street's open tickets and how many are overdue, for the pane's title (nil outside a street).
    var scopedTicketTally: (street: String, open: Int, overdue: Int)? {
        guard let scopedTickets, let street = scopedStreet, let scope = streetScope,
              overview.streetTallies.indices.contains(scope) else { return nil }
        return (street.name, scopedTickets.count, overview.streetTallies[scope].overdue)
    }

    mutating func refreshScopedTickets() {
        if shownScope != .street {
            // the desk's tickets, its queue first (each part most urgent first)
            let rows = overview.openTickets.indices.filter { onDesk(gridCode: overview.openTickets[$0].ticket.gridCode) }
            let ranks = rows.map { deskRank(overview.openTickets[$0].ticket.state) }
            scopedTickets = rows.indices.sorted { ranks[$0] != ranks[$1] ? ranks[$0] < ranks[$1] : $0 < $1 }.map { rows[$0] }
            return
        }
        guard let scope = streetScope, overview.communitiesOfStreet.indices.contains(scope) else {
            if scopedTickets != nil { scopedTickets = nil }
            return
        }
        var codes = Set<String>()
        for community in overview.communitiesOfStreet[scope] where overview.gridsOfCommunity.indices.contains(community) {
            for grid in overview.gridsOfCommunity[community] where overview.grids.indices.contains(grid) {
                codes.insert(overview.grids[grid].grid.code)
            }
        }
        var rows: [Int] = []
        for (index, open) in overview.openTickets.enumerated() where codes.contains(open.ticket.gridCode) { rows.append(index) }
        scopedTickets = rows
    }
}
