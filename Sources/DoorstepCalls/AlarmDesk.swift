import DoorstepDomain
import DoorstepStore
import Foundation
import Synchronization

/// 告警台: keeps the store's alarms in step with the grids' judgements — an alarm raised when a
/// grid enters alarm, cleared when it leaves — and sends an alarm nobody took within
/// `escalateAfter` to the street's duty officers through the call desk, as a missed call goes.
/// Every wall runs one; the store's transactions make each step happen once.
public final class AlarmDesk: Sendable {
    let store: any AlarmCommands
    let calls: CallDesk
    let clock: any Clock
    public let escalateAfter: TimeInterval
    let actor: String

    public init(store: any AlarmCommands, calls: CallDesk, clock: any Clock, escalateAfter: TimeInterval, actor: String) {
        self.store = store
        self.calls = calls
        self.clock = clock
        self.escalateAfter = escalateAfter
        self.actor = actor
    }

    /// What `reconcile` would do now, cheaply — a wall asks every second, over a city's thousands
    /// of alarms: an untaken alarm due to go up (one comparison with the oldest) or a grid in alarm
    /// without one (the counts differ), at once; a standing alarm whose grid left alarm while
    /// another entered at once (the counts equal: rare), within `lookEvery` seconds (a look over
    /// every standing alarm each second was most of a quiet city wall's time).
    public func hasWork(in overview: Overview) -> Bool {
        let now = clock.now()
        if let oldest = overview.alarms.oldestUnescalated, now.timeIntervalSince(oldest) >= escalateAfter { return true }
        if overview.alarms.standingCount != overview.figures.alarm { return true }
        return lastLook.withLock { last in
            if let last, now >= last, now.timeIntervalSince(last) < Self.lookEvery { return false }
            let work = overview.alarms.standingByGrid.keys.contains { !overview.gridsInAlarm.contains($0) }
            // (found work is looked for again next time: reconciling may not have done it yet)
            last = work ? nil : now
            return work
        }
    }

    /// How often at most a wall looks over every standing alarm for one whose grid left alarm.
    public static let lookEvery: TimeInterval = 30
    private let lastLook = Mutex<Date?>(nil)

    /// What reconciling did: alarms raised, cleared and escalated, the calls placed, and what went wrong.
    public struct Report: Sendable {
        public var raised: [Alarm] = []
        public var cleared: [Alarm] = []
        public var escalated: [Alarm] = []
        public var calls: [Call] = []
        public var problems: [String] = []
    }

    public func reconcile(_ overview: Overview) -> Report {
        let now = clock.now()
        var report = Report()
        func attempt(_ body: () throws -> Void) {
            do { try body() } catch { report.problems.append("\(error)") }
        }
        // (set against set: a city holds thousands of grids in alarm, and a wall reconciles whenever one enters)
        let standing = overview.alarms.standingByGrid
        for (grid, id) in standing where !overview.gridsInAlarm.contains(grid) {
            attempt { if let done = try store.clearAlarm(id: id, at: now) { report.cleared.append(done) } }
        }
        let entered = overview.gridsInAlarm.filter { standing[$0] == nil }.compactMap(overview.summary(ofGrid:))
        for summary in entered.sorted(by: { $0.grid.code < $1.grid.code }) {
            let reasons = summary.assessment.reasons.filter { $0.status == .alarm }.map(\.code)
            attempt { if let raised = try store.raiseAlarm(gridCode: summary.grid.code, reasons: reasons, at: now) { report.raised.append(raised) } }
        }
        for alarm in overview.alarms.dueForEscalation(at: now, after: escalateAfter) {
            attempt {
                guard let escalated = try store.escalateAlarm(id: alarm.id, after: escalateAfter, by: actor, at: now) else { return }
                report.escalated.append(escalated)
                // the street's duty officers, as the last step of a missed call's chain
                let officers = overview.staffWithoutGrid.filter { $0.role == .streetOperator }.map(\.id)
                guard !officers.isEmpty else { return }
                let placed = try calls.place(staffIDs: officers, gridCode: alarm.gridCode, overview: overview)
                report.calls += placed.calls
                report.problems += placed.problems
            }
        }
        return report
    }
}
