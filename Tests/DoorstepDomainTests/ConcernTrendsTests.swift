import Foundation
import Testing
@testable import DoorstepDomain

@Suite("民情气象站: trends and rising concerns")
struct ConcernTrendsTests {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        return calendar
    }()
    /// 2026-12-02 15:00 in Shanghai.
    static let now = Date(timeIntervalSince1970: 1_796_194_800)
    static let communities = ["JB03": "JB", "JB04": "JB", "BG01": "BG"]

    static func orders(_ count: Int, _ category: String, _ grid: String, daysAgo: Double, rating: Int? = nil) -> [OrderFacts] {
        (0..<count).map { _ in OrderFacts(gridCode: grid, categoryCode: category, createdAt: now.addingTimeInterval(-daysAgo * 86_400), rating: rating) }
    }

    @Test("the rule: at least four, and at least twice the usual level and one more")
    func rule() {
        let rule = RisingRule.standard
        #expect(rule.judge([0, 0, 0, 0, 0, 0, 0, 4])?.thisWeek == 4)
        #expect(rule.judge([0, 0, 0, 0, 0, 0, 0, 3]) == nil)
        #expect(rule.judge([9, 9, 9, 2, 2, 2, 2, 5])?.usual == 2)  // the four weeks before count, not older ones
        #expect(rule.judge([0, 0, 0, 2, 2, 2, 2, 4]) == nil)
        #expect(rule.judge([0, 0, 0, 4, 4, 4, 4, 8]) == nil)
        #expect(rule.judge([0, 0, 0, 4, 4, 4, 4, 9]) != nil)
        #expect(rule.usual([1, 2]) == 1)
    }

    @Test("物业纠纷 in JB03: 9 this week where it is usually 2 is rising, with its numbers; the community and the street say so too")
    func risingWithNumbers() throws {
        var orders = Self.orders(9, "mediation", "JB03", daysAgo: 2)
        for week in 1...4 { orders += Self.orders(2, "mediation", "JB03", daysAgo: Double(week * 7) + 1) }
        // a steady concern elsewhere: 3 a week, every week
        for week in 0...7 { orders += Self.orders(3, "convenience", "BG01", daysAgo: Double(week * 7) + 3) }
        let trends = ConcernTrends(orders: orders, communityOfGrid: Self.communities, now: Self.now, calendar: Self.calendar)
        let first = try #require(trends.rising.first)
        #expect(first.categoryCode == "mediation" && first.thisWeek == 9 && first.usual == 2)
        // JB03's mediation explains the whole rise: the community's, the street's and JB03's
        // orders altogether (the same nine) are not listed again
        #expect(trends.rising == [RisingConcern(categoryCode: "mediation", scope: .grid("JB03"), thisWeek: 9, usual: 2)])
        #expect(!trends.rising.contains { $0.categoryCode == "convenience" })
        #expect(trends.risingGrids == ["JB03"])
        #expect(trends.weeklyByCategory["convenience"] == Array(repeating: 3, count: 8))
        #expect(trends.weeklyByCommunity["JB"]?.last == 9)
    }

    @Test("a rise spread over two grids is the community's: listed for the community, and for each grid that rises on its own")
    func spread() {
        var orders = Self.orders(5, "mediation", "JB03", daysAgo: 2) + Self.orders(4, "mediation", "JB04", daysAgo: 2)
        for week in 1...4 { orders += Self.orders(1, "mediation", "JB03", daysAgo: Double(week * 7) + 1) }
        let trends = ConcernTrends(orders: orders, communityOfGrid: Self.communities, now: Self.now, calendar: Self.calendar)
        #expect(trends.rising.first == RisingConcern(categoryCode: "mediation", scope: .community("JB"), thisWeek: 9, usual: 1))
        #expect(trends.rising.contains(RisingConcern(categoryCode: "mediation", scope: .grid("JB03"), thisWeek: 5, usual: 1)))
        #expect(trends.rising.contains(RisingConcern(categoryCode: "mediation", scope: .grid("JB04"), thisWeek: 4, usual: 0)))
        #expect(!trends.rising.contains { $0.scope == .street })  // the community's nine are the street's nine
        #expect(trends.risingGrids == ["JB03", "JB04"])
    }

    @Test("weeks before the first order are unknown, not quiet: with none known nothing rises; with one, it alone is the usual level")
    func history() {
        let onlyThisWeek = ConcernTrends(orders: Self.orders(9, "mediation", "JB03", daysAgo: 1), communityOfGrid: Self.communities, now: Self.now, calendar: Self.calendar)
        #expect(onlyThisWeek.historyWeeks == 0)
        #expect(onlyThisWeek.rising.isEmpty)
        let oneWeekBefore = ConcernTrends(orders: Self.orders(9, "mediation", "JB03", daysAgo: 1) + Self.orders(2, "mediation", "JB03", daysAgo: 9),
                                          communityOfGrid: Self.communities, now: Self.now, calendar: Self.calendar)
        #expect(oneWeekBefore.historyWeeks == 1)
        #expect(oneWeekBefore.rising.first?.usual == 2)  // not 2 / 4: the three weeks before that are unknown
        #expect(oneWeekBefore.rising.first?.thisWeek == 9)
    }

    @Test("days are local calendar days and the last is today so far; weeks are the seven days up to now and the spans before")
    func daysAndWeeks() {
        // 15:00 today, 00:30 today, 23:30 yesterday (local), exactly seven days ago, and 57 days ago (too old)
        let orders = [0.0, 14.5 / 24, 15.5 / 24, 7, 57].map { OrderFacts(gridCode: "JB03", categoryCode: "care", createdAt: Self.now.addingTimeInterval(-$0 * 86_400)) }
        let trends = ConcernTrends(orders: orders, communityOfGrid: Self.communities, now: Self.now, calendar: Self.calendar)
        #expect(trends.daily.count == ConcernTrends.days && trends.weekly.count == ConcernTrends.weeks)
        #expect(trends.daily.last == 2)
        #expect(trends.daily[ConcernTrends.days - 2] == 1)
        #expect(trends.daily[ConcernTrends.days - 8] == 1)
        #expect(trends.weekly.last == 3)
        #expect(trends.weekly[ConcernTrends.weeks - 2] == 1)  // seven days ago to the second: last week
        #expect(trends.weekly.reduce(0, +) == 4)
        #expect(trends.dailyByCategory["care"]?.reduce(0, +) == 4)
    }

    @Test("a daylight-saving day is one calendar day (23 hours in New York in March)")
    func daylightSaving() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York") ?? .gmt
        let now = Date(timeIntervalSince1970: 1_773_021_600)  // 2026-03-09 02:00 UTC = 2026-03-08 22:00 EDT (the 23-hour day)
        let orders = [20.5, 21.5].map { OrderFacts(gridCode: "JB03", categoryCode: "care", createdAt: now.addingTimeInterval(-$0 * 3_600)) }
        let trends = ConcernTrends(orders: orders, communityOfGrid: [:], now: now, calendar: calendar)
        // 00:30 EST on the 8th is today; 23:30 EST on the 7th, 21.5 hours before 22:00 EDT, is yesterday
        #expect(trends.daily.last == 1)
        #expect(trends.daily[ConcernTrends.days - 2] == 1)
    }

    @Test("satisfaction and time to accept, week by week; a week without any says so (nil)")
    func servedWell() {
        let dispatched = Self.now.addingTimeInterval(-2 * 86_400)
        var orders = [
            OrderFacts(gridCode: "JB03", categoryCode: "care", createdAt: dispatched, dispatchedAt: dispatched, acceptedAt: dispatched.addingTimeInterval(600), rating: 5),
            OrderFacts(gridCode: "JB04", categoryCode: "care", createdAt: dispatched, dispatchedAt: dispatched, acceptedAt: dispatched.addingTimeInterval(1_800), rating: 4),
        ]
        orders += Self.orders(1, "care", "JB03", daysAgo: 10, rating: 3)
        let trends = ConcernTrends(orders: orders, communityOfGrid: Self.communities, now: Self.now, calendar: Self.calendar)
        #expect(trends.satisfaction.last == 4.5)
        #expect(trends.acceptMinutes.last == 20)
        #expect(trends.satisfaction[ConcernTrends.weeks - 2] == 3)
        #expect(trends.acceptMinutes[ConcernTrends.weeks - 2] == nil)
        #expect(trends.satisfaction[0] == nil)
    }
}
