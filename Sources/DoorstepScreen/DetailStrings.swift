/// The words of the drill-down pages, one table per language.
public struct DetailStrings: Sendable {
    public var roster: String
    public var households: @Sendable (_ done: Int, _ due: Int) -> String
    public var tickets: String
    public var hazards: String
    public var buildings: String
    public var visited: String
    public var notVisited: String
    public var mustVisit: @Sendable (String) -> String
    public var hazardKind: @Sendable (String) -> String
    public var severity: @Sendable (String) -> String
    public var hazardStatus: @Sendable (String) -> String
    public var fields: [String: String]
    /// A ticket's source or priority code in words.
    public var code: @Sendable (String) -> String
    public var history: String
    public var visits: String
    public var noVisits: String
    public var revealHint: String
    public var revealedNote: String
    public var loading: String
    public var pageKeys: [(key: String, what: String)]

    public static let chinese = DetailStrings(
        roster: "网格力量 1+1+2+N", households: { "六必访 · 本月 \($0)/\($1)" }, tickets: "待办工单", hazards: "隐患矛盾",
        buildings: "楼栋", visited: "已访", notVisited: "未访",
        mustVisit: { code in
            switch code {
            case "elderly_party_member": return "高龄党员"
            case "elderly_alone": return "独居老人"
            case "aid_recipient": return "帮扶对象"
            case "difficult_family": return "困难家庭"
            case "special_group": return "特殊群体"
            case "key_place": return "重点场所"
            default: return code
            }
        },
        hazardKind: { $0 == "dispute" ? "矛盾" : "隐患" },
        severity: { code in ["low": "一般", "medium": "较大", "severe": "重大"][code] ?? code },
        hazardStatus: { $0 == "open" ? "未化解" : "已化解" },
        fields: ["id": "编号", "grid": "网格", "category": "类别", "source": "来源", "priority": "优先级", "state": "状态",
                 "title": "诉求", "resident": "居民", "phone": "电话", "created": "点单时间", "due": "本环节时限", "assignee": "承办人",
                 "building": "楼栋", "head": "户主", "tags": "六必访", "note": "办结说明", "rating": "评价"],
        code: { code in
            ["resident": "居民点单", "patrol": "巡查", "visit": "走访", "hotline": "热线",
             "low": "低", "normal": "一般", "high": "高", "urgent": "紧急"][code] ?? code
        },
        history: "办理经过", visits: "走访记录", noVisits: "本月尚无走访",
        revealHint: "r 显示居民信息(查看将被记录)", revealedNote: "居民信息已显示 · 查看已记录", loading: "读取中…",
        pageKeys: [("Tab", "切换栏目"), ("↑↓", "移动"), ("Enter", "打开"), ("c / C", "呼叫"), ("Esc", "返回")])

    public static let english = DetailStrings(
        roster: "Grid staff 1+1+2+N", households: { "Must-visits · this month \($0)/\($1)" }, tickets: "Open tickets",
        hazards: "Hazards & disputes", buildings: "Buildings", visited: "visited", notVisited: "due",
        mustVisit: { $0.replacingOccurrences(of: "_", with: " ") },
        hazardKind: { $0 }, severity: { $0 }, hazardStatus: { $0 },
        fields: ["id": "Id", "grid": "Grid", "category": "Category", "source": "Source", "priority": "Priority", "state": "State",
                 "title": "Request", "resident": "Resident", "phone": "Phone", "created": "Ordered", "due": "Stage due",
                 "assignee": "Assignee", "building": "Building", "head": "Head", "tags": "Must-visit", "note": "Resolution",
                 "rating": "Rating"],
        code: { $0 },
        history: "History", visits: "Visits", noVisits: "no visit this month yet",
        revealHint: "r reveal resident details (recorded)", revealedNote: "details revealed · viewing recorded", loading: "loading…",
        pageKeys: [("Tab", "section"), ("↑↓", "move"), ("Enter", "open"), ("c / C", "call"), ("Esc", "back")])
}

extension Language {
    public var detailStrings: DetailStrings { self == .zh ? .chinese : .english }
}
