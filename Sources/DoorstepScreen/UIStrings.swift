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
    public var events: String
    public var noEvents: String
    public var noMatch: @Sendable (String) -> String
    public var escalatedCount: String
    public var acceptTime: String
    public var minutes: @Sendable (Int) -> String
    public var satisfaction: String
    public var mustVisits: String
    public var calling: @Sendable (_ who: String, _ seconds: Int) -> String
    public var callCancelled: String
    public var nobodyToCall: String
    public var callsPlaced: @Sendable (Int) -> String
    public var eventKind: @Sendable (String) -> String
    public var callState: @Sendable (String) -> String
    public var help: String
    public var helpLines: [(keys: String, what: String)]
    public var keyPanes: String
    public var keyCall: String
    public var keyCallGrid: String
    public var keyHelp: String
    public var keyBack: String
    public var cancelHint: String
    public var dispatchTitle: @Sendable (_ ticket: String) -> String
    public var gridOnly: String
    public var load: @Sendable (Int) -> String
    public var pickerHint: String
    public var cancelTitle: @Sendable (_ ticket: String) -> String
    public var reasonHint: String
    public var keyDispatch: String
    public var keyEscalate: String
    public var keyCancelTicket: String
    public var moved: @Sendable (_ ticket: String, _ state: String) -> String
    /// "cannot dispatch T00073: it is dispatched (by … at …)" in the screen's language.
    public var refused: @Sendable (_ verb: String, _ ticket: String, _ state: String, _ winner: String) -> String
    /// What went wrong with the store, in the screen's language (the cause, from SQLite, as it came).
    public var storeUnavailable: @Sendable (_ reason: String) -> String
    public var notFound: @Sendable (_ id: String) -> String
    public var storeUnreadable: @Sendable (_ detail: String) -> String
    public var actionFailed: @Sendable (_ detail: String) -> String
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
    /// Above a street: the streets pane, a street's tile, its summary pane.
    public var allStreets: String
    public var streetTile: @Sendable (_ alarm: Int, _ overdue: Int, _ attention: Int, _ grids: Int) -> String
    public var streetSummary: String
    public var communityLine: @Sendable (_ grids: Int, _ alarm: Int, _ attention: Int, _ open: Int, _ overdue: Int) -> String
    public var enterStreetFirst: String
    public var keyEnterStreet: String

    public static let chinese = UIStrings(
        commandCentre: { "\($0)社会治理指挥中心" },
        weekdays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
        grids: "网格", alarm: "告警", attention: "关注", openTickets: "待办工单", overdue: "超时",
        resolvedToday: "今日办结", onDuty: "在岗", allGrids: "全部网格", staffOnDuty: "网格力量",
        noGridSelected: "未选网格", staleSince: { "数据未更新,自 \($0)" },
        events: "动态", noEvents: "暂无动态", noMatch: { "没有与“\($0)”相符的网格(Esc 清除)" },
        escalatedCount: "上交", acceptTime: "接单均时", minutes: { "\($0)分" }, satisfaction: "满意度", mustVisits: "六必访",
        calling: { who, s in "正在呼叫 \(who) · \(s) 秒后拨出" }, callCancelled: "已取消呼叫",
        nobodyToCall: "该网格没有可呼叫的人员", callsPlaced: { "已拨出 \($0) 路呼叫" },
        eventKind: { kind in
            switch kind {
            case "ticket.ordered": return "点单"
            case "ticket.dispatch": return "派单"
            case "ticket.accept": return "接单"
            case "ticket.resolve": return "办结"
            case "ticket.rate": return "评价"
            case "ticket.escalate": return "上交"
            case "ticket.cancel": return "撤销"
            case "duty": return "值守"
            case "visit": return "走访"
            case "call.placed": return "呼叫"
            case "call.answered": return "接听"
            case "call.declined": return "拒接"
            case "call.escalated": return "升级"
            case "init": return "初始化"
            default: return kind.hasPrefix("import") ? "导入" : kind
            }
        },
        callState: { state in
            switch state {
            case "ringing": return "振铃"
            case "answered": return "已接听"
            case "declined": return "已拒接"
            case "missed": return "未接"
            case "escalated": return "已升级"
            default: return state
            }
        },
        help: "按键说明",
        helpLines: [
            ("←↓↑→ hjkl", "在网格间移动;在列表中上下移动"), ("Tab / Shift-Tab", "切换窗格:网格、力量、工单、动态"),
            ("1-9", "跳到第 N 个社区(街道之上:第 N 个区)"), ("/", "按名称、编码或拼音首字母筛选网格(jbyw → 江滨一网格)"), ("Home / End", "第一个 / 最后一个"), ("PgUp / PgDn", "列表翻页"),
            ("c", "呼叫选中的人员(力量窗格)"), ("C", "呼叫选中网格的 1+1+2+N"), ("Esc", "3 秒内取消呼叫;返回"),
            ("d / e / x", "工单窗格:派单 / 上交 / 撤销"), ("Enter / u", "打开网格页 / 所在社区概览"),
            ("Enter / Esc", "街道之上:进入选中的街道 / 回到全部街道"),
            ("L", "切换中文 / English"), ("?", "显示 / 关闭本说明"), ("q", "退出"),
        ],
        keyPanes: "切换窗格", keyCall: "呼叫", keyCallGrid: "呼叫全格", keyHelp: "帮助", keyBack: "返回",
        cancelHint: "Esc 取消",
        dispatchTitle: { "派单 \($0)" }, gridOnly: "派给网格(不指定人)", load: { "在办 \($0)" },
        pickerHint: "←→ 换网格  ↑↓ 选人  Enter 派单  Esc 取消  ★ 建议",
        cancelTitle: { "撤销 \($0):原因" }, reasonHint: "Enter 确认  Esc 放弃",
        keyDispatch: "派单", keyEscalate: "上交", keyCancelTicket: "撤销",
        moved: { ticket, state in "\(ticket) → \(state)" },
        refused: { verb, ticket, state, winner in
            let action = ["dispatch": "派单", "accept": "接单", "resolve": "办结", "rate": "评价", "escalate": "上交", "cancel": "撤销"][verb] ?? verb
            return "无法\(action) \(ticket):已是「\(state)」" + (winner.isEmpty ? "" : "(\(winner.replacingOccurrences(of: "by ", with: "").replacingOccurrences(of: " at ", with: " 于 ")))")
        },
        storeUnavailable: { "数据库暂不可用,未保存:\($0)" }, notFound: { "找不到 \($0)(可能已被他人删除或撤销)" },
        storeUnreadable: { "库中数据无法读取:\($0)" }, actionFailed: { "操作未完成:\($0)" },
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
        moreRows: { "另有 \($0) 条" },
        allStreets: "全部街道",
        streetTile: { alarm, overdue, attention, grids in
            alarm > 0 ? "告警\(alarm) 超时\(overdue)" : attention > 0 ? "关注\(attention)" : "网格\(grids)"
        },
        streetSummary: "街道概况",
        communityLine: { g, a, t, o, d in "网格\(g)  告警\(a)  关注\(t)  待办\(o)  超时\(d)" },
        enterStreetFirst: "先按 Enter 进入街道,再选网格呼叫",
        keyEnterStreet: "进入街道"
    )

    public static let english = UIStrings(
        commandCentre: { "\($0) Command Centre" },
        weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        grids: "Grids", alarm: "Alarm", attention: "Attention", openTickets: "Open tickets", overdue: "Overdue",
        resolvedToday: "Resolved today", onDuty: "On duty", allGrids: "All grids", staffOnDuty: "Grid staff",
        noGridSelected: "no grid selected", staleSince: { "DATA STALE since \($0)" },
        events: "Events", noEvents: "no events yet", noMatch: { "no grid matches “\($0)” (Esc clears)" },
        escalatedCount: "Escalated", acceptTime: "Avg accept", minutes: { "\($0) min" }, satisfaction: "Satisfaction",
        mustVisits: "Must-visits",
        calling: { who, s in "Calling \(who) in \(s) s" }, callCancelled: "call cancelled",
        nobodyToCall: "this grid has nobody to call", callsPlaced: { "\($0) call(s) placed" },
        eventKind: { kind in
            switch kind {
            case "ticket.ordered": return "ordered"
            case "ticket.dispatch": return "dispatched"
            case "ticket.accept": return "accepted"
            case "ticket.resolve": return "resolved"
            case "ticket.rate": return "rated"
            case "ticket.escalate": return "escalated"
            case "ticket.cancel": return "cancelled"
            case "duty": return "duty"
            case "visit": return "visit"
            case "call.placed": return "call"
            case "call.answered": return "answered"
            case "call.declined": return "declined"
            case "call.escalated": return "escalated"
            default: return kind
            }
        },
        callState: { $0 },
        help: "Keys",
        helpLines: [
            ("←↓↑→ hjkl", "move between grids; up and down in lists"), ("Tab / Shift-Tab", "next / previous pane: grids, staff, tickets, events"),
            ("1-9", "jump to community N (above a street: district N)"), ("/", "filter grids by name, code or pinyin initials (jbyw → 江滨一网格)"), ("Home / End", "first / last"), ("PgUp / PgDn", "page through a list"),
            ("c", "call the selected person (staff pane)"), ("C", "call the selected grid's 1+1+2+N"), ("Esc", "cancel a call within 3 s; back"),
            ("d / e / x", "tickets pane: dispatch / escalate / cancel"), ("Enter / u", "open the grid's page / its community's"),
            ("Enter / Esc", "above a street: open the selected street / back to all streets"),
            ("L", "switch 中文 / English"), ("?", "show / hide this help"), ("q", "quit"),
        ],
        keyPanes: "panes", keyCall: "call", keyCallGrid: "call grid", keyHelp: "help", keyBack: "back",
        cancelHint: "Esc cancels",
        dispatchTitle: { "Dispatch \($0)" }, gridOnly: "to the grid (nobody in particular)", load: { "holds \($0)" },
        pickerHint: "←→ grid  ↑↓ person  Enter dispatch  Esc cancel  ★ suggested",
        cancelTitle: { "Cancel \($0): reason" }, reasonHint: "Enter confirm  Esc give up",
        keyDispatch: "dispatch", keyEscalate: "escalate", keyCancelTicket: "cancel",
        moved: { ticket, state in "\(ticket) → \(state)" },
        refused: { verb, ticket, state, winner in "cannot \(verb) \(ticket): it is \(state)" + (winner.isEmpty ? "" : " (\(winner))") },
        storeUnavailable: { "database unavailable, nothing saved: \($0)" }, notFound: { "no \($0) (removed or cancelled elsewhere?)" },
        storeUnreadable: { "unreadable stored data: \($0)" }, actionFailed: { "not done: \($0)" },
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
        moreRows: { "\($0) more" },
        allStreets: "All streets",
        streetTile: { alarm, overdue, attention, grids in
            alarm > 0 ? "alarm \(alarm) late \(overdue)" : attention > 0 ? "watch \(attention)" : "grids \(grids)"
        },
        streetSummary: "Street",
        communityLine: { g, a, t, o, d in "grids \(g)  alarm \(a)  watch \(t)  open \(o)  late \(d)" },
        enterStreetFirst: "press Enter to open a street, then pick a grid to call",
        keyEnterStreet: "open street"
    )
}
