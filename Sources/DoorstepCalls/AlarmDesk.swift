import DoorstepDomain
import DoorstepStore
import Foundation

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

    /// Whether `reconcile` has anything to do now, cheaply (a wall asks every second, over a
    /// city's thousands of alarms): a grid whose alarm is out of step with its judgement (the
    /// overview keeps them as they move), or an untaken alarm due to go up (one comparison with
    /// the oldest).
    public func hasWork(in overview: Overview) -> Bool {
        if !overview.alarmsOutOfStep.isEmpty { return true }
        guard let oldest = overview.alarms.oldestUnescalated else { return false }
        return clock.now().timeIntervalSince(oldest) >= escalateAfter
    }

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
        // only the grids out of step (a city holds thousands in alarm, and a wall reconciles whenever one enters)
        for code in overview.alarmsOutOfStep.sorted() {
            let (summary, standing) = (overview.summary(ofGrid: code), overview.alarms.standing(ofGrid: code))
            guard let summary, summary.assessment.status == .alarm else {
                if let standing { attempt { if let done = try store.clearAlarm(id: standing.id, at: now) { report.cleared.append(done) } } }
                continue
            }
            guard standing == nil else { continue }
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
