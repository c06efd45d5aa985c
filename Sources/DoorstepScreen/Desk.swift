import DoorstepCanvas
import DoorstepDomain
import Foundation

/// Who the wall serves and what part of the territory it shows (三端: the street's centre, a
/// community's office, a grid's station; and a lobby screen). The street's desk shows every
/// grid; a community's desk its own grids, its dispatch queue first, its people and its events;
/// a grid's desk its one grid, the tickets to accept and resolve first. A viewer's desk shows
/// the same as its scope but takes no action and never unmasks a resident.
public struct Desk: Equatable, Sendable {
    /// The operator at the wall (nil: a store with no operators, where nobody is checked).
    public var operatorID: String?
    public var name: String?
    public var role: OperatorRole?
    public var scope: OperatorScope
    /// The operator's staff record: who accepts, resolves and answers calls from a grid's desk.
    public var staffID: String?

    public init(operatorID: String? = nil, name: String? = nil, role: OperatorRole? = nil, scope: OperatorScope = .street, staffID: String? = nil) {
        self.operatorID = operatorID
        self.name = name
        self.role = role
        self.scope = scope
        self.staffID = staffID
    }

    /// The desk of an operator.
    public init(_ op: Operator) {
        self.init(operatorID: op.id, name: op.name, role: op.role, scope: op.scope, staffID: op.staffID)
    }

    /// The street's desk with nobody named (a store without operators).
    public static let street = Desk()

    /// A lobby screen: it shows, and does nothing else.
    public var readOnly: Bool { role == .viewer }

    /// The grid of a grid's desk.
    public var gridCode: String? { scope.gridCode }

    /// The staff record a grid's desk takes and finishes tickets as (nil at other desks).
    public var worker: String? { role == .gridWorker ? staffID : nil }
}

extension WallState {
    /// What the wall shows now: the desk's scope, or a narrower view of it (an unattended
    /// wall turning through its communities).
    public var shownScope: OperatorScope { viewScope ?? desk.scope }

    /// Whether a grid (by its code and its community's) is in `scope`.
    static func contains(_ scope: OperatorScope, grid code: String, community: String) -> Bool {
        switch scope {
        case .street: return true
        case .community(let own): return community == own
        case .grid(let own): return code == own
        }
    }

    /// Whether a grid (by its code and its community's) is shown on this desk now.
    func onDesk(grid code: String, community: String) -> Bool { Self.contains(shownScope, grid: code, community: community) }

    /// Whether a grid, by its code alone, is shown on this desk now (its community looked up
    /// only when the desk is narrower than the street).
    func onDesk(gridCode code: String) -> Bool {
        shownScope == .street || onDesk(grid: code, community: overview.communityOfGrid(code) ?? "")
    }

    /// Whether a grid (an index in `overview.grids`) is on this desk.
    func onDesk(gridIndex index: Int) -> Bool {
        guard overview.grids.indices.contains(index) else { return false }
        let grid = overview.grids[index].grid
        return onDesk(grid: grid.code, community: grid.communityCode)
    }

    /// Whether an event happened on this desk: the street's sees all; a community's or a
    /// grid's sees those recorded in its grids (not imports or operators' changes).
    func onDesk(_ event: ChangeEvent) -> Bool {
        guard desk.scope != .street else { return true }
        guard let code = event.gridCode else { return false }
        return Self.contains(desk.scope, grid: code, community: overview.communityOfGrid(code) ?? "")
    }

    /// The community the desk is in (a community's own, a grid's community), as an index.
    var deskCommunity: Int? {
        switch shownScope {
        case .street: return nil
        case .community(let code): return overview.communities.firstIndex { $0.code == code }
        case .grid(let code): return overview.communityOfGrid(code).flatMap { c in overview.communities.firstIndex { $0.code == c } }
        }
    }

    /// What the desk's grids add up to (a community's tally; a grid's own summary).
    var deskTally: StatusTally {
        var tally = StatusTally()
        switch shownScope {
        case .street:
            return tally
        case .community:
            if let community = deskCommunity, overview.communityTallies.indices.contains(community) { return overview.communityTallies[community] }
        case .grid(let code):
            if let summary = overview.summary(ofGrid: code) { tally.count(summary, sign: 1) }
        }
        return tally
    }

    /// The newest call ringing for one of the desk's people (its own person first), if any.
    var ringingForDesk: Overview.CallSummary? {
        let ringing = overview.calls.filter { $0.state == .ringing }
        if let own = desk.staffID, let call = ringing.first(where: { $0.call.staffID == own }) { return call }
        guard desk.scope != .street else { return nil }
        return ringing.first { summary in
            let grid = callGrid(summary.call)
            return !grid.isEmpty && onDesk(gridCode: grid)
        }
    }

    /// Keys that change something, which a lobby screen refuses.
    static func isAction(_ key: Key) -> Bool {
        switch key {
        case .character(let c): return "cCdeisxravynA".contains(c)
        default: return false
        }
    }

    /// The desk's alarms nobody has taken, newest first.
    public var newAlarms: [Alarm] { deskAlarms.filter(\.isNew) }

    /// How many: the header asks every frame (for the street's desk, over a city's thousands, a
    /// count the ledger keeps).
    public var newAlarmCount: Int { desk.scope == .street ? overview.alarms.unacknowledgedCount : newAlarms.count }

    /// The desk's alarms nobody has taken that were raised at `since` or later, newest first:
    /// the front of the queue (a wall looks whenever the alarms change, over a city's thousands).
    public func newAlarms(raisedSince since: Date) -> [Alarm] {
        var found: [Alarm] = []
        for alarm in overview.alarms.queue {
            guard alarm.raisedAt >= since else { break }
            if alarm.isNew && (desk.scope == .street || onDesk(gridCode: alarm.gridCode)) { found.append(alarm) }
        }
        return found
    }

    /// The desk's alarms of the last hours, newest first.
    var deskAlarms: ChunkedArray<Alarm> {
        desk.scope == .street ? overview.alarms.queue : ChunkedArray(overview.alarms.queue.filter { onDesk(gridCode: $0.gridCode) })
    }

    /// Whether the cues are muted now.
    public var muted: Bool { mutedUntil.map { $0 > now } ?? false }

    /// Where a ticket stands in the desk's queue: a community's office sees the orders waiting
    /// to be dispatched first, a grid's station those to accept and to resolve.
    func deskRank(_ state: TicketState) -> Int {
        switch shownScope {
        case .street: return 0
        case .community: return state == .ordered ? 0 : 1
        case .grid: return state == .dispatched ? 0 : state == .accepted ? 1 : 2
        }
    }
}
