import DoorstepDomain
import Foundation
import Testing

@Suite("Street reports: the period, and what the event log counts to")
struct StreetReportTests {
    static func calendar(_ zone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? .gmt
        return calendar
    }

    static func instant(_ text: String, _ calendar: Calendar) -> Date {
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text) ?? .distantPast
    }

    @Test("a day is its 24 hours; a week runs Monday to Sunday, across a year's end")
    func periods() {
        let shanghai = Self.calendar("Asia/Shanghai")
        let day = ReportPeriod(.daily, containing: Self.instant("2026-12-31 23:59", shanghai), calendar: shanghai)
        #expect(day.start == Self.instant("2026-12-31 00:00", shanghai))
        #expect(day.end == Self.instant("2027-01-01 00:00", shanghai))
        #expect(day.buckets.count == 24)
        #expect(day.bucket(of: Self.instant("2026-12-31 13:30", shanghai)) == 13)
        #expect(day.bucket(of: Self.instant("2027-01-01 00:00", shanghai)) == nil)
        // Thursday 2026-12-31: the week from Monday the 28th to Sunday 2027-01-03
        let week = ReportPeriod(.weekly, containing: Self.instant("2026-12-31 10:00", shanghai), calendar: shanghai)
        #expect(week.start == Self.instant("2026-12-28 00:00", shanghai))
        #expect(week.end == Self.instant("2027-01-04 00:00", shanghai))
        #expect(week.bucket(of: Self.instant("2027-01-03 23:59", shanghai)) == 6)
        // a Sunday belongs to the week that began the Monday before; a Monday starts one
        #expect(ReportPeriod(.weekly, containing: Self.instant("2027-01-03 08:00", shanghai), calendar: shanghai).start == week.start)
        #expect(ReportPeriod(.weekly, containing: Self.instant("2027-01-04 08:00", shanghai), calendar: shanghai).start == week.end)
        // so far: the report of a running period speaks for now; a past one for its end
        let now = Self.instant("2026-12-31 15:00", shanghai)
        #expect(day.asOf(now) == now && day.isRunning(at: now))
        #expect(day.asOf(Self.instant("2027-01-02 09:00", shanghai)) == day.end)
    }

    @Test("a day with a daylight-saving change has 23 hours, and the week around it 7 whole days")
    func daylightSaving() {
        let newYork = Self.calendar("America/New_York")
        let day = ReportPeriod(.daily, containing: Self.instant("2027-03-14 12:00", newYork), calendar: newYork)
        #expect(day.end.timeIntervalSince(day.start) == 23 * 3600)
        #expect(day.buckets.count == 23)
        let week = ReportPeriod(.weekly, containing: Self.instant("2027-03-14 12:00", newYork), calendar: newYork)
        #expect(week.buckets.count == 7)
        #expect(week.buckets.allSatisfy { newYork.component(.hour, from: $0) == 0 })
        #expect(week.start == Self.instant("2027-03-08 00:00", newYork))
    }

    static let t0 = Date(timeIntervalSince1970: 1_796_000_000)  // a Tuesday in 2026, UTC

    static func ticket(_ id: String, grid: String, category: String, title: String, dispatchedAt: Date? = nil) -> Ticket {
        Ticket(id: id, gridCode: grid, categoryCode: category, source: .resident, priority: .normal, state: .ordered, title: title,
               residentName: "张三", residentPhone: "13800000000", createdAt: t0, stateSince: t0, dispatchedAt: dispatchedAt)
    }

    static func inputs(events: [ChangeEvent], now: Date, community: String? = nil, openNow: [(ticket: Ticket, dueAt: Date)]? = nil) -> StreetReport.Inputs {
        let utc = calendar("UTC")
        let tickets = [
            ticket("T1", grid: "JB01", category: "dispute", title: "装修扰民", dispatchedAt: t0.addingTimeInterval(600)),
            ticket("T2", grid: "BG01", category: "hazard", title: "燃气异味"),
            ticket("T3", grid: "JB01", category: "dispute", title: "楼上漏水"),
        ]
        return StreetReport.Inputs(
            period: ReportPeriod(.daily, containing: t0, calendar: utc), now: now, streetName: "临江街道",
            communities: [Community(code: "JB", name: "江滨社区"), Community(code: "BG", name: "北固社区")],
            grids: [Grid(code: "JB01", name: "江滨一网格", communityCode: "JB"), Grid(code: "BG01", name: "北固一网格", communityCode: "BG")],
            categories: [TicketCategory(code: "dispute", nameZh: "矛盾调解", nameEn: "Disputes", dispatchMinutes: 30, acceptMinutes: 30, resolveMinutes: 600),
                         TicketCategory(code: "hazard", nameZh: "安全隐患", nameEn: "Hazards", dispatchMinutes: 10, acceptMinutes: 10, resolveMinutes: 120)],
            events: events, tickets: Dictionary(uniqueKeysWithValues: tickets.map { ($0.id, $0) }), trends: nil, openNow: openNow,
            communityCode: community)
    }

    static var day: [ChangeEvent] {
        var sequence: Int64 = 0
        func event(_ seconds: TimeInterval, _ change: Change, grid: String?) -> ChangeEvent {
            sequence += 1
            return ChangeEvent(sequence: sequence, at: t0.addingTimeInterval(seconds), actor: "ops", change: change, gridCode: grid)
        }
        return [
            event(0, .ticket(id: "T1", .ordered(title: "装修扰民")), grid: "JB01"),
            event(60, .ticket(id: "T2", .ordered(title: "燃气异味")), grid: "BG01"),
            event(600, .ticket(id: "T1", .dispatched(gridCode: "JB01", assigneeID: nil)), grid: "JB01"),
            event(1800, .ticket(id: "T1", .accepted(staffID: "S1")), grid: "JB01"),
            event(3600, .ticket(id: "T1", .resolved(note: "已协调")), grid: "JB01"),
            event(3700, .ticket(id: "T1", .rated(score: 2)), grid: "JB01"),
            event(3800, .ticket(id: "T2", .escalated), grid: "BG01"),
            event(3900, .callPlaced(callID: "C1", staffID: "S1"), grid: "JB01"),
            event(3950, .callAnswered(callID: "C1", accepted: true), grid: "JB01"),
            event(4000, .visit(visitID: "V1", householdID: "H1"), grid: "BG01"),
            event(4100, .alarm(id: "A1", gridCode: "BG01", .raised(reasons: ["overdue"])), grid: "BG01"),
            // the next day: not counted
            event(90_000, .ticket(id: "T3", .ordered(title: "楼上漏水")), grid: "JB01"),
        ]
    }

    @Test("orders, their handling, calls, alarms and visits are counted in the day, by community and category")
    func counts() {
        let report = StreetReport(Self.inputs(events: Self.day, now: Self.t0.addingTimeInterval(7 * 86_400)))
        #expect(!report.running)
        #expect(report.totals.ordered == 2)
        #expect(report.totals.dispatched == 1 && report.totals.accepted == 1 && report.totals.resolved == 1)
        #expect(report.totals.rated == 1 && report.totals.satisfaction == 2)
        // accepted 20 minutes after its dispatch
        #expect(report.totals.averageAcceptMinutes == 20)
        #expect(report.totals.escalated == 1)
        #expect(report.byCommunity.map(\.code) == ["JB", "BG"])
        #expect(report.byCommunity.map(\.tally.ordered) == [1, 1])
        #expect(report.byCategory.map(\.code).sorted() == ["dispute", "hazard"])
        #expect(report.calls.placed == 1 && report.calls.answered == 1)
        #expect(report.alarms.raised == 1 && report.work.visits == 1)
        #expect(report.lowRatings.map(\.id) == ["T1"] && report.lowRatings.first?.figure == 2 && report.lowRatings.first?.title == "装修扰民")
        #expect(report.escalations.map(\.id) == ["T2"] && report.escalations.first?.gridName == "北固一网格")
        // the orders by hour: both in the day's first hour
        #expect(report.perBucket.map(\.ordered).reduce(0, +) == 2)
        #expect(report.perBucket[report.period.bucket(of: Self.t0) ?? 0].ordered == 2)
        // a past day lists nothing as overdue now
        #expect(report.overdueNow == nil)
    }

    @Test("limited to a community, only its grids' events count, and its row alone is shown")
    func oneCommunity() {
        let report = StreetReport(Self.inputs(events: Self.day, now: Self.t0.addingTimeInterval(7 * 86_400), community: "BG"))
        #expect(report.community?.name == "北固社区")
        #expect(report.totals.ordered == 1 && report.totals.escalated == 1 && report.totals.resolved == 0)
        #expect(report.byCommunity.map(\.code) == ["BG"])
        #expect(report.lowRatings.isEmpty && report.calls.placed == 0 && report.work.visits == 1 && report.alarms.raised == 1)
    }

    @Test("a day still running lists the tickets overdue now, most overdue first, and says how many")
    func overdueNow() {
        let now = Self.t0.addingTimeInterval(5 * 3600)
        let open = [
            (ticket: Self.ticket("T2", grid: "BG01", category: "hazard", title: "燃气异味"), dueAt: now.addingTimeInterval(-600)),
            (ticket: Self.ticket("T3", grid: "JB01", category: "dispute", title: "楼上漏水"), dueAt: now.addingTimeInterval(-3600)),
            (ticket: Self.ticket("T4", grid: "JB01", category: "dispute", title: "未到期"), dueAt: now.addingTimeInterval(600)),
        ]
        let report = StreetReport(Self.inputs(events: Self.day, now: now, openNow: open))
        #expect(report.running && report.asOf == now)
        #expect(report.overdueNow?.map(\.id) == ["T3", "T2"])
        #expect(report.overdueNow?.map(\.figure) == [60, 10])
        #expect(report.overdueCount == 2)
        // (events after now cannot be in a running day's log; those before now all count)
        #expect(report.totals.ordered == 2)
    }
}
