import DoorstepDomain
import Foundation

/// What the footer tells the operator, kept as values and put into words when the screen is
/// drawn, so `L` switches a notice already showing too.
public enum OperatorNotice: Equatable, Sendable {
    case callsPlaced(Int)
    case callCancelled
    case nobodyToCall
    case enterStreetFirst
    case moved(ticketID: String, to: TicketState)
    /// Parties were called in on a ticket.
    case calledIn(ticketID: String, count: Int)
    /// Another terminal got there first (or the rules refused): who moved it last, and when.
    case refused(TransitionError, lastMove: LastMove?)
    /// The store could not be used; nothing was saved. The cause as the store gave it.
    case storeUnavailable(String)
    case notFound(id: String)
    case storeUnreadable(String)
    /// Something else went wrong, as the part that failed said it (a notifier, an escalation).
    case failed(String)
    /// The operator's role or scope does not allow it (the store's words); nothing was written.
    case forbidden(String)
    /// A lobby screen takes no action.
    case readOnly
    /// A call was answered (or declined) from this desk.
    case answered(callID: String, accepted: Bool)
    /// No call is ringing for this desk's people.
    case noCallRinging
    /// Alarms taken from this desk.
    case alarmsAcknowledged(Int)
    /// No alarm waits to be taken here.
    case noAlarm
    /// The attention cues are off until then.
    case muted(until: Date)
    /// 交接班 recorded from this desk, to the operator named.
    case handedOver(id: String, to: String)
    /// 回放: a key that would write, refused.
    case replayNothingWritten
    /// 回放: a time to jump to that is not one, or not within the replay.
    case replayBadTime(String)

    public var isProblem: Bool {
        switch self {
        case .callsPlaced, .callCancelled, .moved, .calledIn, .answered, .alarmsAcknowledged, .muted, .handedOver: return false
        case .nobodyToCall, .enterStreetFirst, .refused, .storeUnavailable, .notFound, .storeUnreadable, .failed, .forbidden, .readOnly,
             .noCallRinging, .noAlarm, .replayNothingWritten, .replayBadTime:
            return true
        }
    }

    /// How long the footer shows it.
    public var seconds: TimeInterval {
        switch self {
        case .callCancelled: return 3
        case .callsPlaced, .moved, .calledIn, .nobodyToCall, .enterStreetFirst, .readOnly, .answered, .noCallRinging, .alarmsAcknowledged,
             .noAlarm, .muted, .replayNothingWritten, .replayBadTime:
            return 5
        case .handedOver: return 8
        case .refused, .storeUnavailable, .notFound, .storeUnreadable, .failed, .forbidden: return 10
        }
    }

    /// The notice in the screen's language; people named by name where the wall knows them.
    public func text(_ s: UIStrings, overview: Overview, timeZone: TimeZone) -> String {
        switch self {
        case .callsPlaced(let count): return s.callsPlaced(count)
        case .callCancelled: return s.callCancelled
        case .nobodyToCall: return s.nobodyToCall
        case .enterStreetFirst: return s.enterStreetFirst
        case .moved(let ticket, let state): return s.moved(ticket, to: state)
        case .calledIn(let ticket, let count): return s.calledIn(ticket, count)
        case .refused(let error, let last):
            let by = last.map { overview.staff(id: $0.actor)?.name ?? s.actor($0.actor) ?? $0.actor }
            let at = last.map { Formatting.time($0.at, timeZone: timeZone) }
            return s.refusal(error, by: by, at: at)
        case .storeUnavailable(let reason): return s.storeUnavailable(reason)
        case .notFound(let id): return s.notFound(id)
        case .storeUnreadable(let detail): return s.storeUnreadable(detail)
        case .failed(let detail): return s.actionFailed(detail)
        case .forbidden(let detail): return s.forbidden(detail)
        case .readOnly: return s.readOnly
        case .answered(let call, let accepted): return s.answered(call, accepted)
        case .noCallRinging: return s.noCallRinging
        case .alarmsAcknowledged(let count): return s.alarmsAcknowledged(count)
        case .noAlarm: return s.noAlarm
        case .muted(let until): return s.mutedUntil(Formatting.time(until, timeZone: timeZone))
        case .handedOver(let id, let to): return s.handover.recorded(id, to)
        case .replayNothingWritten: return s.replay.nothingWritten
        case .replayBadTime(let text): return s.replay.badTime(text)
        }
    }
}
