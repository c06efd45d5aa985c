import DoorstepDomain
import Foundation

/// An unattended wall (`--cycle SECONDS`): it turns through views — all of its grids, each
/// community in turn, the alarms, the calls, the joint cases — one every `interval`, the views
/// chosen by time of day when a schedule says so; a new alarm stops the turning and shows the
/// alarm's grid until the alarm is taken or `holdFor` passes, then the turning goes on. A key
/// holds the turning for one interval, so an operator who steps up is not pulled away.
public struct Cycle: Equatable, Sendable {
    public var interval: TimeInterval
    /// Which views, by time of day.
    public var schedule: CycleSchedule
    /// The names the current views come from (the schedule's entry in force).
    public var names: [CycleViewName]
    /// The views in turn.
    public var views: [CycleView]
    public var index = 0
    public var nextAt: Date
    /// Holding on an alarm's grid: which alarm, and until when at most.
    public var holding: (alarmID: String, until: Date)?

    /// How long a new alarm holds the wall at most when nobody takes it.
    public static let holdFor: TimeInterval = 120

    public init(interval: TimeInterval, schedule: CycleSchedule = .allDay, views: [CycleView], names: [CycleViewName], now: Date) {
        self.interval = max(1, interval)
        self.schedule = schedule
        self.names = names
        self.views = views.isEmpty ? [.grids(.street)] : views
        nextAt = now.addingTimeInterval(self.interval)
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.interval == b.interval && a.schedule == b.schedule && a.names == b.names && a.views == b.views && a.index == b.index
            && a.nextAt == b.nextAt && a.holding?.alarmID == b.holding?.alarmID && a.holding?.until == b.holding?.until
    }
}

/// A view an unattended wall shows in its turn.
public enum CycleView: Equatable, Sendable {
    /// The grids of a scope: the desk's own, or one of its communities.
    case grids(OperatorScope)
    /// A page over the wall: the alarms, the calls, the joint cases.
    case page(DetailPage)
}

/// The views a schedule names (the config file's words).
public enum CycleViewName: String, CaseIterable, Sendable {
    /// All of the desk's grids.
    case grids
    /// Each of the desk's communities in turn (a street's desk; none below it).
    case communities
    /// 告警: the alarms of the last hours.
    case alarms
    /// 呼叫: the calls of the last hours.
    case calls
    /// 联动: the tickets waiting on outside parties.
    case joint
}

/// Which views to turn through at which time of day: each entry holds from its minute of the
/// day until the next entry's, the last one until the first one's on the next day.
///
///     07:30 grids, communities, joint      (the day shift)
///     20:00 alarms, calls                   (the night shift: alarms and calls only)
public struct CycleSchedule: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        /// Minutes after midnight, local time.
        public var fromMinute: Int
        public var views: [CycleViewName]
        public init(fromMinute: Int, views: [CycleViewName]) {
            self.fromMinute = fromMinute
            self.views = views
        }
    }

    /// In order of the day, never empty.
    public private(set) var entries: [Entry]

    /// Nil when there is no entry, or one has no views or a minute outside the day.
    public init?(_ entries: [Entry]) {
        guard !entries.isEmpty, entries.allSatisfy({ !$0.views.isEmpty && (0..<1440).contains($0.fromMinute) }) else { return nil }
        self.entries = entries.sorted { $0.fromMinute < $1.fromMinute }
    }

    /// All grids, then each community, all day (without a schedule).
    public static let allDay = CycleSchedule(entries: [Entry(fromMinute: 0, views: [.grids, .communities])])

    private init(entries: [Entry]) { self.entries = entries }

    /// The views in force at `minute` after midnight.
    public func views(atMinute minute: Int) -> [CycleViewName] {
        (entries.last { $0.fromMinute <= minute } ?? entries[entries.count - 1]).views
    }
}

extension WallState {
    /// Starts turning through the views `schedule` names for the time of day, one every
    /// `interval` seconds (a grid's desk without pages to show has one view and does not turn).
    public mutating func startCycle(every interval: TimeInterval, schedule: CycleSchedule = .allDay) {
        let names = schedule.views(atMinute: minuteOfDay)
        cycle = Cycle(interval: interval, schedule: schedule, views: cycleViews(names), names: names, now: now)
        if let first = cycle?.views.first { show(view: first) }
    }

    /// The views `names` stand for on this desk.
    func cycleViews(_ names: [CycleViewName]) -> [CycleView] {
        var views: [CycleView] = []
        for name in names {
            switch name {
            case .grids: views.append(.grids(desk.scope))
            case .communities:
                if desk.scope == .street { views += overview.communities.map { .grids(.community($0.code)) } }
            case .alarms: views.append(.page(.alarms))
            case .calls: views.append(.page(.calls))
            case .joint: views.append(.page(.joint))
            }
        }
        return views.isEmpty ? [.grids(desk.scope)] : views
    }

    /// Minutes after midnight of `now` on the wall's clock face.
    var minuteOfDay: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }

    /// The clock moved: the next view when its time came, the schedule's next views when the
    /// time of day changes them, unless an alarm holds the wall (it lets go once the alarm is
    /// taken or its time is up).
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
        if turning.schedule.entries.count > 1 {
            let names = turning.schedule.views(atMinute: minuteOfDay)
            if names != turning.names {
                // a new shift: its views, from the first
                turning.names = names
                turning.views = cycleViews(names)
                turning.index = 0
                turning.nextAt = now.addingTimeInterval(turning.interval)
                cycle = turning
                show(view: turning.views[0])
                return
            }
        }
        guard now >= turning.nextAt, turning.views.count > 1 else { return }
        turning.index = (turning.index + 1) % turning.views.count
        turning.nextAt = now.addingTimeInterval(turning.interval)
        cycle = turning
        show(view: turning.views[turning.index])
    }

    /// A key: the turning waits a whole interval from now.
    mutating func holdCycleForOperator() {
        guard var turning = cycle, turning.holding == nil else { return }
        turning.nextAt = now.addingTimeInterval(turning.interval)
        cycle = turning
    }

    /// A new alarm on the desk: stop turning and show its grid (in the desk's own view).
    public mutating func holdCycle(on alarm: Alarm) {
        guard var turning = cycle, turning.holding == nil else { return }
        turning.holding = (alarm.id, now.addingTimeInterval(Cycle.holdFor))
        cycle = turning
        show(view: .grids(desk.scope))
        if let index = overview.index(ofGrid: alarm.gridCode) {
            selectedGrid = index
            staffCursor = 0
            focus = .grids
        }
    }

    /// Shows a view: the grids of a scope (the desk's scope stands for what it may do; the
    /// view only narrows what is shown), or a page over the desk's grids.
    private mutating func show(view: CycleView) {
        switch view {
        case .grids(let scope):
            viewScope = scope == desk.scope ? nil : scope
            details = []
        case .page(let page):
            viewScope = nil
            details = [page]
            detailCursor = 0
        }
        if !onDesk(gridIndex: selectedGrid), let first = gridGroups.lazy.flatMap(\.members).first {
            selectedGrid = first
            staffCursor = 0
        }
    }
}
