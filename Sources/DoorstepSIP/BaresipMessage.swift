import Foundation

/// One message from baresip's control interface: the answer to a command, or an event.
public enum BaresipMessage: Equatable, Sendable {
    /// The answer to the command sent with `token`.
    case response(token: String?, ok: Bool, data: String)
    /// Something that happened: `type` as baresip names it (CALL_RINGING, CALL_ESTABLISHED,
    /// CALL_CLOSED, CALL_DTMF_START, REGISTER_OK, REGISTER_FAIL, …), the call's id when it is
    /// about a call, the peer's URI and baresip's parameter (a reason, a digit).
    case event(type: String, callID: String?, peer: String?, parameter: String)

    /// The message in `payload` (a JSON object), or nil when it is neither an answer nor an event.
    public static func decode(_ payload: Data) -> BaresipMessage? {
        guard let object = try? JSONSerialization.jsonObject(with: payload) as? [String: Any] else { return nil }
        if object["response"] as? Bool == true {
            return .response(token: object["token"] as? String, ok: object["ok"] as? Bool ?? false, data: object["data"] as? String ?? "")
        }
        if object["event"] as? Bool == true, let type = object["type"] as? String {
            return .event(type: type, callID: object["id"] as? String, peer: object["peeruri"] as? String,
                          parameter: object["param"] as? String ?? "")
        }
        return nil
    }

    /// A command for baresip (`dial`, `callfind`, `hangup`, `ausrc`, `quit`, …), framed.
    public static func command(_ name: String, _ parameters: String? = nil, token: String) -> Data {
        var object: [String: String] = ["command": name, "token": token]
        if let parameters { object["params"] = parameters }
        let json = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Netstring.encode(json)
    }
}
