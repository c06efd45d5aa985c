import DoorstepDomain

/// The words of the drill-down pages, one table per language.
public struct DetailStrings: Sendable {
    public var roster: String
    public var households: @Sendable (_ done: Int, _ due: Int) -> String
    public var tickets: String
    public var hazards: String
    public var buildings: String
    public var visited: String
    public var notVisited: String
    public var mustVisit: @Sendable (MustVisitKind) -> String
    public var hazardKind: @Sendable (Hazard.Kind) -> String
    public var severity: @Sendable (Hazard.Severity) -> String
    public var hazardStatus: @Sendable (Hazard.Status) -> String
    public var fields: [String: String]
    /// A ticket's source and priority in words.
    public var source: @Sendable (TicketSource) -> String
    public var priority: @Sendable (TicketPriority) -> String
    public var history: String
    public var visits: String
    public var noVisits: String
    /// What an empty list on a page says.
    public var none: String
    public var revealHint: String
    public var revealedNote: String
    public var loading: String
    public var pageKeys: [(key: String, what: String)]

    public static let chinese = DetailStrings(
        roster: "网格力量 1+1+2+N", households: { "六必访 · 本月 \($0)/\($1)" }, tickets: "待办工单", hazards: "隐患矛盾",
        buildings: "楼栋", visited: "已访", notVisited: "未访",
        mustVisit: { kind in
            switch kind {
            case .elderlyPartyMember: return "高龄党员"
            case .elderlyAlone: return "独居老人"
            case .aidRecipient: return "帮扶对象"
            case .difficultFamily: return "困难家庭"
            case .specialGroup: return "特殊群体"
            case .keyPlace: return "重点场所"
            }
        },
        hazardKind: { kind in
            switch kind {
            case .hazard: return "隐患"
            case .dispute: return "矛盾"
            }
        },
        severity: { severity in
            switch severity {
            case .low: return "一般"
            case .medium: return "较大"
            case .severe: return "重大"
            }
        },
        hazardStatus: { status in
            switch status {
            case .open: return "未化解"
            case .resolved: return "已化解"
            }
        },
        fields: ["id": "编号", "grid": "网格", "category": "类别", "source": "来源", "priority": "优先级", "state": "状态",
                 "title": "诉求", "resident": "居民", "phone": "电话", "created": "点单时间", "due": "本环节时限", "assignee": "承办人",
                 "building": "楼栋", "head": "户主", "tags": "六必访", "note": "办结说明", "rating": "评价"],
        source: { source in
            switch source {
            case .resident: return "居民点单"
            case .patrol: return "巡查"
            case .visit: return "走访"
            case .hotline: return "热线"
            }
        },
        priority: { priority in
            switch priority {
            case .low: return "低"
            case .normal: return "一般"
            case .high: return "高"
            case .urgent: return "紧急"
            }
        },
        history: "办理经过", visits: "走访记录", noVisits: "本月尚无走访", none: "无",
        revealHint: "r 显示居民信息(查看将被记录)", revealedNote: "居民信息已显示 · 查看已记录", loading: "读取中…",
        pageKeys: [("Tab", "切换栏目"), ("↑↓", "移动"), ("Enter", "打开"), ("c / C", "呼叫"), ("Esc", "返回")])

    public static let english = DetailStrings(
        roster: "Grid staff 1+1+2+N", households: { "Must-visits · this month \($0)/\($1)" }, tickets: "Open tickets",
        hazards: "Hazards & disputes", buildings: "Buildings", visited: "visited", notVisited: "due",
        mustVisit: { kind in
            switch kind {
            case .elderlyPartyMember: return "elderly Party member"
            case .elderlyAlone: return "elderly alone"
            case .aidRecipient: return "aid recipient"
            case .difficultFamily: return "difficult family"
            case .specialGroup: return "special group"
            case .keyPlace: return "key place"
            }
        },
        hazardKind: { kind in
            switch kind {
            case .hazard: return "hazard"
            case .dispute: return "dispute"
            }
        },
        severity: { severity in
            switch severity {
            case .low: return "low"
            case .medium: return "medium"
            case .severe: return "severe"
            }
        },
        hazardStatus: { status in
            switch status {
            case .open: return "open"
            case .resolved: return "resolved"
            }
        },
        fields: ["id": "Id", "grid": "Grid", "category": "Category", "source": "Source", "priority": "Priority", "state": "State",
                 "title": "Request", "resident": "Resident", "phone": "Phone", "created": "Ordered", "due": "Stage due",
                 "assignee": "Assignee", "building": "Building", "head": "Head", "tags": "Must-visit", "note": "Resolution",
                 "rating": "Rating"],
        source: { source in
            switch source {
            case .resident: return "resident"
            case .patrol: return "patrol"
            case .visit: return "visit"
            case .hotline: return "hotline"
            }
        },
        priority: { priority in
            switch priority {
            case .low: return "low"
            case .normal: return "normal"
            case .high: return "high"
            case .urgent: return "urgent"
            }
        },
        history: "History", visits: "Visits", noVisits: "no visit this month yet", none: "none",
        revealHint: "r reveal resident details (recorded)", revealedNote: "details revealed · viewing recorded", loading: "loading…",
        pageKeys: [("Tab", "section"), ("↑↓", "move"), ("Enter", "open"), ("c / C", "call"), ("Esc", "back")])
}

extension Language {
    public var detailStrings: DetailStrings { self == .zh ? .chinese : .english }
}
