import Foundation

/// A party called in on a ticket for joint handling (联动处置): the police or a lawyer for a
/// dispute, the health department for a hazard. Each has its own deadline and its own answer,
/// and a ticket is not resolved while one is still pending unless an operator says why.
///
/// Lifecycle: **requested → arrived → handled**, or **declined** with a reason from requested
/// or arrived; **withdrawn** by the street (the ticket was cancelled, or resolved over it).
public struct CallIn: Hashable, Sendable, Identifiable {
    public enum State: String, CaseIterable, Hashable, Sendable {
        /// 已呼叫: asked, not yet answered.
        case requested
        /// 已到场: the party arrived (on site, or took the case up).
        case arrived
        /// 已处置: the party's part is done.
        case handled
        /// 已拒绝: the party declined, saying why.
        case declined
        /// 已撤回: the street no longer needs it.
        case withdrawn

        /// Still owed an answer that ends it.
        public var isPending: Bool { self == .requested || self == .arrived }
    }

    public var id: String
    public var ticketID: String
    public var responderID: String
    public var requestedBy: String
    public var requestedAt: Date
    public var dueAt: Date
    public var state: State
    public var stateSince: Date
    /// What the party said with its answer (how it was handled, why it declined, why withdrawn).
    public var note: String?

    public init(
        id: String, ticketID: String, responderID: String, requestedBy: String, requestedAt: Date, dueAt: Date,
        state: State = .requested, stateSince: Date? = nil, note: String? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.responderID = responderID
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.dueAt = dueAt
        self.state = state
        self.stateSince = stateSince ?? requestedAt
        self.note = note
    }

    /// Pending past its deadline.
    public func isLate(at now: Date) -> Bool { state.isPending && now > dueAt }

    /// Hours from the request to the answer that ended it (to `now` while still pending).
    public func hoursTaken(at now: Date) -> Double {
        max(0, (state.isPending ? now : stateSince).timeIntervalSince(requestedAt)) / 3600
    }
}

/// A party's answer to a call-in.
public enum CallInAnswer: Hashable, Sendable {
    case arrived
    case handled(note: String)
    case declined(reason: String)
    /// The street withdraws it, saying why.
    case withdrawn(reason: String)

    public var state: CallIn.State {
        switch self {
        case .arrived: return .arrived
        case .handled: return .handled
        case .declined: return .declined
        case .withdrawn: return .withdrawn
        }
    }

    /// What goes with it (nil for an arrival).
    public var note: String? {
        switch self {
        case .arrived: return nil
        case .handled(let text), .declined(let text), .withdrawn(let text): return text
        }
    }
}

/// An answer a call-in's state does not allow, said so a person can act on it.
public struct CallInError: Error, Hashable, Sendable, CustomStringConvertible {
    public var callInID: String
    public var reason: String

    public init(callInID: String, reason: String) {
        self.callInID = callInID
        self.reason = reason
    }

    public var description: String { "cannot answer \(callInID): \(reason)" }
}

extension CallIn {
    /// The call-in after `answer` at `time`; refused when it has ended already, when an arrival
    /// comes after one, or when a handling, refusal or withdrawal says nothing.
    public func answering(_ answer: CallInAnswer, at time: Date) throws(CallInError) -> CallIn {
        guard state.isPending else { throw CallInError(callInID: id, reason: "it is \(state.rawValue) already") }
        if answer == .arrived, state == .arrived { throw CallInError(callInID: id, reason: "it is arrived already") }
        var next = self
        if let note = answer.note {
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                let what = answer.state == .handled ? "a note saying what was done" : "a reason"
                throw CallInError(callInID: id, reason: "\(answer.state.rawValue) needs \(what)")
            }
            next.note = trimmed
        }
        next.state = answer.state
        next.stateSince = time
        return next
    }
}

/// Why a ticket cannot be resolved yet: parties called in are still pending.
public struct PendingCallIns: Error, Hashable, Sendable, CustomStringConvertible {
    public var ticketID: String
    public var pending: [CallIn]

    public init(ticketID: String, pending: [CallIn]) {
        self.ticketID = ticketID
        self.pending = pending
    }

    public var description: String {
        let names = pending.map { "\($0.id) (\($0.responderID), \($0.state.rawValue))" }.joined(separator: ", ")
        return "cannot resolve \(ticketID): still waiting on \(names); resolve with an override reason (--override) to go ahead without them"
    }
}
