import Foundation

/// What became of a SIP call, as the wall records it.
public enum SIPOutcome: Equatable, Sendable {
    /// The phone is ringing (180).
    case ringing
    /// The worker picked up: the call is acknowledged, answered by phone.
    case answered
    /// The worker pressed a key during the message (1 confirms).
    case pressed(String)
    /// Busy or declined (486, 600, 603), with the SIP reason.
    case declined(String)
    /// Nobody answered before the call timeout (the caller hung up), or the far end said so (408, 480).
    case unanswered(String)
    /// The phone could not be reached (no such number, a refused connection, a server error), with the reason.
    case failed(String)
    /// An answered call ended (the message played out, or either side hung up).
    case ended(String)

    /// What a closed call meant, from baresip's reason (`486 Busy Here`, `Connection refused`,
    /// `end of file`) and whether it had been answered.
    public static func closed(reason: String, answered: Bool) -> SIPOutcome {
        if answered { return .ended(reason) }
        let code = Int(reason.prefix(3)).flatMap { (100...699).contains($0) ? $0 : nil }
        switch code {
        case 486, 600, 603: return .declined(reason)
        case 408, 480, 487: return .unanswered(reason)
        case .some: return .failed(reason)
        case nil: return .failed(reason.isEmpty ? "closed" : reason)
        }
    }
}
