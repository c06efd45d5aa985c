/// Trouble with the line the wall's calls go out on (SIP), shown in the header until it clears.
public enum PhoneLine: Equatable, Sendable {
    /// The SIP user agent could not be started (baresip missing or failing): calls are only recorded.
    case unavailable
    /// The registrar stopped answering (or refused the account): calls may not go out.
    case registrarNotAnswering
    /// The user agent went away while the wall ran: calls are only recorded.
    case agentGone
}
