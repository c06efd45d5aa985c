import Foundation

/// One order (点单) as the 民情气象站 counts it: where and what, when it came, how it was served.
public struct OrderFacts: Hashable, Sendable {
    public var gridCode: String
    public var categoryCode: String
    public var createdAt: Date
    public var dispatchedAt: Date?
    public var acceptedAt: Date?
    /// The resident's score, once rated.
    public var rating: Int?
    /// The ticket (nil where a reader did not say): a replay asks when it was rated.
    public var ticketID: String?

    public init(gridCode: String, categoryCode: String, createdAt: Date, dispatchedAt: Date? = nil, acceptedAt: Date? = nil, rating: Int? = nil,
                ticketID: String? = nil) {
        self.ticketID = ticketID
        self.gridCode = gridCode
        self.categoryCode = categoryCode
        self.createdAt = createdAt
        self.dispatchedAt = dispatchedAt
        self.acceptedAt = acceptedAt
        self.rating = rating
    }

    /// A ticket as an order (its rating counts once it is rated).
    public init(_ ticket: Ticket) {
        self.init(gridCode: ticket.gridCode, categoryCode: ticket.categoryCode, createdAt: ticket.createdAt, dispatchedAt: ticket.dispatchedAt,
                  acceptedAt: ticket.acceptedAt, rating: ticket.state == .rated ? ticket.rating : nil, ticketID: ticket.id)
    }

    /// Minutes from dispatch to accept, when both happened.
    public var acceptMinutes: Double? {
        guard let acceptedAt, let dispatchedAt else { return nil }
        return acceptedAt.timeIntervalSince(dispatchedAt) / 60
    }
}

/// 民情气象站: residents' orders over days and weeks, by category and by community, with
/// satisfaction and time to accept beside them, and the concerns rising above their usual level.
///
/// Days are local calendar days (the last one is today so far); weeks are the seven days up to
/// `asOf` and the seven-day spans before it, so "this week" always means the last seven days.
public struct ConcernTrends: Equatable, Sendable {
    /// Days in the daily series.
    public static let days = 14
    /// Weeks in the weekly series (the rising rule's baseline needs four before this one).
    public static let weeks = 8

    public var asOf: Date
    /// Orders per day, oldest first; the last is today so far.
    public var daily: [Int]
    public var dailyByCategory: [String: [Int]]
    /// Orders per week, oldest first; the last is this week (the seven days up to `asOf`).
    public var weekly: [Int]
    public var weeklyByCategory: [String: [Int]]
    public var weeklyByCommunity: [String: [Int]]
    public var weeklyByGrid: [String: [Int]]
    /// The mean score of each week's rated orders (by when they were ordered); nil for none.
    public var satisfaction: [Double?]
    /// The mean minutes from dispatch to accept of each week's orders; nil for none.
    public var acceptMinutes: [Double?]
    /// What stands well above its usual level this week, most above first (see `RisingRule`).
    public var rising: [RisingConcern]
    /// The whole weeks before this one that the orders reach back into (0…7): weeks before the
    /// first order are not known to have been quiet, so they make no usual level. With none,
    /// nothing is judged rising.
    public var historyWeeks: Int
    /// The rule the rising concerns were judged by.
    public var rule: RisingRule
    /// The grids with a concern rising in them (the tiles mark them).
    public private(set) var risingGrids: Set<String>

    /// A series' usual level as `rule` reckons it over the weeks the orders reach back into;
    /// nil while none before this one is known.
    public func usual(_ weeks: [Int]) -> Double? {
        historyWeeks > 0 ? rule.usual(weeks, knownWeeks: historyWeeks) : nil
    }

    /// How far back `orders` must reach for `init` (a little over the weeks it counts).
    public static func horizon(before now: Date) -> Date { now.addingTimeInterval(-Double(weeks * 7 + 1) * 86_400) }

