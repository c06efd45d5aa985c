/// Every word the wall screen shows, one table per language.
public struct UIStrings: Sendable {
    public var commandCentre: @Sendable (_ street: String) -> String
    public var weekdays: [String]
    public var grids: String
    public var alarm: String
    public var attention: String
    public var openTickets: String
    public var overdue: String
    public var resolvedToday: String
    public var onDuty: String
    public var allGrids: String
    public var staffOnDuty: String
    public var noGridSelected: String
    public var staleSince: @Sendable (String) -> String
    public var keyMove: String
    public var keyQuit: String
    public var tooSmall: @Sendable (_ needWidth: Int, _ needHeight: Int, _ haveWidth: Int, _ haveHeight: Int) -> String
    public var left: @Sendable (_ hm: String) -> String
    public var late: @Sendable (_ hm: String) -> String
    public var reasonOverdue: @Sendable (Int) -> String
    public var reasonNobodyOnDuty: String
    public var reasonUnansweredCalls: @Sendable (Int) -> String
    public var reasonSevereHazards: @Sendable (Int) -> String
    public var reasonVisitsBehind: @Sendable (_ done: Int, _ due: Int) -> String
    public var reasonNearDeadline: @Sendable (Int) -> String
    public var reasonStaffing: String
    public var ticketsShort: @Sendable (Int) -> String
    public var role: @Sendable (String) -> String
    public var duty: @Sendable (String) -> String
    public var state: @Sendable (String) -> String
    public var categoryName: @Sendable (_ zh: String, _ en: String) -> String
    public var moreRows: @Sendable (Int) -> String

    public static let chinese = UIStrings(
        commandCentre: { "\($0)社会治理指挥中心" },
        weekdays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
        grids: "网格", alarm: "告警", attention: "关注", openTickets: "待办工单", overdue: "超时",
        resolvedToday: "今日办结", onDuty: "在岗", allGrids: "全部网格", staffOnDuty: "网格力量",
        noGridSelected: "未选网格", staleSince: { "数据未更新,自 \($0)" },
        keyMove: "移动", keyQuit: "退出",
        tooSmall: { nw, nh, hw, hh in "终端太小:需要 \(nw)×\(nh),当前 \(hw)×\(hh)" },
        left: { "剩 \($0)" }, late: { "超 \($0)" },
        reasonOverdue: { "超时\($0)" }, reasonNobodyOnDuty: "无人在岗",
        reasonUnansweredCalls: { "未接\($0)" }, reasonSevereHazards: { "重大隐患\($0)" },
        reasonVisitsBehind: { "必访\($0)/\($1)" },
        reasonNearDeadline: { "临期\($0)" }, reasonStaffing: "缺编",
        ticketsShort: { "单\($0)" },
        role: { code in
            switch code {
            case "all_round": return "双全社工"
            case "professional": return "专业社工"
            case "party_household": return "党员中心户"
            case "volunteer": return "网格志愿者"
            case "grid_worker": return "专职网格员"
            case "micro_chief": return "微网格长"
            case "building_chief": return "楼栋长"
            case "dispatcher": return "社区派单员"
            case "operator": return "街道值班员"
            default: return code
            }
        },
        duty: { code in
            switch code {
            case "on": return "在岗"
            case "busy": return "忙碌"
            case "visit": return "走访"
            case "off": return "离岗"
            default: return code
            }
        },
        state: { code in
            switch code {
            case "ordered": return "待派"
            case "dispatched": return "待接"
            case "accepted": return "办理中"
            case "resolved": return "已办结"
            case "rated": return "已评价"
            case "escalated": return "已上交"
            case "cancelled": return "已撤销"
            default: return code
            }
        },
        categoryName: { zh, _ in zh },
        moreRows: { "另有 \($0) 条" }
    )

    public static let english = UIStrings(
        commandCentre: { "\($0) Command Centre" },
        weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        grids: "Grids", alarm: "Alarm", attention: "Attention", openTickets: "Open tickets", overdue: "Overdue",
        resolvedToday: "Resolved today", onDuty: "On duty", allGrids: "All grids", staffOnDuty: "Grid staff",
        noGridSelected: "no grid selected", staleSince: { "DATA STALE since \($0)" },
        keyMove: "move", keyQuit: "quit",
        tooSmall: { nw, nh, hw, hh in "terminal too small: need \(nw)×\(nh), have \(hw)×\(hh)" },
        left: { "\($0) left" }, late: { "\($0) late" },
        reasonOverdue: { "overdue \($0)" }, reasonNobodyOnDuty: "nobody on duty",
        reasonUnansweredCalls: { "missed call \($0)" }, reasonSevereHazards: { "severe hazard \($0)" },
        reasonVisitsBehind: { "visits \($0)/\($1)" },
        reasonNearDeadline: { "due soon \($0)" }, reasonStaffing: "short-staffed",
        ticketsShort: { "T\($0)" },
        role: { code in
            switch code {
            case "all_round": return "All-round SW"
            case "professional": return "Professional SW"
            case "party_household": return "Party household"
            case "volunteer": return "Volunteer"
            case "grid_worker": return "Grid worker"
            case "micro_chief": return "Micro-grid chief"
            case "building_chief": return "Building chief"
            case "dispatcher": return "Dispatcher"
            case "operator": return "Operator"
            default: return code
            }
        },
        duty: { code in
            switch code {
            case "on": return "on"
            case "busy": return "busy"
            case "visit": return "visit"
            case "off": return "off"
            default: return code
            }
        },
        state: { $0 },
        categoryName: { _, en in en },
        moreRows: { "\($0) more" }
    )
}
