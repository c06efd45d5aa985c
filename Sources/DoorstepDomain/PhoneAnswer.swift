/// What the phone system reported of a call it placed (SIP, issue #19), recorded without
/// anyone typing `doorstep ack`.
public enum PhoneAnswer: Equatable, Sendable {
    /// Picked up: the call is answered ("answered by phone").
    case answered
    /// Busy or declined, with the phone system's reason ("486 Busy Here").
    case declined(reason: String)
    /// The phone could not be reached at all, with the reason: the call is failed and
    /// escalated at once.
    case failed(reason: String)
    /// A key pressed during the spoken message of an answered call (1 confirms).
    case pressed(key: String)

    /// The actor the event log records for what the phone system itself decided (a failure):
    /// nobody answered, so it is not the person's act.
    public static let phoneSystem = "phone"
}
