import DoorstepDomain
import DoorstepScreen

/// The report's own words, one table per language (names from the data stay as entered).
struct ReportStrings: Sendable {
    var daily: String
    var weekly: String
    /// "临江街道 日报 2026-12-02 周三"
    var title: @Sendable (_ street: String, _ community: String?, _ kind: String, _ span: String) -> String
    var spanTo: String
    var soFar: @Sendable (_ time: String) -> String
    var madeAt: @Sendable (_ time: String) -> String
    var weekdays: [String]

    var headline: String
    var figure: String
    var value: String
    var ordered: String
    var dispatched: String
    var accepted: String
    var resolved: String
    var rated: String
    var satisfaction: String
    var acceptMinutes: String
    var acceptMinutesColumn: String
    var escalated: String
    var cancelled: String
    var callsPlaced: String
    var callsAnswered: String
    var callsDeclined: String
    var callsEscalated: String
    var alarmsRaised: String
    var alarmsAcknowledged: String
    var alarmsEscalated: String
    var visits: String
    var placeVisits: String
    var careServices: String
    var callIns: String
    var minutes: @Sendable (Int) -> String

    var seriesDaily: String
    var seriesWeekly: String
    var hour: @Sendable (Int) -> String
    var byCommunity: String
    var byCategory: String
    var community: String
    var category: String
    var group: String
    var name: String
    var total: String
    var hourColumn: String
    var dayColumn: String

    var risingTitle: String
    var nothingRising: String
    var tooLittleHistory: String
    var allOrders: String
    var risingNumbers: @Sendable (_ thisWeek: Int, _ usual: String) -> String
    var rule: @Sendable (RisingRule) -> String

    var overdueTitle: String
    var lowRatingsTitle: String
    var escalationsTitle: String
    var none: String
    var ticket: String
    var grid: String
    var titleColumn: String
    var score: String
    var at: String
    var due: String
    var overdueBy: String
    var more: @Sendable (Int) -> String

    static let chinese = ReportStrings(
        daily: "日报", weekly: "周报",
        title: { street, community, kind, span in "\(street)\(community.map { " · \($0)" } ?? "") \(kind) \(span)" },
        spanTo: " 至 ", soFar: { "(截至 \($0))" }, madeAt: { "生成于 \($0)" },
        weekdays: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
        headline: "总览", figure: "指标", value: "数值", ordered: "新增诉求", dispatched: "派单", accepted: "接单", resolved: "办结", rated: "评价",
        satisfaction: "满意度", acceptMinutes: "接单均时", acceptMinutesColumn: "接单均时(分钟)", escalated: "上交", cancelled: "撤销",
        callsPlaced: "一键直呼", callsAnswered: "接听", callsDeclined: "拒接", callsEscalated: "逐级转呼",
        alarmsRaised: "告警", alarmsAcknowledged: "已认领", alarmsEscalated: "超时上报",
        visits: "六必访走访", placeVisits: "重点场所巡查", careServices: "关爱服务", callIns: "联动请求",
        minutes: { "\($0) 分钟" },
        seriesDaily: "各时段新增诉求", seriesWeekly: "每日新增诉求", hour: { String(format: "%02d时", $0) },
        byCommunity: "各社区", byCategory: "各类诉求", community: "社区", category: "类别", group: "分组", name: "名称", total: "合计",
        hourColumn: "时段", dayColumn: "日期",
        risingTitle: "上升的诉求(民情气象站)", nothingRising: "本周没有明显上升的诉求", tooLittleHistory: "历史数据不足一周,暂不判断上升",
        allOrders: "全部诉求", risingNumbers: { "本周 \($0),常态 \($1)" },
        rule: { "判断规则:近 7 天 ≥ \($0.minimumOrders) 单,且 ≥ 常态 × \(Formatting.wholeOrOneDecimal($0.factor)) + \(Formatting.wholeOrOneDecimal($0.slack));常态为此前 \($0.baselineWeeks) 周的平均" },
        overdueTitle: "当前超时未办", lowRatingsTitle: "差评(2 分及以下)", escalationsTitle: "上交街道", none: "无",
        ticket: "工单", grid: "网格", titleColumn: "事项", score: "评分", at: "时间", due: "时限", overdueBy: "超时",
        more: { "另有 \($0) 条" })

    static let english = ReportStrings(
        daily: "daily report", weekly: "weekly report",
        title: { street, community, kind, span in "\(street)\(community.map { " · \($0)" } ?? "") \(kind), \(span)" },
        spanTo: " to ", soFar: { "(so far, as of \($0))" }, madeAt: { "made \($0)" },
        weekdays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
        headline: "Headline figures", figure: "Figure", value: "Value", ordered: "Orders placed", dispatched: "Dispatched", accepted: "Accepted", resolved: "Resolved",
        rated: "Rated", satisfaction: "Satisfaction", acceptMinutes: "Time to accept", acceptMinutesColumn: "Time to accept (min)", escalated: "Sent up", cancelled: "Cancelled",
        callsPlaced: "One-key calls", callsAnswered: "Answered", callsDeclined: "Declined", callsEscalated: "Passed up the chain",
        alarmsRaised: "Alarms", alarmsAcknowledged: "Taken", alarmsEscalated: "Escalated untaken",
        visits: "Must-visits logged", placeVisits: "Key places visited", careServices: "Care services", callIns: "Departments called in",
        minutes: { "\($0) min" },
        seriesDaily: "Orders by hour", seriesWeekly: "Orders by day", hour: { String(format: "%02d:00", $0) },
        byCommunity: "By community", byCategory: "By category", community: "Community", category: "Category", group: "Group",
        name: "Name", total: "Total", hourColumn: "Hour", dayColumn: "Day",
        risingTitle: "Rising concerns (民情气象站)", nothingRising: "nothing rising this week",
        tooLittleHistory: "less than a week of history before this one: nothing judged rising yet", allOrders: "all orders",
        risingNumbers: { "\($0) this week, usual \($1)" },
        rule: { "Rule: last 7 days ≥ \($0.minimumOrders) orders and ≥ usual × \(Formatting.wholeOrOneDecimal($0.factor)) + \(Formatting.wholeOrOneDecimal($0.slack)); usual = mean of the \($0.baselineWeeks) weeks before" },
        overdueTitle: "Overdue now", lowRatingsTitle: "Low ratings (2 or less)", escalationsTitle: "Sent up to the street", none: "none",
        ticket: "Ticket", grid: "Grid", titleColumn: "Matter", score: "Score", at: "When", due: "Due", overdueBy: "Overdue",
        more: { "\($0) more" })

    static func of(_ language: Language) -> ReportStrings { language == .zh ? .chinese : .english }
}
