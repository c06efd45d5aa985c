import Foundation

/// The open tickets, each held once (`Overview.OpenTicket` is a class: the sorted list and the
/// lookup by id share one object), most urgent first, with each grid's ticket ids.
public struct OpenTicketIndex: Sendable {
    /// Most urgent first: overdue (most overdue first), then by deadline, then those with no
    /// running clock; ties by priority, then age.
    public private(set) var sorted = ChunkedArray<Overview.OpenTicket>()
    private(set) var byID: [String: Overview.OpenTicket] = [:]
    /// Per grid (by index): its open tickets (a grid holds a handful: a list, not a set).
    private(set) var byGrid: [[Overview.OpenTicket]]
    private(set) var escalated = 0

    init(grids: Int) { byGrid = Array(repeating: [], count: grids) }

    /// The open tickets among `tickets`, indexed in one pass.
    init(_ tickets: [Ticket], territory: TerritoryIndex) {
        self.init(grids: territory.grids.count)
        var open: [Overview.OpenTicket] = []
        open.reserveCapacity(tickets.count)
        byID.reserveCapacity(tickets.count)
        for ticket in tickets where ticket.state.isOpen {
            let g = territory.grid(ticket.gridCode)
            let item = Self.item(ticket, grid: g, territory: territory)
            open.append(item)
            byID[ticket.id] = item
            if let g { byGrid[g].append(item) }
            if ticket.state == .escalated { escalated += 1 }
        }
        sorted = ChunkedArray(Self.mostUrgentFirst(open))
    }

    /// The list sorted most urgent first, by keys copied out once (sorting the objects
    /// themselves counts references at every comparison: a third of indexing a city).
    static func mostUrgentFirst(_ items: [Overview.OpenTicket]) -> [Overview.OpenTicket] {
        // a store hands them over most urgent first already: sorting is then one pass
        if !items.indices.dropFirst().contains(where: { Overview.OpenTicket.isMoreUrgent(items[$0], than: items[$0 - 1]) }) {
            return items
        }
        var keys = items.indices.map { k in (due: items[k].dueKey, priority: -items[k].ticket.priority.rank, created: items[k].createdKey, index: k) }
        keys.sort { a, b in
            if a.due != b.due { return a.due < b.due }
            if a.priority != b.priority { return a.priority < b.priority }
            if a.created != b.created { return a.created < b.created }
            return items[a.index].ticket.id < items[b.index].ticket.id
        }
        return keys.map { items[$0.index] }
    }

    public var count: Int { sorted.count }

    /// The grid (by index) of an open ticket.
    func grid(ofTicket id: String, territory: TerritoryIndex) -> Int? { byID[id].flatMap { territory.grid($0.ticket.gridCode) } }

    /// A grid's open tickets, for its rules.
    func tickets(ofGrid g: Int) -> [Ticket] { byGrid[g].map(\.ticket) }

    /// Puts fresh rows in place (new, moved on, or closed); returns the grids whose open
    /// tickets changed.
    mutating func apply(_ tickets: [Ticket], territory: TerritoryIndex) -> Set<Int> {
        var touched = Set<Int>()
        var removed: [Overview.OpenTicket] = []
        var added: [Overview.OpenTicket] = []
        for ticket in tickets {
            if let old = byID.removeValue(forKey: ticket.id) {
                removed.append(old)
                if old.ticket.state == .escalated { escalated -= 1 }
                if let g = territory.grid(old.ticket.gridCode) {
                    byGrid[g].removeAll { $0 === old }
                    touched.insert(g)
                }
            }
            guard ticket.state.isOpen else { continue }
            let g = territory.grid(ticket.gridCode)
            let item = Self.item(ticket, grid: g, territory: territory)
            byID[ticket.id] = item
            added.append(item)
            if ticket.state == .escalated { escalated += 1 }
            if let g {
                byGrid[g].append(item)
                touched.insert(g)
            }
        }
        Self.replace(removed, with: added, in: &sorted)
        return touched
    }

    /// How many are past their deadline: a prefix of the sorted list.
    func overdue(at now: Date) -> Int {
        sorted.partitionPoint { ($0.dueAt.map { $0 < now }) ?? false }
    }

    /// The ticket as the wall lists it; `grid` is its grid's index, looked up by the caller.
    static func item(_ ticket: Ticket, grid: Int?, territory: TerritoryIndex) -> Overview.OpenTicket {
        let category = territory.categories[ticket.categoryCode]
        let name = grid.map { territory.grids[$0].name } ?? ticket.gridCode
        return Overview.OpenTicket(ticket: ticket, gridName: name, category: category, dueAt: ticket.dueAt(category: category))
    }

    /// Takes `removed` out of the sorted list and puts `added` in at their places, each found
    /// by binary search; the list is chunked, so each change copies one chunk at most.
    static func replace(_ removed: [Overview.OpenTicket], with added: [Overview.OpenTicket], in list: inout ChunkedArray<Overview.OpenTicket>) {
        for old in removed {
            var index = lowerBound(of: old, in: list)
            while index < list.count, list[index] !== old, !Overview.OpenTicket.isMoreUrgent(old, than: list[index]) { index += 1 }
            if index < list.count, list[index] === old {
                list.remove(at: index)
            } else if let found = list.firstIndex(where: { $0 === old }) {
                list.remove(at: found)  // not where its order says: take it from wherever it is
            }
        }
        for item in added { list.insert(item, at: lowerBound(of: item, in: list)) }
    }

    /// The first position whose ticket is not more urgent than `item`.
    static func lowerBound(of item: Overview.OpenTicket, in list: ChunkedArray<Overview.OpenTicket>) -> Int {
        list.partitionPoint { Overview.OpenTicket.isMoreUrgent($0, than: item) }
    }
}
