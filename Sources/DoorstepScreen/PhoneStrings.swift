/// The words for what a phone did with a call (SIP calls, issue #19), one table per language.
struct PhoneStrings: Sendable {
    /// A call picked up on the phone itself ("answered by phone").
    var byPhone: String
    /// A key pressed during the spoken message (1 confirms).
    var pressed: @Sendable (String) -> String

    static let chinese = PhoneStrings(byPhone: "电话接听", pressed: { $0 == "1" ? "按1确认" : "按键 \($0)" })
    static let english = PhoneStrings(byPhone: "by phone", pressed: { $0 == "1" ? "pressed 1 to confirm" : "pressed \($0)" })
}

extension UIStrings {
    var phone: PhoneStrings { self === UIStrings.chinese ? .chinese : .english }
}
