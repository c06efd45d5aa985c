import DoorstepCanvas
import DoorstepDomain
import Foundation

extension WallView {
    /// The panes of the wall, to redraw some of them.
    public struct Panes: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let header = Panes(rawValue: 1)
        public static let grids = Panes(rawValue: 2)
        public static let staff = Panes(rawValue: 4)
        public static let tickets = Panes(rawValue: 8)
        public static let events = Panes(rawValue: 16)
        public static let footer = Panes(rawValue: 32)
        /// The tickets pane's title and the countdowns that moved, where the list is the same.
        public static let ticketCountdowns = Panes(rawValue: 64)
        /// 民情气象站 (where the layout has it).
        public static let trends = Panes(rawValue: 128)
    }

    /// The panes fresh data moved, from `old` (what `frame` shows) to `new` (the same state
    /// after `.overview`, `.events` and `.stale` messages alone). The header and the footer are
    /// always among them (the clock, the figures, a notice's time); a pane whose inputs are
    /// equal is not. Nil when the whole wall must be drawn: a page or an overlay is up, the
    /// size or language differ, or the model was built afresh.
    public static func panesMoved(from old: WallState, to new: WallState) -> Panes? {
        guard old.size == new.size, old.language == new.language, old.glyphs == new.glyphs, let layout = WallLayout(size: new.size),
              old.page == nil, new.page == nil, old.pendingCall == nil, new.pendingCall == nil, old.picker == nil, new.picker == nil,
              old.reasonInput == nil, new.reasonInput == nil, old.callInPicker == nil, new.callInPicker == nil, !old.showHelp, !new.showHelp, old.filter == new.filter,
              old.filterEditing == new.filterEditing, old.focus == new.focus, old.streetScope == new.streetScope, old.desk == new.desk, old.viewScope == new.viewScope,
              old.overview.territory.isSame(as: new.overview.territory)
        else { return nil }
        var panes: Panes = [.header, .footer]
        let (a, b) = (old.overview, new.overview)
        if old.selectedGrid != new.selectedGrid || old.selectedStreet != new.selectedStreet || a.grids != b.grids
            || a.communityTallies != b.communityTallies || a.streetTallies != b.streetTallies || a.alarms.version != b.alarms.version
            || a.trends?.risingGrids != b.trends?.risingGrids
            || old.staleSince != new.staleSince || old.staleFault != new.staleFault {
            panes.insert(.grids)
        } else if new.desk.gridCode != nil, a.calls != b.calls || old.events.first?.sequence != new.events.first?.sequence || old.revealed != new.revealed {
            // a grid's desk: its panel of what the grid owes
            panes.insert(.grids)
        }
        if old.selectedGrid != new.selectedGrid || old.selectedStreet != new.selectedStreet || old.staffCursor != new.staffCursor
            || old.atStreetLevel != new.atStreetLevel {
            panes.insert(.staff)
        } else if new.atStreetLevel {
            // the street pane: the highlighted street's tally and its communities'
            let street = new.selectedStreet
            let communities = b.communitiesOfStreet.indices.contains(street) ? b.communitiesOfStreet[street] : []
            if a.streetTallies[safe: street] != b.streetTallies[safe: street]
                || communities.contains(where: { a.communityTallies[$0] != b.communityTallies[$0] }) {
                panes.insert(.staff)
            }
        } else if old.selectedGridStaff != new.selectedGridStaff || a.calls != b.calls && old.selectedGridCalls != new.selectedGridCalls {
            panes.insert(.staff)
        }
        // a new second moves countdowns, and a call's age in the staff pane
        let ticked = Int(old.now.timeIntervalSince1970.rounded(.down)) != Int(new.now.timeIntervalSince1970.rounded(.down))
        if ticked, StaffPane.movesWithClock(new, from: old.now, in: layout.staff) {
            panes.insert(.staff)
        }
        if old.ticketCursor != new.ticketCursor || old.scopedTickets != new.scopedTickets || !sameTickets(a.openTickets, b.openTickets)
            || a.joint.waiting != b.joint.waiting {
            panes.insert(.tickets)
        } else if ticked || a.figures != b.figures {
            // the same list: its title's counts, and the countdowns that moved
            panes.insert(.ticketCountdowns)
        }
        if a.trends != b.trends { panes.insert(.trends) }
        // (the ticker names people by name: names change only with an import, which builds the model afresh)
        if old.eventCursor != new.eventCursor || old.events.map(\.sequence) != new.events.map(\.sequence) {
            panes.insert(.events)
        }
        return panes
    }

    /// The same open tickets (the very objects) in the same order.
    static func sameTickets(_ a: ChunkedArray<Overview.OpenTicket>, _ b: ChunkedArray<Overview.OpenTicket>) -> Bool {
        if a.sharesStorage(with: b) { return true }
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { $0 === $1 }
    }

    /// `frame` (the last frame, drawn for `old`) with `panes` drawn again for `state`; the areas
    /// drawn again (a terminal need compare only those). The grids pane draws again only the
    /// tiles and headings that moved, when its shape and selection are the same.
    public static func redraw(_ panes: Panes, of state: WallState, from old: WallState, onto frame: inout Canvas) -> [Rect] {
        guard let layout = WallLayout(size: state.size) else { return [] }
        var areas: [Rect] = []
        var panes = panes
        // (a grid's desk draws its panel under the tile: the whole pane, which is small)
        if panes.contains(.grids), state.desk.gridCode == nil, let tiles = GridsPane.drawChanged(&frame, from: old, to: state, in: layout.grids) {
            areas += tiles.map(layout.grids.rows)
            panes.remove(.grids)
        }
        if panes.contains(.tickets), let moved = TicketsPane.drawMovedRows(&frame, state, from: old, in: layout.tickets) {
            areas += moved.map(layout.tickets.rows)
            panes.remove(.tickets)
            panes.remove(.ticketCountdowns)
        }
        if panes.contains(.events), let added = EventsPane.drawNewRows(&frame, state, from: old, in: layout.events) {
            areas += added.map(layout.events.rows)
            panes.remove(.events)
        }
        if panes.contains(.header), HeaderView.title(old) == HeaderView.title(state), old.replayBanner == state.replayBanner {
            // the same title: the clock alone on the first row (where it keeps its width), the figures on the second
            HeaderView.drawClockRow(&frame, state, in: layout.header, before: old.now)
            HeaderView.drawFigures(&frame, state, in: layout.header)
            areas.append(layout.header)
            panes.remove(.header)
        }
        if panes.contains(.footer), FooterView.Inputs(old) == FooterView.Inputs(state) { panes.remove(.footer) }
        let drawers: [(Panes, Rect, (inout Canvas, WallState, Rect) -> Void)] = [
            (.header, layout.header, HeaderView.draw), (.grids, layout.grids, GridsPane.draw), (.staff, layout.staff, StaffPane.draw),
            (.tickets, layout.tickets, TicketsPane.draw), (.events, layout.events, EventsPane.draw), (.footer, layout.footer, FooterView.draw),
        ] + (layout.trends.map { [(.trends, $0, TrendsView.drawPane)] } ?? [])
        for (pane, rect, draw) in drawers where panes.contains(pane) {
            frame.fill(rect, style: Style(.normal))
            draw(&frame, state, rect)
            areas.append(rect)
        }
        if panes.contains(.ticketCountdowns), !panes.contains(.tickets) {
            areas += TicketsPane.drawTitle(&frame, state, in: layout.tickets).map(layout.tickets.rows)
            areas += TicketsPane.drawClock(&frame, state, from: old.now, in: layout.tickets).map(layout.tickets.rows)
        }
        return areas
    }
}

extension Array {
    /// The element at `index`, or nil past either end.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
