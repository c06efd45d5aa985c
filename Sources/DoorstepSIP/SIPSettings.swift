import Foundation

/// How the wall places SIP calls (from the settings file's `"sip"` object or flags).
///
/// - `target`: the SIP address a person is called at, `{phone}` (their phone number) and
///   `{id}` (their staff id) filled in: `sip:{phone}@gateway.example` for a trunk,
///   `sip:{id}@pbx.example` for desk phones.
/// - `account`: who Doorstep calls as (`sip:command-centre@pbx.example`); with `registrar` it
///   registers there, with the password from `DOORSTEP_SIP_PASSWORD` (never from a file that
///   is logged, never written to the log); without, it calls peer to peer.
/// - `listen`: the local address baresip takes SIP on (default 127.0.0.1 with a free port; a
///   real deployment names the interface that reaches the phones).
/// - `transport`: `udp` (default), `tcp` or `tls`; `srtp`: encrypt the media (SDES), for TLS.
public struct SIPSettings: Sendable, Equatable {
    public var target: String
    public var account: String
    public var registrar: String?
    public var password: String?
    public var listen: String?
    public var transport: String
    public var srtp: Bool
    /// The program (default: `baresip` on PATH).
    public var program: String

    public init(target: String, account: String = "sip:doorstep@127.0.0.1", registrar: String? = nil, password: String? = nil,
                listen: String? = nil, transport: String = "udp", srtp: Bool = false, program: String = "baresip") {
        self.target = target
        self.account = account
        self.registrar = registrar
        self.password = password
        self.listen = listen
        self.transport = transport
        self.srtp = srtp
        self.program = program
    }

    /// Why the settings cannot be used, in words for the operator; nil when they can.
    public var problem: String? {
        guard target.hasPrefix("sip:") || target.hasPrefix("sips:") else {
            return "sip target '\(target)' is not a SIP address (sip:{phone}@gateway.example)"
        }
        guard target.contains("{phone}") || target.contains("{id}") else {
            return "sip target '\(target)' names nobody: put {phone} or {id} in it"
        }
        guard account.hasPrefix("sip:") || account.hasPrefix("sips:") else { return "sip account '\(account)' is not a SIP address" }
        guard ["udp", "tcp", "tls"].contains(transport) else { return "sip transport '\(transport)' is not udp, tcp or tls" }
        return nil
    }

    /// The address `phone` (and staff `id`) is called at; nil when the person has no phone
    /// and the target needs one. Characters other than digits and `+` are dropped from the
    /// phone; the id is kept to letters, digits, `-`, `_` and `.`.
    public func address(phone: String, id: String) -> String? {
        let digits = String(phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") })
        let safeID = String(id.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        if target.contains("{phone}"), digits.isEmpty { return nil }
        if target.contains("{id}"), safeID.isEmpty { return nil }
        var address = target.replacingOccurrences(of: "{phone}", with: digits).replacingOccurrences(of: "{id}", with: safeID)
        if transport != "udp", !address.contains(";transport=") { address += ";transport=\(transport)" }
        return address
    }

    /// baresip's `accounts` line: the account, how to register (or not), the password.
    public func accountLine() -> String {
        var line = "<\(account)"
        if transport != "udp" { line += ";transport=\(transport)" }
        line += ">"
        if let registrar {
            line += ";outbound=\"\(registrar)\";regint=600"
        } else {
            line += ";regint=0"
        }
        if let password, !password.isEmpty { line += ";auth_pass=\(password)" }
        if srtp { line += ";mediaenc=srtp" }
        return line
    }

    /// baresip's `config`: SIP on `sipPort`, control on `controlPort` (both 127.0.0.1 unless
    /// `listen` says otherwise), G.711, the message files as the audio source, no sound card.
    public func configText(sipListen: String, controlPort: Int, defaultMessage: String, modules: String) -> String {
        var lines = [
            "poll_method\t\tepoll",
            "sip_listen\t\t\(sipListen)",
            "module_path\t\t\(modules)",
            "module\t\t\tg711.so",
            "module\t\t\taufile.so",
            "module_app\t\taccount.so",
            "module_app\t\tmenu.so",
            "module_app\t\tctrl_tcp.so",
            "ctrl_tcp_listen\t\t127.0.0.1:\(controlPort)",
            "audio_player\t\taufile,/dev/null",
            "audio_source\t\taufile,\(defaultMessage)",
            "audio_alert\t\taufile,/dev/null",
            "call_local_timeout\t3600",
            "call_max_calls\t\t64",
        ]
        if srtp { lines.insert("module\t\t\tsrtp.so", at: 4) }
        return lines.joined(separator: "\n") + "\n"
    }
}