    /// Counts `orders` (any older than the weeks counted are left out) as of `now`;
    /// `communityOfGrid` names each grid's community.
    public init(orders: [OrderFacts], communityOfGrid: [String: String], now: Date, calendar: Calendar, rule: RisingRule = .standard) {
        asOf = now
        self.rule = rule
        let today = calendar.startOfDay(for: now)
        // the start of each day counted, oldest first (calendar days: a daylight-saving day is 23 or 25 hours)
        let dayStarts = (0..<Self.days).reversed().map { calendar.date(byAdding: .day, value: -$0, to: today) ?? today }
        func dayIndex(_ date: Date) -> Int? {
            guard date >= dayStarts[0], date <= now else { return nil }
            var low = 0, high = dayStarts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if dayStarts[mid] <= date { low = mid } else { high = mid - 1 }
            }
            return low
        }
        func weekIndex(_ date: Date) -> Int? {
            let back = now.timeIntervalSince(date)
            guard back >= 0 else { return nil }
            let week = Int(back / (7 * 86_400))
            return week < Self.weeks ? Self.weeks - 1 - week : nil
        }
        var daily = Array(repeating: 0, count: Self.days)
        var dailyByCategory: [String: [Int]] = [:]
        var weekly = Array(repeating: 0, count: Self.weeks)
        var weeklyByCategory: [String: [Int]] = [:], weeklyByCommunity: [String: [Int]] = [:], weeklyByGrid: [String: [Int]] = [:]
        var byCategoryAndGrid: [Pair: [Int]] = [:], byCategoryAndCommunity: [Pair: [Int]] = [:]
        var scores = Array(repeating: (sum: 0.0, count: 0), count: Self.weeks)
        var waits = Array(repeating: (sum: 0.0, count: 0), count: Self.weeks)
        let emptyWeeks = Array(repeating: 0, count: Self.weeks)
        for order in orders {
            if let day = dayIndex(order.createdAt) {
                daily[day] += 1
                dailyByCategory[order.categoryCode, default: Array(repeating: 0, count: Self.days)][day] += 1
            }
            guard let week = weekIndex(order.createdAt) else { continue }
            weekly[week] += 1
            weeklyByCategory[order.categoryCode, default: emptyWeeks][week] += 1
            weeklyByGrid[order.gridCode, default: emptyWeeks][week] += 1
            byCategoryAndGrid[Pair(order.categoryCode, order.gridCode), default: emptyWeeks][week] += 1
            if let community = communityOfGrid[order.gridCode] {
                weeklyByCommunity[community, default: emptyWeeks][week] += 1
                byCategoryAndCommunity[Pair(order.categoryCode, community), default: emptyWeeks][week] += 1
            }
            if let rating = order.rating {
                scores[week].sum += Double(rating)
                scores[week].count += 1
            }
            if let minutes = order.acceptMinutes {
                waits[week].sum += minutes
                waits[week].count += 1
            }
        }
        self.daily = daily
        self.dailyByCategory = dailyByCategory
        self.weekly = weekly
        self.weeklyByCategory = weeklyByCategory
        self.weeklyByCommunity = weeklyByCommunity
        self.weeklyByGrid = weeklyByGrid
        satisfaction = scores.map { $0.count > 0 ? $0.sum / Double($0.count) : nil }
        acceptMinutes = waits.map { $0.count > 0 ? $0.sum / Double($0.count) : nil }
        // the first order's week and those after it are known; the weeks before it are not
        let first = orders.lazy.map(\.createdAt).min()
        historyWeeks = first.flatMap(weekIndex).map { Self.weeks - 1 - $0 } ?? (first == nil ? 0 : Self.weeks - 1)
        let known = historyWeeks
        var rising: [RisingConcern] = []
        func judge(_ weeks: [Int], _ category: String?, _ scope: RisingConcern.Scope) {
            if let judged = rule.judge(weeks, knownWeeks: known) { rising.append(RisingConcern(categoryCode: category, scope: scope, judged)) }
        }
        for (pair, weeks) in byCategoryAndGrid { judge(weeks, pair.category, .grid(pair.place)) }
        for (pair, weeks) in byCategoryAndCommunity { judge(weeks, pair.category, .community(pair.place)) }
        for (category, weeks) in weeklyByCategory { judge(weeks, category, .street) }
        for (grid, weeks) in weeklyByGrid { judge(weeks, nil, .grid(grid)) }
        // a rise a narrower concern explains whole (the same orders this week) is that one's:
        // "mediation in JB03 9" says it, not also "mediation in 江滨社区 9" and "JB03's orders 9"
        let explained = Set(rising.indices.filter { broad in
            rising.indices.contains { narrow in
                narrow != broad && rising[narrow].thisWeek == rising[broad].thisWeek
                    && rising[narrow].isWithin(rising[broad], communityOfGrid: communityOfGrid)
            }
        })
        rising = rising.indices.filter { !explained.contains($0) }.map { rising[$0] }
        self.rising = rising.sorted(by: RisingConcern.moreAbove)
        risingGrids = Set(rising.compactMap { if case .grid(let code) = $0.scope { code } else { nil } })
    }


    private struct Pair: Hashable {
        let category: String
        let place: String
        init(_ category: String, _ place: String) {
            self.category = category
            self.place = place
        }
    }
}

