import DoorstepDomain
import DoorstepReports
import DoorstepScreen
import DoorstepStore
import Foundation

/// `doorstep report daily|weekly`: the street's 日报 and 周报, counted from the event log.
extension CommandLineEnd {
    /// The most events a report reads (a week of a busy city is some hundreds of thousands).
    static let reportEventLimit = 2_000_000

    /// The report of the day or week holding `date` (YYYY-MM-DD in the local calendar; default
    /// today), for the street or one community, in `format`.
    public func report(_ kind: ReportPeriod.Kind, date: String?, community: String?, format: ReportFormat, language: Language,
                       calendar: Calendar = .local) throws -> Data {
        let now = clock.now()
        let day = try date.map { try Self.parseDay($0, calendar: calendar) } ?? now
        let period = ReportPeriod(kind, containing: day, calendar: calendar)
        guard period.start <= now else {
            throw Failure("--date \(date ?? ""): that \(kind == .daily ? "day" : "week") has not begun yet", exitCode: ExitStatus.usage)
        }
        let asOf = period.asOf(now)
        let store = try open(readOnly: true)
        let data = try storeCall { try store.loadAll(at: now) }
        if let community, !data.communities.contains(where: { $0.code == community }) {
            let known = data.communities.map(\.code).joined(separator: ", ")
            throw Failure("--community: no community '\(community)' (known: \(known))", exitCode: ExitStatus.usage)
        }
        let events = try storeCall { try store.events(from: period.start, to: period.end, limit: Self.reportEventLimit) }
        guard events.count < Self.reportEventLimit else {
            throw Failure("the \(kind.rawValue) report would read more than \(Self.reportEventLimit) events; report a shorter period", exitCode: ExitStatus.refused)
        }
        var ids = Set<String>()
        for event in events { if case .ticket(let id, _) = event.change { ids.insert(id) } }
        let tickets = try storeCall { try store.tickets(ids: Array(ids)) }
        let orders = try storeCall { try store.orders(createdSince: ConcernTrends.horizon(before: asOf)) }.filter { $0.createdAt < asOf }
        let trends = ConcernTrends(
            orders: orders, communityOfGrid: Dictionary(data.grids.map { ($0.code, $0.communityCode) }, uniquingKeysWith: { first, _ in first }),
            now: asOf, calendar: calendar)
        let overview = Overview(data: data, now: now, calendar: calendar)
        let open = overview.openTickets.compactMap { open in open.dueAt.map { (ticket: open.ticket, dueAt: $0) } }
        let report = StreetReport(StreetReport.Inputs(
            period: period, now: now, streetName: data.headingName, communities: data.communities, grids: data.grids, categories: data.categories,
            events: events, tickets: Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }), trends: trends,
            openNow: open, communityCode: community))
        return try format.render(report, language: language, calendar: calendar, madeAt: now)
    }

    /// A local calendar day from `YYYY-MM-DD`.
    static func parseDay(_ text: String, calendar: Calendar) throws -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2], (1...12).contains(month), (1...31).contains(day),
              let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)),
              calendar.component(.day, from: date) == day
        else {
            throw Failure("--date: '\(text)' is not a day such as 2026-12-02", exitCode: ExitStatus.usage)
        }
        return date
    }
}
