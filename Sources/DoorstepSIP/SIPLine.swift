/// The state of the line the calls go out on, from baresip's events.
public enum SIPLine: Equatable, Sendable {
    /// Registered with the registrar (REGISTER_OK).
    case registered
    /// The registrar refused or stopped answering (REGISTER_FAIL), with baresip's reason.
    case registrationFailed(String)
    /// baresip's control connection closed: the user agent is gone.
    case gone(String)

    /// The registration's state from the answer to `reginfo` ("--- User Agents (1) --- > sip:…
    /// OK  Expires 600s", or ERR); nil for another answer, or while it is still in progress.
    public init?(reginfo data: String) {
        guard data.contains("--- User Agents") else { return nil }
        if data.contains("ERR") {
            self = .registrationFailed("the registrar refused the account or did not answer")
        } else if data.contains("OK ") {
            self = .registered
        } else {
            return nil
        }
    }

    /// The line change an event means; nil for an event about something else.
    public init?(event type: String, parameter: String) {
        switch type {
        case "REGISTER_OK": self = .registered
        case "REGISTER_FAIL": self = .registrationFailed(parameter)
        case "AGENT_GONE": self = .gone(parameter)
        default: return nil
        }
    }
}