/// A concern standing well above its usual level this week: "物业纠纷 JB03 9 this week, usual 2".
public struct RisingConcern: Hashable, Sendable {
    public enum Scope: Hashable, Sendable {
        case street
        case community(String)
        case grid(String)
    }

    /// The category; nil for all of a place's orders together.
    public var categoryCode: String?
    public var scope: Scope
    /// Orders in the last seven days.
    public var thisWeek: Int
    /// The mean of the weeks before (see `RisingRule`).
    public var usual: Double

    public init(categoryCode: String?, scope: Scope, thisWeek: Int, usual: Double) {
        self.categoryCode = categoryCode
        self.scope = scope
        self.thisWeek = thisWeek
        self.usual = usual
    }

    init(categoryCode: String?, scope: Scope, _ judged: (thisWeek: Int, usual: Double)) {
        self.init(categoryCode: categoryCode, scope: scope, thisWeek: judged.thisWeek, usual: judged.usual)
    }

    /// Whether this concern is a part of `other`: the same category or a category of all of
    /// its orders, in the same place or one inside it (a grid in its community, anything in
    /// the street), and not the same concern.
    func isWithin(_ other: RisingConcern, communityOfGrid: [String: String]) -> Bool {
        guard other.categoryCode == nil || other.categoryCode == categoryCode else { return false }
        let placeWithin: Bool
        switch (scope, other.scope) {
        case (_, .street): placeWithin = true
        case (.grid(let grid), .community(let community)): placeWithin = communityOfGrid[grid] == community
        case (.grid(let a), .grid(let b)), (.community(let a), .community(let b)): placeWithin = a == b
        case (.street, _), (.community, .grid): placeWithin = false
        }
        return placeWithin && self != other
    }

    /// Most above its usual level first; then the busier; then a stable order.
    static func moreAbove(_ a: RisingConcern, _ b: RisingConcern) -> Bool {
        let (ea, eb) = (Double(a.thisWeek) - a.usual, Double(b.thisWeek) - b.usual)
        if ea != eb { return ea > eb }
        if a.thisWeek != b.thisWeek { return a.thisWeek > b.thisWeek }
        return "\(a.categoryCode ?? "")|\(a.scope)" < "\(b.categoryCode ?? "")|\(b.scope)"
    }
}

/// When a concern counts as rising — the one place its thresholds live.
///
/// "This week" is the last seven days; "usual" is the mean of the `baselineWeeks` weeks before
/// it. A concern is rising when this week has at least `minimumOrders` orders and at least
/// `factor` × usual + `slack`: with the standard rule, 4 where there are usually none, 5 where
/// there is usually 2, 9 where there are usually 4.
public struct RisingRule: Equatable, Sendable {
    public var minimumOrders: Int
    public var factor: Double
    public var slack: Double
    public var baselineWeeks: Int

    public static let standard = RisingRule(minimumOrders: 4, factor: 2, slack: 1, baselineWeeks: 4)

    public init(minimumOrders: Int, factor: Double, slack: Double, baselineWeeks: Int) {
        self.minimumOrders = minimumOrders
        self.factor = factor
        self.slack = slack
        self.baselineWeeks = baselineWeeks
    }

    /// The mean of the weeks before the last: as many as `baselineWeeks`, and no more than
    /// `knownWeeks` (the weeks the data reaches back into).
    public func usual(_ weeks: [Int], knownWeeks: Int = .max) -> Double {
        let before = weeks.dropLast().suffix(max(0, min(baselineWeeks, knownWeeks)))
        return before.isEmpty ? 0 : Double(before.reduce(0, +)) / Double(before.count)
    }

    /// This week and its usual level when the last of `weeks` (oldest first) stands out; nil
    /// otherwise, and always when no week before this one is known (nothing to compare with).
    public func judge(_ weeks: [Int], knownWeeks: Int = .max) -> (thisWeek: Int, usual: Double)? {
        guard knownWeeks > 0, let thisWeek = weeks.last, thisWeek >= minimumOrders else { return nil }
        let usual = usual(weeks, knownWeeks: knownWeeks)
        return Double(thisWeek) >= factor * usual + slack ? (thisWeek, usual) : nil
    }
}
