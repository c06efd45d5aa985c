import DoorstepDomain
import Foundation

/// An unattended wall (`--cycle SECONDS`): it turns through views — all of its grids, then each
/// community in turn — one every `interval`; a new alarm stops the turning and shows the
/// alarm's grid until the alarm is taken or `holdFor` passes, then the turning goes on.
public struct Cycle: Equatable, Sendable {
    public var interval: TimeInterval
    /// The views in turn: the desk's own scope first, then its communities.
    public var views: [OperatorScope]
    public var index = 0
    public var nextAt: Date
    /// Holding on an alarm's grid: which alarm, and until when at most.
    public var holding: (alarmID: String, until: Date)?

    /// How long a new alarm holds the wall at most when nobody takes it.
    public static let holdFor: TimeInterval = 120

    public init(interval: TimeInterval, views: [OperatorScope], now: Date) {
        self.interval = max(1, interval)
        self.views = views.isEmpty ? [.street] : views
        nextAt = now.addingTimeInterval(self.interval)
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.interval == b.interval && a.views == b.views && a.index == b.index && a.nextAt == b.nextAt
            && a.holding?.alarmID == b.holding?.alarmID && a.holding?.until == b.holding?.until
    }
}

extension WallState {
    /// Starts turning through the desk's views every `interval` seconds: its own scope, then
    /// each of its communities (a grid's desk has one view and does not turn).
    public mutating func startCycle(every interval: TimeInterval) {
        var views = [desk.scope]
        switch desk.scope {
        case .street: views += overview.communities.map { .community($0.code) }
        case .community, .grid: break
        }
        cycle = Cycle(interval: interval, views: views, now: now)
    }

    /// The clock moved: the next view when its time came, unless an alarm holds the wall (it
    /// lets go once the alarm is taken or its time is up).
    mutating func turnCycle() {
        guard var turning = cycle else { return }
        if let hold = turning.holding {
            let stillNew = overview.alarms.alarm(hold.alarmID)?.isNew ?? false
            guard !stillNew || now >= hold.until else { return }
            turning.holding = nil
            turning.nextAt = now.addingTimeInterval(turning.interval)
            cycle = turning
            show(view: turning.views[turning.index])
            return
        }
        guard now >= turning.nextAt, turning.views.count > 1 else { return }
        turning.index = (turning.index + 1) % turning.views.count
        turning.nextAt = now.addingTimeInterval(turning.interval)
        cycle = turning
        show(view: turning.views[turning.index])
    }

    /// A new alarm on the desk: stop turning and show its grid (in the desk's own view).
    public mutating func holdCycle(on alarm: Alarm) {
        guard var turning = cycle, turning.holding == nil else { return }
        turning.holding = (alarm.id, now.addingTimeInterval(Cycle.holdFor))
        cycle = turning
        show(view: turning.views[0])
        if let index = overview.grids.firstIndex(where: { $0.grid.code == alarm.gridCode }) {
            selectedGrid = index
            staffCursor = 0
            focus = .grids
        }
    }

    /// Shows a view: the grids of `scope` (the desk's scope stands for what it may do; the view
    /// only narrows what is shown).
    private mutating func show(view scope: OperatorScope) {
        viewScope = scope == desk.scope ? nil : scope
        details = []
        if !onDesk(gridIndex: selectedGrid), let first = gridGroups.lazy.flatMap(\.members).first {
            selectedGrid = first
            staffCursor = 0
        }
    }
}
