import DoorstepDomain

/// Every word the wall screen shows, one table per language. Shared, not copied: handing it
/// to a pane costs one reference where a copy of its hundred fields cost a hundred (a
/// twentieth of a frame's instructions, counted by callgrind on the demo's wall).
@dynamicMemberLookup
public final class UIStrings: Sendable {
    let table: Table
    private init(_ table: Table) { self.table = table }

    public subscript<T>(dynamicMember path: KeyPath<Table, T>) -> T { table[keyPath: path] }

    public static let chinese = UIStrings(.chinese)
    public static let english = UIStrings(.english)

    /// The handover page's words, in this table's language.
    var handover: HandoverStrings { self === UIStrings.chinese ? .chinese : .english }
    var replay: ReplayStrings { self === UIStrings.chinese ? .chinese : .english }
}

extension UIStrings {
    /// The words of one language (see `UIStrings`).
    public struct Table: Sendable {
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
        public var eventKind: @Sendable (ChangeKind) -> String
        public var callState: @Sendable (Call.State) -> String
        /// A system actor's name (resident, dispatcher, operator …) in the screen's language; nil for a person's id or a user.
        public var actor: @Sendable (String) -> String?
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
        public var resolveTitle: @Sendable (_ ticket: String) -> String
        public var reasonHint: String
        public var keyDispatch: String
        public var keyEscalate: String
        public var keyCancelTicket: String
        /// "T00073 → 待接": the template, with the state already in words (see `moved(_:to:)`).
        public var movedTemplate: @Sendable (_ ticket: String, _ state: String) -> String
        /// "cannot dispatch T00073: it is dispatched (by S0016 at 10:02:11)": the template, with
        /// the verb and state already in words and the last move's time formatted (see `refusal`).
        public var refusedTemplate: @Sendable (_ verb: String, _ ticket: String, _ state: String, _ by: String?, _ at: String?) -> String
        /// A ticket action's verb (派单, dispatch …).
        public var verb: @Sendable (TicketAction) -> String
        /// What went wrong with the store, in the screen's language (the cause, from SQLite, as it came).
        public var storeUnavailable: @Sendable (_ reason: String) -> String
        public var notFound: @Sendable (_ id: String) -> String
        public var storeUnreadable: @Sendable (_ detail: String) -> String
        public var actionFailed: @Sendable (_ detail: String) -> String
        /// The store refused: the operator's role or scope does not allow it.
        public var forbidden: @Sendable (_ detail: String) -> String
        /// A lobby screen's answer to an action key.
        public var readOnly: String
        public var answered: @Sendable (_ callID: String, _ accepted: Bool) -> String
        public var noCallRinging: String
        public var alarmsAcknowledged: @Sendable (Int) -> String
        public var noAlarm: String
        /// The header's and the footer's mute: the cues are off until a time.
        public var mutedUntil: @Sendable (String) -> String
        /// The header's count of alarms nobody has taken.
        public var newAlarms: String
        /// The header's desk: a community's office, a grid's station, a lobby screen; the operator.
        public var desk: @Sendable (_ scope: String, _ role: OperatorRole, _ who: String) -> String
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
        public var reasonPartyVacant: String
        public var reasonCallInsLate: @Sendable (Int) -> String
        public var reasonPartiesNotAnswering: @Sendable (Int) -> String
        /// Parties called in on a ticket (a notice).
        public var calledIn: @Sendable (_ ticket: String, _ count: Int) -> String
        public var reasonCareMissed: @Sendable (Int) -> String
        public var reasonFourClears: @Sendable (_ clear: Int, _ total: Int) -> String
        public var ticketsShort: @Sendable (Int) -> String
        public var role: @Sendable (StaffRole) -> String
        public var duty: @Sendable (DutyState) -> String
        /// An operator's role (操作员的角色).
        public var operatorRole: @Sendable (OperatorRole) -> String
        public var state: @Sendable (TicketState) -> String
        public var categoryName: @Sendable (_ zh: String, _ en: String) -> String
        public var moreRows: @Sendable (Int) -> String
        /// How many rows an import brought.
        public var rows: @Sendable (Int) -> String
        /// Above a street: the streets pane, a street's tile, its summary pane.
        public var allStreets: String
        public var streetTile: @Sendable (_ alarm: Int, _ overdue: Int, _ attention: Int, _ grids: Int) -> String
        public var streetSummary: String
        public var communityLine: @Sendable (_ grids: Int, _ alarm: Int, _ attention: Int, _ open: Int, _ overdue: Int) -> String
        public var enterStreetFirst: String
        public var keyEnterStreet: String

