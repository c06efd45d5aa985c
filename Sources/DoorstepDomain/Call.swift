import Foundation

/// 一键直呼 — a call placed to one grid worker from the command centre.
///
/// Lifecycle: **ringing → answered | declined | missed | failed → escalated**. "Missed" is a
/// matter of time: a call still ringing past its timeout is missed, whoever looks at it.
/// "Failed" is the phone system's word: the call could not reach the phone at all (SIP), and
/// is escalated at once, without waiting out the timeout.
public struct Call: Hashable, Sendable, Identifiable {
    public enum State: String, CaseIterable, Hashable, Sendable {
        case ringing, answered, declined, missed, escalated, failed
    }

    public var id: String
    public var staffID: String
    /// The grid the call is about (a whole-grid call places one call per person).
    public var gridCode: String?
    /// Who placed it (an operator, or "simulator").
    public var placedBy: String
    public var placedAt: Date
    /// The stored state: ringing, answered, declined, failed or escalated (missed is derived).
    public var state: State
    public var stateSince: Date
    /// The missed call this one escalates (nil for a call the operator placed).
    public var escalatedFrom: String?

    public init(
        id: String, staffID: String, gridCode: String?, placedBy: String, placedAt: Date, state: State, stateSince: Date,
        escalatedFrom: String? = nil
    ) {
        self.id = id
        self.staffID = staffID
        self.gridCode = gridCode
        self.placedBy = placedBy
        self.placedAt = placedAt
        self.state = state
        self.stateSince = stateSince
        self.escalatedFrom = escalatedFrom
    }

    /// The default time a call may ring before it counts as missed.
    public static let defaultTimeout: TimeInterval = 60

    /// The state as seen at `now`: a call ringing longer than `timeout` is missed.
    public func state(at now: Date, timeout: TimeInterval) -> State {
        if state == .ringing, now.timeIntervalSince(placedAt) > timeout { return .missed }
        return state
    }

    /// Whether the call is for the escalation chain now: missed, or failed to reach the phone.
    public func isUnanswered(at now: Date, timeout: TimeInterval) -> Bool {
        let now = state(at: now, timeout: timeout)
        return now == .missed || now == .failed
    }

    /// The call after the phone system said it could not reach the phone; an error when it is
    /// not ringing.
    public func failing(at time: Date, timeout: TimeInterval) -> Result<Call, CallError> {
        let current = state(at: time, timeout: timeout)
        guard current == .ringing else { return .failure(CallError(callID: id, state: current)) }
        var next = self
        next.state = .failed
        next.stateSince = time
        return .success(next)
    }

    /// The call after the worker answers (or declines) it; an error when it is not ringing.
    public func answering(accept: Bool, at time: Date, timeout: TimeInterval) -> Result<Call, CallError> {
        let current = state(at: time, timeout: timeout)
        guard current == .ringing else { return .failure(CallError(callID: id, state: current)) }
        var next = self
        next.state = accept ? .answered : .declined
        next.stateSince = time
        return .success(next)
    }
}

/// A call that can no longer be answered.
public struct CallError: Error, Hashable, Sendable, CustomStringConvertible {
    public var callID: String
    public var state: Call.State

    public init(callID: String, state: Call.State) {
        self.callID = callID
        self.state = state
    }

    public var description: String { "cannot acknowledge \(callID): it is \(state.rawValue)" }
}
