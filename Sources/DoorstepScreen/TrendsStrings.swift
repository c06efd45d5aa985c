import DoorstepDomain

/// The words of the 民情气象站 (the trends pane and page), one table per language.
struct TrendsStrings: Sendable {
    var paneTitle: String
    var pageTitle: @Sendable (_ asOf: String) -> String
    var counting: String
    var street: String
    var thisWeek: String
    var usual: String
    var satisfaction: String
    var accept: String
    var minutes: @Sendable (Int) -> String
    var nothingRising: String
    var tooLittleHistory: String
    /// "9 this week, usual 2".
    var risingNumbers: @Sendable (_ thisWeek: Int, _ usual: String) -> String
    var allCategories: String
    var daysTitle: String
    var weeksTitle: String
    var servedTitle: String
    var risingTitle: @Sendable (Int) -> String
    /// The rising rule in words, with its thresholds.
    var rule: @Sendable (RisingRule) -> String
    var weekLabels: [String]
    var key: String

    static let chinese = TrendsStrings(
        paneTitle: "民情气象站", pageTitle: { "民情气象站 · 统计于 \($0)" }, counting: "统计中…", street: "全街道",
        thisWeek: "本周", usual: "常态", satisfaction: "满意度", accept: "接单", minutes: { "\($0)分" },
        nothingRising: "本周没有明显上升的诉求", tooLittleHistory: "历史数据不足一周,暂不判断上升", risingNumbers: { "本周 \($0),常态 \($1)" }, allCategories: "全部诉求",
        daysTitle: "近14天每日点单(按类别)", weeksTitle: "近8周每周点单(按社区)", servedTitle: "近8周满意度与接单用时",
        risingTitle: { "上升的诉求 · \($0)" },
        rule: { "上升:本周(近7天)至少 \($0.minimumOrders) 单,且不少于常态 × \(Formatting.oneDecimal($0.factor)) + \(Formatting.oneDecimal($0.slack));常态 = 前 \($0.baselineWeeks) 周的平均" },
        weekLabels: ["-7周", "-6周", "-5周", "-4周", "-3周", "-2周", "上周", "本周"], key: "民情气象站")

    static let english = TrendsStrings(
        paneTitle: "Concerns weather", pageTitle: { "Concerns weather · counted \($0)" }, counting: "counting…", street: "Street",
        thisWeek: "this week", usual: "usual", satisfaction: "rated", accept: "accept", minutes: { "\($0) min" },
        nothingRising: "nothing rising this week", tooLittleHistory: "less than a week of history before this one: nothing judged rising yet", risingNumbers: { "\($0) this week, usual \($1)" }, allCategories: "all orders",
        daysTitle: "Orders a day, last 14 days (by category)", weeksTitle: "Orders a week, last 8 weeks (by community)",
        servedTitle: "Satisfaction and time to accept, last 8 weeks", risingTitle: { "Rising · \($0)" },
        rule: { "Rising: this week (last 7 days) at least \($0.minimumOrders) orders, and at least usual × \(Formatting.oneDecimal($0.factor)) + \(Formatting.oneDecimal($0.slack)); usual = mean of the \($0.baselineWeeks) weeks before" },
        weekLabels: ["-7w", "-6w", "-5w", "-4w", "-3w", "-2w", "last", "this"], key: "concerns weather")
}

extension Language {
    var trendsStrings: TrendsStrings { self == .zh ? .chinese : .english }
}
