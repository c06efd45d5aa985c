/// The words for what a phone did with a call (SIP calls, issue #19), one table per language.
struct PhoneStrings: Sendable {
    /// A call picked up on the phone itself ("answered by phone").
    var byPhone: String
    /// A key pressed during the spoken message (1 confirms).
    var pressed: @Sendable (String) -> String
    /// The header's warning while the line is in trouble.
    var line: @Sendable (PhoneLine) -> String

    static let chinese = PhoneStrings(
        byPhone: "电话接听", pressed: { $0 == "1" ? "按1确认" : "按键 \($0)" },
        line: { line in
            switch line {
            case .unavailable: return "电话呼叫不可用,仅记录呼叫"
            case .registrarNotAnswering: return "SIP 注册服务器无应答"
            case .agentGone: return "电话呼叫中断,仅记录呼叫"
            }
        })
    static let english = PhoneStrings(
        byPhone: "by phone", pressed: { $0 == "1" ? "pressed 1 to confirm" : "pressed \($0)" },
        line: { line in
            switch line {
            case .unavailable: return "phone calls unavailable: recorded only"
            case .registrarNotAnswering: return "SIP registrar not answering"
            case .agentGone: return "phone calls stopped: recorded only"
            }
        })
}

extension UIStrings {
    var phone: PhoneStrings { self === UIStrings.chinese ? .chinese : .english }
}
