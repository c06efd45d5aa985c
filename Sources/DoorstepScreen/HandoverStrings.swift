import DoorstepDomain

/// The words of the handover page (交接班), one table per language.
struct HandoverStrings: Sendable {
    var title: @Sendable (_ time: String, _ from: String, _ to: String) -> String
    var none: String
    var when: @Sendable (String) -> String
    var note: String
    var figure: String
    var then: String
    var now: String
    var change: String
    var overdueThen: String
    var hazardsNow: String
    var formTitle: String
    var to: String
    var formHint: String
    var startHint: String
    var readOnly: String
    var recorded: @Sendable (_ id: String, _ to: String) -> String
    var figureName: @Sendable (HandoverSummary.Figure) -> String

    static let chinese = HandoverStrings(
        title: { "交接班 · 上次 \($0) \($1) → \($2)" }, none: "交接班 · 尚无交接记录", when: { "交接于 \($0)" }, note: "交班备注",
        figure: "事项", then: "交班时", now: "现在", change: "变化", overdueThen: "交班时超时:", hazardsNow: "重大隐患所在网格:",
        formTitle: "新的交接", to: "接班人", formHint: "←→ 选择接班人  输入备注  Enter 记录交接  Esc 放弃",
        startHint: "Enter 记录一次交接(接班人、备注,连同当前待办一并记录)", readOnly: "此屏只读,不能记录交接",
        recorded: { "已记录交接 \($0),交给 \($1)" },
        figureName: { figure in
            switch figure {
            case .openTickets: return "待办工单"
            case .overdue: return "超时"
            case .escalated: return "上交"
            case .missedCalls: return "未接呼叫"
            case .severeHazards: return "重大隐患"
            case .jointWaiting: return "联动待响应"
            case .mustVisitsBehind: return "六必访未完成"
            case .careMissed: return "关爱服务漏做"
            case .alarmsUntaken: return "告警待认领"
            }
        })

    static let english = HandoverStrings(
        title: { "Handover · last \($0) \($1) → \($2)" }, none: "Handover · none yet", when: { "handed over \($0)" }, note: "Note",
        figure: "What", then: "Then", now: "Now", change: "Change", overdueThen: "Overdue then:", hazardsNow: "Severe hazards in:",
        formTitle: "New handover", to: "To", formHint: "←→ who takes the desk  type a note  Enter record  Esc drop",
        startHint: "Enter records a handover (who takes the desk, a note, and what is open now)", readOnly: "a read-only screen records no handover",
        recorded: { "handover \($0) recorded, to \($1)" },
        figureName: { figure in
            switch figure {
            case .openTickets: return "Open tickets"
            case .overdue: return "Overdue"
            case .escalated: return "Sent up"
            case .missedCalls: return "Missed calls"
            case .severeHazards: return "Severe hazards"
            case .jointWaiting: return "Joint, waiting"
            case .mustVisitsBehind: return "Must-visits behind"
            case .careMissed: return "Care missed"
            case .alarmsUntaken: return "Alarms untaken"
            }
        })
}

extension Language {
    var handoverStrings: HandoverStrings { self == .zh ? .chinese : .english }
}
