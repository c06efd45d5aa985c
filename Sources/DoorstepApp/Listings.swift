import DoorstepCanvas
import DoorstepDomain
import DoorstepScreen
import DoorstepStore
import Foundation

/// The command centre's listings and the wall without a terminal.
extension CommandLineEnd {
    /// `doorstep grids`: every grid with its status and the rules that fired.
    public func grids(json: Bool, callTimeout: TimeInterval) throws -> String {
        let overview = try self.overview(of: try open(readOnly: true), callTimeout: callTimeout)
        let rows: [ListingRow] = overview.grids.map { summary in
            [("code", summary.grid.code), ("name", summary.grid.name), ("community", summary.grid.communityCode),
             ("status", summary.assessment.status.rawValue), ("reason", summary.assessment.reasons.first?.code ?? ""),
             ("reasons", summary.assessment.reasons.map(\.code))]
        }
        return try listing(rows, json: json, columns: ["code", "name", "community", "status", "reasons"])
    }

    /// `doorstep staff`: everyone (or one grid's) with role, grid and duty.
    public func staff(json: Bool, grid: String?) throws -> String {
        let store = try open(readOnly: true)
        let data = try storeCall { try store.loadAll(at: clock.now()) }
        let rows: [ListingRow] = data.staff.filter { grid == nil || $0.gridCode == grid }.map {
            [("id", $0.id), ("name", $0.name), ("role", $0.role.rawValue), ("grid", $0.gridCode), ("duty", $0.duty.rawValue)]
        }
        return try listing(rows, json: json, columns: ["id", "name", "role", "grid", "duty"])
    }

    /// `doorstep party`: every Party member (or one grid's branch and groups), leaders first
    /// within each organisation.
    public func party(json: Bool, grid: String?) throws -> String {
        let store = try open(readOnly: true)
        let data = try storeCall { try store.loadAll(at: clock.now()) }
        let index = PartyIndex(organisations: data.partyOrganisations, members: data.partyMembers)
        if let grid, !data.grids.contains(where: { $0.code == grid }) {
            throw Failure("no grid '\(grid)' (see `doorstep grids`)", exitCode: ExitStatus.notFound)
        }
        let members = grid.map { index.members(ofGrid: $0) } ?? data.partyMembers
        let rows: [ListingRow] = members.map { m in
            let org = index.organisations[m.orgCode]
            return [("id", m.id), ("name", m.name), ("post", m.post.rawValue), ("org", m.orgCode), ("org_kind", org?.kind.rawValue),
                    ("grid", index.grid(of: m)), ("community", org?.communityCode), ("building", m.buildingCode),
                    ("functional", m.functionalCode), ("staff", m.staffID)]
        }
        return try listing(rows, json: json, columns: ["id", "name", "post", "org", "grid", "building", "staff"])
    }

    /// `doorstep tickets`: newest first, only those in `state` when given.
    public func tickets(json: Bool, state: TicketState?, limit: Int) throws -> String {
        guard limit > 0 else { throw Failure("--limit must be above 0", exitCode: ExitStatus.usage) }
        let store = try open(readOnly: true)
        let (tickets, categories) = try storeCall { (try store.tickets(state: state, limit: limit), try store.loadCategories()) }
        let rows: [ListingRow] = tickets.map { t in
            [("id", t.id), ("state", t.state.rawValue), ("grid", t.gridCode), ("category", t.categoryCode), ("title", t.title),
             ("created_at", isoTime(t.createdAt)), ("due_at", t.dueAt(category: categories[t.categoryCode]).map(isoTime)),
             ("assignee", t.assigneeID), ("rating", t.rating)]
        }
        return try listing(rows, json: json, columns: ["id", "state", "grid", "category", "due_at", "title"])
    }

    /// `doorstep calls`: newest first, each with its state now.
    public func calls(json: Bool, callTimeout: TimeInterval, limit: Int) throws -> String {
        let overview = try self.overview(of: try open(readOnly: true), callTimeout: callTimeout)
        let rows: [ListingRow] = overview.calls.prefix(max(0, limit)).map { summary in
            [("id", summary.call.id), ("staff", summary.call.staffID), ("name", overview.callee(id: summary.call.staffID)?.name),
             ("grid", summary.call.gridCode), ("state", summary.state.rawValue), ("placed_at", isoTime(summary.call.placedAt)),
             ("escalated_from", summary.call.escalatedFrom)]
        }
        return try listing(rows, json: json, columns: ["id", "staff", "name", "grid", "state", "placed_at", "escalated_from"])
    }

    /// The wall's read model of `store` now.
    func overview(of store: any ChangeFeed, callTimeout: TimeInterval) throws -> Overview {
        let now = clock.now()
        let data = try storeCall { try store.loadAll(at: now) }
        return Overview(data: data, now: now, calendar: .local, callTimeout: callTimeout)
    }

    /// What `doorstep snapshot` shows: where the data comes from.
    public enum SnapshotSource {
        case database
        /// A data set instead (nil: the embedded demo street).
        case dataSet(String?)
    }

    /// `doorstep snapshot`: the wall as text at `size`, or as one JSON object.
    public func snapshot(
        of source: SnapshotSource, language: Language, json: Bool, grid: String?, size: Size, callTimeout: TimeInterval
    ) throws -> String {
        guard (1...1000).contains(size.width), (1...1000).contains(size.height) else {
            throw Failure("--width and --height must be between 1 and 1000", exitCode: ExitStatus.usage)
        }
        let now = clock.now()
        let calendar = Calendar.local
        var events: [ChangeEvent] = []
        let data: CentreData
        switch source {
        case .dataSet(let folder):
            data = try DataSets.load(from: folder, now: now)
        case .database:
            let store = try open(readOnly: true)
            (data, events) = try storeCall { (try store.loadAll(at: now), try store.recentEvents(limit: 50)) }
        }
        var state = WallState(
            overview: Overview(data: data, now: now, calendar: calendar, callTimeout: callTimeout), language: language, now: now,
            timeZone: calendar.timeZone, size: size)
        state.update(.events(events))
        if let grid {
            guard let index = state.overview.grids.firstIndex(where: { $0.grid.code == grid }) else {
                throw Failure(store: .notFound(kind: "grid", id: grid))
            }
            state.selectedGrid = index
        }
        return json ? try SnapshotJSON.encode(state) : WallView.render(state).text
    }
}