        static let chinese = Table(
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
                case .ticketOrdered: return "点单"
                case .ticketDispatched: return "派单"
                case .ticketAccepted: return "接单"
                case .ticketResolved: return "办结"
                case .ticketRated: return "评价"
                case .ticketEscalated: return "上交"
                case .ticketCancelled: return "撤销"
                case .duty: return "值守"
                case .visit: return "走访"
                case .callPlaced: return "呼叫"
                case .callAnswered: return "接听"
                case .callDeclined: return "拒接"
                case .callFailed: return "不通"
                case .callConfirmed: return "确认"
                case .callEscalated: return "升级"
                case .initialised: return "初始化"
                case .importedHouseholds: return "导入住户"
                case .importedStaff: return "导入人员"
                case .importedPartyMembers: return "导入党员"
                case .importedResponders: return "导入力量"
                case .importedCarePlans: return "导入方案"
                case .careOrdered: return "建案"
                case .careDispatched: return "派案"
                case .careAccepted: return "接案"
                case .careReviewed: return "复评"
                case .careClosed: return "结案"
                case .careServiceAdded: return "增项"
                case .careServiceDone: return "帮扶"
                case .fourClears: return "四清"
                case .placeVisit: return "场所"
                case .callInRequested: return "联动"
                case .callInArrived: return "到场"
                case .callInHandled: return "处置"
                case .callInDeclined: return "婉拒"
                case .callInWithdrawn: return "撤回"
                case .privacyReveal: return "查看隐私"
                case .operatorAdded: return "操作员"
                case .operatorRemoved: return "删操作员"
                case .keyIssued: return "发密钥"
                case .keyRevoked: return "撤密钥"
                case .handover: return "交接班"
                case .alarmRaised: return "告警"
                case .alarmAcknowledged: return "认领"
                case .alarmCleared: return "解除"
                case .alarmEscalated: return "上报"
                case .unreadable: return "未知变更"
                }
            },
            callState: { state in
                switch state {
                case .ringing: return "振铃"
                case .answered: return "已接听"
                case .declined: return "已拒接"
                case .missed: return "未接"
                case .escalated: return "已升级"
                case .failed: return "未接通"
                }
            },
            actor: { actor in
                switch actor {
                case "resident": return "居民"
                case "dispatcher": return "派单员"
                case "operator": return "值班员"
                case "simulator": return "模拟"
                case "init": return "初始化"
                case "import": return "导入"
                case "bench": return "压测"
                case "phone": return "电话系统"
                // a ticket's source stands for who ordered it when no order event names them
                case "patrol": return "巡查"
                case "hotline": return "热线"
                case "visit": return "走访"
                default: return actor.hasPrefix("cli:") ? "命令行 " + actor.dropFirst(4) : nil
                }
            },
            help: "按键说明",
            helpLines: [
                ("←↓↑→ hjkl", "在网格间移动;在列表中上下移动"), ("Tab / Shift-Tab", "切换窗格:网格、力量、工单、动态"),
                ("1-9", "跳到第 N 个社区(街道之上:第 N 个区)"), ("/", "按名称、编码或拼音首字母筛选网格(jbyw → 江滨一网格)"), ("Home / End", "第一个 / 最后一个"), ("PgUp / PgDn", "列表翻页"),
                ("c", "呼叫选中的人员(力量窗格)"), ("C", "呼叫选中网格的 1+1+2+N"), ("Esc", "3 秒内取消呼叫;返回"),
                ("d / e / x", "工单窗格:派单 / 上交 / 撤销"), ("Enter / u", "打开网格页 / 所在社区概览"), ("m", "网格页:三活活地图(楼栋与住户)"), ("p", "党建引领:功能型党组织、先锋队、党群服务体系"),
                ("i / o", "工单联动:呼叫外部力量 / 联动总览"), ("s", "工单窗格:按建议派单(所在网格与建议人员)"),
                ("a / A / M", "认领选中网格的告警 / 全部认领 / 提示音静音 15 分钟"), ("! / t / w / H", "告警一览 / 呼叫一览 / 民情气象站(诉求趋势与上升)/ 交接班"), ("a / v / y n", "网格端:接单 / 办结 / 接听 拒接来电"),
                ("Enter / Esc", "街道之上:进入选中的街道 / 回到全部街道"),
                ("L", "切换中文 / English"), ("Ctrl-L", "重绘整屏"), ("?", "显示 / 关闭本说明"), ("q", "退出"),
            ],
            keyPanes: "切换窗格", keyCall: "呼叫", keyCallGrid: "呼叫全格", keyHelp: "帮助", keyBack: "返回",
            cancelHint: "Esc 取消",
            dispatchTitle: { "派单 \($0)" }, gridOnly: "派给网格(不指定人)", load: { "在办 \($0)" },
            pickerHint: "←→ 换网格  ↑↓ 选人  Enter 派单  Esc 取消  ★ 建议",
            cancelTitle: { "撤销 \($0):原因" }, resolveTitle: { "办结 \($0):如何办结" }, reasonHint: "Enter 确认  Esc 放弃",
            keyDispatch: "派单", keyEscalate: "上交", keyCancelTicket: "撤销",
            movedTemplate: { ticket, state in "\(ticket) → \(state)" },
            refusedTemplate: { verb, ticket, state, by, at in
                "无法\(verb) \(ticket):已是「\(state)」" + (by.map { "(\($0)" + (at.map { " 于 \($0)" } ?? "") + ")" } ?? "")
            },
            verb: { action in
                switch action {
                case .dispatch: return "派单"
                case .accept: return "接单"
                case .resolve: return "办结"
                case .rate: return "评价"
                case .escalate: return "上交"
                case .cancel: return "撤销"
                }
            },
            storeUnavailable: { "数据库暂不可用,未保存:\($0)" }, notFound: { "找不到 \($0)(可能已被他人删除或撤销)" },
            storeUnreadable: { "库中数据无法读取:\($0)" }, actionFailed: { "操作未完成:\($0)" },
            forbidden: { "无权操作,未保存:\($0)" }, readOnly: "大屏只读:不能在此操作", answered: { $1 ? "已接听 \($0)" : "已拒接 \($0)" },
            noCallRinging: "本网格没有正在振铃的呼叫",
            alarmsAcknowledged: { "已认领 \($0) 条告警" }, noAlarm: "没有待认领的告警", mutedUntil: { "提示音已静音至 \($0)" }, newAlarms: "待认领告警",
            desk: { scope, role, who in
                switch role {
                case .streetDuty: return "街道端 · \(who)"
                case .communityDispatcher: return "社区端 · \(scope) · 派单 \(who)"
                case .socialWorkStation: return "社区端 · \(scope) · 社工站"
                case .gridWorker: return "网格端 · \(scope) · \(who)"
                case .viewer: return "大屏 · \(scope) · 只读"
                }
            },
            keyMove: "移动", keyQuit: "退出",
            tooSmall: { nw, nh, hw, hh in "终端太小:需要 \(nw)×\(nh),当前 \(hw)×\(hh)" },
            left: { "剩 \($0)" }, late: { "超 \($0)" },
            reasonOverdue: { "超时\($0)" }, reasonNobodyOnDuty: "无人在岗",
            reasonUnansweredCalls: { "未接\($0)" }, reasonSevereHazards: { "重大隐患\($0)" },
            reasonVisitsBehind: { "必访\($0)/\($1)" },
            reasonNearDeadline: { "临期\($0)" }, reasonStaffing: "缺编", reasonPartyVacant: "缺支书", reasonCallInsLate: { "联动超时\($0)" }, reasonPartiesNotAnswering: { "联动未响应\($0)" }, calledIn: { "\($0) 已呼叫 \($1) 方外部力量" }, reasonCareMissed: { "帮扶逾期\($0)" }, reasonFourClears: { "四清\($1 > 0 ? $0 * 100 / $1 : 0)%" },
            ticketsShort: { "单\($0)" },
            role: { role in
                switch role {
                case .allRoundSocialWorker: return "双全社工"
                case .professionalSocialWorker: return "专业社工"
                case .partyCentralHousehold: return "党员中心户"
                case .volunteer: return "网格志愿者"
                case .fullTimeGridWorker: return "专职网格员"
                case .microGridChief: return "微网格长"
                case .buildingChief: return "楼栋长"
                case .communityDispatcher: return "社区派单员"
                case .streetOperator: return "街道值班员"
                }
            },
            duty: { duty in
                switch duty {
                case .onDuty: return "在岗"
                case .busy: return "忙碌"
                case .visiting: return "走访"
                case .off: return "离岗"
                }
            },
            operatorRole: { role in
                switch role {
                case .streetDuty: return "街道值班"
                case .communityDispatcher: return "社区派单"
                case .socialWorkStation: return "社工站"
                case .gridWorker: return "网格员"
                case .viewer: return "大屏"
                }
            },
            state: { state in
                switch state {
                case .ordered: return "待派"
                case .dispatched: return "待接"
                case .accepted: return "办理中"
                case .resolved: return "已办结"
                case .rated: return "已评价"
                case .escalated: return "已上交"
                case .cancelled: return "已撤销"
                }
            },
            categoryName: { zh, _ in zh },
            moreRows: { "另有 \($0) 条" },
            rows: { "\($0) 条" },
            allStreets: "全部街道",
            streetTile: { alarm, overdue, attention, grids in
                alarm > 0 ? "告警\(alarm) 超时\(overdue)" : attention > 0 ? "关注\(attention)" : "网格\(grids)"
            },
            streetSummary: "街道概况",
            communityLine: { g, a, t, o, d in "网格\(g)  告警\(a)  关注\(t)  待办\(o)  超时\(d)" },
            enterStreetFirst: "先按 Enter 进入街道,再选网格呼叫",
            keyEnterStreet: "进入街道"
        )

        static let english = Table(
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
                case .ticketOrdered: return "ordered"
                case .ticketDispatched: return "dispatched"
                case .ticketAccepted: return "accepted"
                case .ticketResolved: return "resolved"
                case .ticketRated: return "rated"
                case .ticketEscalated: return "escalated"
                case .ticketCancelled: return "cancelled"
                case .duty: return "duty"
                case .visit: return "visit"
                case .callPlaced: return "call"
                case .callAnswered: return "answered"
                case .callDeclined: return "declined"
                case .callFailed: return "failed"
                case .callConfirmed: return "confirmed"
                case .callEscalated: return "escalated"
                case .initialised: return "loaded"
                case .importedHouseholds: return "households"
                case .importedStaff: return "staff list"
                case .importedPartyMembers: return "Party members"
                case .importedResponders: return "outside parties"
                case .importedCarePlans: return "care plans"
                case .careOrdered: return "plan"
                case .careDispatched: return "plan sent"
                case .careAccepted: return "plan taken"
                case .careReviewed: return "reviewed"
                case .careClosed: return "plan end"
                case .careServiceAdded: return "service+"
                case .careServiceDone: return "service"
                case .fourClears: return "4 clears"
                case .placeVisit: return "place"
                case .callInRequested: return "call-in"
                case .callInArrived: return "arrived"
                case .callInHandled: return "handled"
                case .callInDeclined: return "declined"
                case .callInWithdrawn: return "withdrawn"
                case .privacyReveal: return "revealed"
                case .operatorAdded: return "operator"
                case .operatorRemoved: return "op removed"
                case .keyIssued: return "key issued"
                case .keyRevoked: return "key revoked"
                case .handover: return "handover"
                case .alarmRaised: return "alarm"
                case .alarmAcknowledged: return "acked"
                case .alarmCleared: return "cleared"
                case .alarmEscalated: return "escalated"
                case .unreadable: return "unknown"
                }
            },
            callState: { state in
                switch state {
                case .ringing: return "ringing"
                case .answered: return "answered"
                case .declined: return "declined"
                case .missed: return "missed"
                case .escalated: return "escalated"
                case .failed: return "failed"
                }
            },
            actor: { actor in
                switch actor {
                case "resident", "dispatcher", "operator", "simulator", "init", "import", "bench", "patrol", "hotline", "visit": return actor
                case "phone": return "phone system"
                default: return actor.hasPrefix("cli:") ? String(actor.dropFirst(4)) : nil
                }
            },
            help: "Keys",
            helpLines: [
                ("←↓↑→ hjkl", "move between grids; up and down in lists"), ("Tab / Shift-Tab", "next / previous pane: grids, staff, tickets, events"),
                ("1-9", "jump to community N (above a street: district N)"), ("/", "filter grids by name, code or pinyin initials (jbyw → 江滨一网格)"), ("Home / End", "first / last"), ("PgUp / PgDn", "page through a list"),
                ("c", "call the selected person (staff pane)"), ("C", "call the selected grid's 1+1+2+N"), ("Esc", "cancel a call within 3 s; back"),
                ("d / e / x", "tickets pane: dispatch / escalate / cancel"), ("Enter / u", "open the grid's page / its community's"), ("m", "grid page: live map of its buildings and households"), ("p", "Party-led network: functional organisations, pioneer teams, service network"),
                ("i / o", "call outside parties in on a ticket (joint handling) / tickets waiting on them, slowest department"),
                ("s", "tickets pane: send as suggested (its grid and the suggested person)"),
                ("a / A / M", "take the selected grid's alarm / all / mute the cues for 15 minutes"), ("! / t / w / H", "the alarms / the calls of the last hours / concerns weather (trends, what is rising) / shift handover"),
                ("a / v / y n", "grid desk: accept / resolve / answer or decline a call"),
                ("Enter / Esc", "above a street: open the selected street / back to all streets"),
                ("L", "switch 中文 / English"), ("Ctrl-L", "repaint the whole screen"), ("?", "show / hide this help"), ("q", "quit"),
            ],
            keyPanes: "panes", keyCall: "call", keyCallGrid: "call grid", keyHelp: "help", keyBack: "back",
            cancelHint: "Esc cancels",
            dispatchTitle: { "Dispatch \($0)" }, gridOnly: "to the grid (nobody in particular)", load: { "holds \($0)" },
            pickerHint: "←→ grid  ↑↓ person  Enter dispatch  Esc cancel  ★ suggested",
            cancelTitle: { "Cancel \($0): reason" }, resolveTitle: { "Resolve \($0): how" }, reasonHint: "Enter confirm  Esc give up",
            keyDispatch: "dispatch", keyEscalate: "escalate", keyCancelTicket: "cancel",
            movedTemplate: { ticket, state in "\(ticket) → \(state)" },
            refusedTemplate: { verb, ticket, state, by, at in
                "cannot \(verb) \(ticket): it is \(state)" + (by.map { " (by \($0)" + (at.map { " at \($0)" } ?? "") + ")" } ?? "")
            },
            verb: { $0.verb },  // as the command line spells it
            storeUnavailable: { "database unavailable, nothing saved: \($0)" }, notFound: { "no \($0) (removed or cancelled elsewhere?)" },
            storeUnreadable: { "unreadable stored data: \($0)" }, actionFailed: { "not done: \($0)" },
            forbidden: { "not allowed, nothing saved: \($0)" }, readOnly: "lobby screen: read-only", answered: { $1 ? "answered \($0)" : "declined \($0)" },
            noCallRinging: "no call is ringing for this grid",
            alarmsAcknowledged: { "\($0) alarm(s) acknowledged" }, noAlarm: "no alarm waits to be taken", mutedUntil: { "cues muted until \($0)" },
            newAlarms: "New alarms",
            desk: { scope, role, who in
                switch role {
                case .streetDuty: return "street desk · \(who)"
                case .communityDispatcher: return "community desk · \(scope) · dispatcher \(who)"
                case .socialWorkStation: return "community desk · \(scope) · social work station"
                case .gridWorker: return "grid desk · \(scope) · \(who)"
                case .viewer: return "lobby · \(scope) · read-only"
                }
            },
            keyMove: "move", keyQuit: "quit",
            tooSmall: { nw, nh, hw, hh in "terminal too small: need \(nw)×\(nh), have \(hw)×\(hh)" },
            left: { "\($0) left" }, late: { "\($0) late" },
            // a full tile has nine columns for the reason after its code: words that fit whole
            reasonOverdue: { "overdue \($0)" }, reasonNobodyOnDuty: "unstaffed",
            reasonUnansweredCalls: { "missed \($0)" }, reasonSevereHazards: { "hazard \($0)" },
            reasonVisitsBehind: { "visit \($0)/\($1)" },
            reasonNearDeadline: { "at risk \($0)" }, reasonStaffing: "staff gap", reasonPartyVacant: "Party gap", reasonCallInsLate: { "call-in late \($0)" }, reasonPartiesNotAnswering: { "no reply \($0)" }, calledIn: { "\($0): \($1) part(ies) called in" }, reasonCareMissed: { "care missed \($0)" }, reasonFourClears: { "4 clears \($1 > 0 ? $0 * 100 / $1 : 0)%" },
            ticketsShort: { "T\($0)" },
            role: { role in
                switch role {
                case .allRoundSocialWorker: return "All-round SW"
                case .professionalSocialWorker: return "Professional SW"
                case .partyCentralHousehold: return "Party household"
                case .volunteer: return "Volunteer"
                case .fullTimeGridWorker: return "Grid worker"
                case .microGridChief: return "Micro-grid chief"
                case .buildingChief: return "Building chief"
                case .communityDispatcher: return "Dispatcher"
                case .streetOperator: return "Operator"
                }
            },
            duty: { duty in
                switch duty {
                case .onDuty: return "on"
                case .busy: return "busy"
                case .visiting: return "visit"
                case .off: return "off"
                }
            },
            operatorRole: { role in
                switch role {
                case .streetDuty: return "street duty"
                case .communityDispatcher: return "dispatcher"
                case .socialWorkStation: return "social work"
                case .gridWorker: return "grid worker"
                case .viewer: return "viewer"
                }
            },
            state: { state in
                switch state {
                case .ordered: return "ordered"
                case .dispatched: return "dispatched"
                case .accepted: return "accepted"
                case .resolved: return "resolved"
                case .rated: return "rated"
                case .escalated: return "escalated"
                case .cancelled: return "cancelled"
                }
            },
            categoryName: { _, en in en },
            moreRows: { "\($0) more" },
            rows: { "\($0) rows" },
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
}

extension UIStrings {
    /// A ticket moved, in words.
    public func moved(_ ticket: String, to state: TicketState) -> String { table.movedTemplate(ticket, table.state(state)) }

    /// A refused action, in words: who moved the ticket last and when (`by` a name or actor
    /// already in words, `at` already formatted in the screen's zone).
    public func refusal(_ error: TransitionError, by: String?, at: String?) -> String {
        table.refusedTemplate(table.verb(error.action), error.ticketID, table.state(error.state), by, at)
    }
}
