import DoorstepCanvas
import DoorstepDomain

/// The words of joint handling (联动处置) on the wall, one table per language.
public struct JointStrings: Sendable {
    /// Whether departments are named in English.
    public var english: Bool
    public var state: @Sendable (CallIn.State) -> String
    public var kind: @Sendable (ResponderKind) -> String
    /// The ticket page's section title: how many parties, how many still pending.
    public var sectionTitle: @Sendable (_ all: Int, _ pending: Int) -> String
    /// A call-in's answer time ("answered 14:05").
    public var answeredAt: @Sendable (String) -> String
    /// The picker (`i`).
    public var pickerTitle: @Sendable (_ ticket: String) -> String
    public var pickerHint: String
    public var alreadyCalled: String
    public var servesStreet: String
    /// Marks a ticket waiting on a party in the tickets pane.
    public var waitingTag: String
    /// The joint-handling page (`o`).
    public var pageTitle: String
    public var slowest: @Sendable (_ department: String, _ hours: String, _ count: Int, _ pending: Int) -> String
    public var noneThisWeek: String
    public var paceTitle: String
    public var paceHeader: String
    public var paceRow: @Sendable (_ count: Int, _ pending: Int, _ late: Int, _ declined: Int, _ hours: String) -> String
    public var waitingTitle: @Sendable (Int) -> String
    public var nothingWaiting: String
    public var key: String
    public var keyPage: String
    public var hours: @Sendable (Double) -> String

    public static let chinese = JointStrings(
        english: false,
        state: { state in
            switch state {
            case .requested: return "待响应"
            case .arrived: return "已到场"
            case .handled: return "已处置"
            case .declined: return "已婉拒"
            case .withdrawn: return "已撤回"
            }
        },
        kind: { kind in
            switch kind {
            case .judge: return "法官"
            case .prosecutor: return "检察官"
            case .police: return "民警"
            case .lawyer: return "律师"
            case .partyDeputy: return "党代表"
            case .congressDeputy: return "人大代表"
            case .cppccMember: return "政协委员"
            case .partnerUnit: return "共建单位"
            case .socialOrganisation: return "社会组织"
            case .department: return "职能部门"
            case .mediationCentre: return "调处中心"
            }
        },
        sectionTitle: { all, pending in "联动处置 · \(all) 方 · 待办结 \(pending)" },
        answeredAt: { "答复 \($0)" },
        pickerTitle: { "联动 \($0):呼叫外部力量" },
        pickerHint: "↑↓ 选择  空格 勾选  Enter 呼叫  Esc 取消  ★ 建议",
        alreadyCalled: "已在联动中",
        servesStreet: "全街道",
        waitingTag: "联",
        pageTitle: "联动处置 · 多方力量",
        slowest: { department, hours, count, pending in "本周最慢:\(department) · 平均 \(hours) · \(count) 次 · 待办结 \(pending)" },
        noneThisWeek: "本周尚无联动",
        paceTitle: "各部门 · 近 7 天",
        paceHeader: "部门              次数  待办结  超时  婉拒  平均用时",
        paceRow: { count, pending, late, declined, hours in
            "\(Columns.pad(String(count), to: 4, align: .right))  \(Columns.pad(String(pending), to: 6, align: .right))  \(Columns.pad(String(late), to: 4, align: .right))  \(Columns.pad(String(declined), to: 4, align: .right))  \(hours)"
        },
        waitingTitle: { "等待外部力量的工单 · \($0)" },
        nothingWaiting: "没有等待外部力量的工单",
        key: "联动",
        keyPage: "联动总览",
        hours: { h in h < 1 ? "\(Int((h * 60).rounded()))分" : String(format: "%.1f小时", h) }
    )

    public static let english = JointStrings(
        english: true,
        state: { state in
            switch state {
            case .requested: return "waiting"
            case .arrived: return "arrived"
            case .handled: return "handled"
            case .declined: return "declined"
            case .withdrawn: return "withdrawn"
            }
        },
        kind: { kind in
            switch kind {
            case .judge: return "judge"
            case .prosecutor: return "prosecutor"
            case .police: return "police"
            case .lawyer: return "lawyer"
            case .partyDeputy: return "Party deputy"
            case .congressDeputy: return "congress deputy"
            case .cppccMember: return "CPPCC member"
            case .partnerUnit: return "partner unit"
            case .socialOrganisation: return "social org"
            case .department: return "department"
            case .mediationCentre: return "mediation"
            }
        },
        sectionTitle: { all, pending in "Joint handling · \(all) parties · \(pending) pending" },
        answeredAt: { "answered \($0)" },
        pickerTitle: { "Call in on \($0): outside parties" },
        pickerHint: "↑↓ choose  Space tick  Enter call in  Esc cancel  ★ suggested",
        alreadyCalled: "called in",
        servesStreet: "street",
        waitingTag: "J",
        pageTitle: "Joint handling · outside parties",
        slowest: { department, hours, count, pending in "Slowest this week: \(department) · mean \(hours) · \(count) call-ins · \(pending) pending" },
        noneThisWeek: "no call-ins this week",
        paceTitle: "Departments · past 7 days",
        paceHeader: "Department         calls  pending  late  declined  mean",
        paceRow: { count, pending, late, declined, hours in
            "\(Columns.pad(String(count), to: 5, align: .right))  \(Columns.pad(String(pending), to: 7, align: .right))  \(Columns.pad(String(late), to: 4, align: .right))  \(Columns.pad(String(declined), to: 8, align: .right))  \(hours)"
        },
        waitingTitle: { "Tickets waiting on outside parties · \($0)" },
        nothingWaiting: "no ticket is waiting on an outside party",
        key: "call in",
        keyPage: "joint handling",
        hours: { h in h < 1 ? "\(Int((h * 60).rounded())) min" : String(format: "%.1f h", h) }
    )

    /// A department's name in this language.
    func department(_ code: String, in overview: Overview) -> String {
        guard let department = overview.departments[code] else { return code }
        return english ? department.nameEn : department.nameZh
    }
}

extension Language {
    public var jointStrings: JointStrings { self == .zh ? .chinese : .english }
}
