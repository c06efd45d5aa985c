import DoorstepCanvas
import DoorstepDomain
import DoorstepScreen
import Foundation

/// A report in one language's words, as titled tables and lines: what its Markdown, CSV and
/// HTML forms are made from, so the three say the same. Stored text (titles, names) is
/// cleaned of control and escape characters here, once.
struct ReportSheet {
    struct Table {
        var headers: [String]
        var rows: [[String]]
        /// The columns that hold figures (set right, as figures are).
        var numeric: Set<Int> = []
    }

    struct List {
        var title: String
        var table: Table
        /// How many more there were than the list shows.
        var more: Int
    }

    var words: ReportStrings
    var title: String
    /// The period still running ("so far, as of …"), or nil.
    var soFar: String?
    var madeAt: String
    var headline: [(label: String, value: String)]
    var seriesTitle: String
    /// What a bucket is called: an hour or a day.
    var bucketName: String
    /// Each bucket's label and its orders.
    var series: [(label: String, orders: Int)]
    /// Tallies by community and by category (the category table is empty with no orders).
    var communities: Table
    var categories: Table
    /// Each community's and category's name and orders, in the tables' order (for charts and the CSV).
    var communityOrders: [(label: String, orders: Int)]
    var categoryOrders: [(label: String, orders: Int)]
    /// Rising concerns as lines, or the sentence saying there are none (or too little history).
    var rising: [String]
    var risingNote: String?
    var rule: String
    var lists: [List]

    init(_ report: StreetReport, language: Language, calendar: Calendar, madeAt: Date) {
        let words = ReportStrings.of(language)
        self.words = words
        let clean = Sanitizer.clean
        let day = DayFormat(calendar: calendar, words: words)
        let span: String
        switch report.period.kind {
        case .daily:
            span = day.dateAndWeekday(report.period.start)
        case .weekly:
            let last = report.period.buckets.last ?? report.period.start
            span = day.dateAndWeekday(report.period.start) + words.spanTo + day.dateAndWeekday(last)
        }
        let kind = report.period.kind == .daily ? words.daily : words.weekly
        title = words.title(clean(report.streetName), report.community.map { clean($0.name) }, kind, span)
        soFar = report.running ? words.soFar(day.time(report.asOf)) : nil
        self.madeAt = words.madeAt(day.dateTime(madeAt))

        let totals = report.totals
        func number(_ value: Int) -> String { String(value) }
        func rating(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "—" }
        func minutes(_ value: Double?) -> String { value.map { words.minutes(Int($0.rounded())) } ?? "—" }
        headline = [
            (words.ordered, number(totals.ordered)), (words.dispatched, number(totals.dispatched)), (words.accepted, number(totals.accepted)),
            (words.resolved, number(totals.resolved)), (words.rated, number(totals.rated)), (words.satisfaction, rating(totals.satisfaction)),
            (words.acceptMinutes, minutes(totals.averageAcceptMinutes)), (words.escalated, number(totals.escalated)),
            (words.cancelled, number(totals.cancelled)),
            (words.callsPlaced, number(report.calls.placed)), (words.callsAnswered, number(report.calls.answered)),
            (words.callsDeclined, number(report.calls.declined)), (words.callsEscalated, number(report.calls.escalated)),
            (words.alarmsRaised, number(report.alarms.raised)), (words.alarmsAcknowledged, number(report.alarms.acknowledged)),
            (words.alarmsEscalated, number(report.alarms.escalated)),
            (words.visits, number(report.work.visits)), (words.placeVisits, number(report.work.placeVisits)),
            (words.careServices, number(report.work.careServices)), (words.callIns, number(report.work.callIns)),
        ]

        switch report.period.kind {
        case .daily:
            seriesTitle = words.seriesDaily
            bucketName = words.hourColumn
            series = zip(report.period.buckets, report.perBucket.map(\.ordered)).map { (words.hour(calendar.component(.hour, from: $0.0)), $0.1) }
        case .weekly:
            seriesTitle = words.seriesWeekly
            bucketName = words.dayColumn
            series = zip(report.period.buckets, report.perBucket.map(\.ordered)).map { (day.monthDayAndWeekday($0.0), $0.1) }
        }

        let tallyHeaders = [words.ordered, words.resolved, words.rated, words.satisfaction, words.acceptMinutes, words.escalated]
        func tallyCells(_ tally: StreetReport.Tally) -> [String] {
            [number(tally.ordered), number(tally.resolved), number(tally.rated), rating(tally.satisfaction),
             minutes(tally.averageAcceptMinutes), number(tally.escalated)]
        }
        let figures = Set(1...tallyHeaders.count)
        communities = Table(headers: [words.community] + tallyHeaders,
                            rows: report.byCommunity.map { [clean($0.name)] + tallyCells($0.tally) } + [[words.total] + tallyCells(totals)],
                            numeric: figures)
        let categoryName: (StreetReport.Row) -> String = { language == .zh ? clean($0.name) : clean($0.nameEn) }
        categories = Table(headers: [words.category] + tallyHeaders, rows: report.byCategory.map { [categoryName($0)] + tallyCells($0.tally) },
                           numeric: figures)
        communityOrders = report.byCommunity.map { (clean($0.name), $0.tally.ordered) }
        categoryOrders = report.byCategory.map { (categoryName($0), $0.tally.ordered) }

        let categoryNames = Dictionary(report.byCategory.map { ($0.code, categoryName($0)) }, uniquingKeysWith: { first, _ in first })
        rule = words.rule(report.rule)
        if report.historyWeeks == 0 {
            rising = []
            risingNote = words.tooLittleHistory
        } else if report.rising.isEmpty {
            rising = []
            risingNote = words.nothingRising
        } else {
            rising = report.rising.map { concern in
                let what = concern.categoryCode.map { categoryNames[$0] ?? clean($0) } ?? words.allOrders
                return "\(what) · \(clean(report.placeName(concern.scope))) · \(words.risingNumbers(concern.thisWeek, Formatting.wholeOrOneDecimal(concern.usual)))"
            }
            risingNote = nil
        }

        func ticketCells(_ line: StreetReport.TicketLine) -> [String] {
            [line.id, "\(clean(line.gridName)) \(line.gridCode)", categoryNames[line.categoryCode] ?? clean(line.categoryCode), clean(line.title)]
        }
        let ticketHeaders = [words.ticket, words.grid, words.category, words.titleColumn]
        var lists: [List] = []
        if let overdue = report.overdueNow {
            lists.append(List(
                title: words.overdueTitle,
                table: Table(headers: ticketHeaders + [words.due, words.overdueBy],
                             rows: overdue.map { ticketCells($0) + [day.dateTime($0.at), words.minutes($0.figure ?? 0)] }, numeric: [5]),
                more: report.overdueCount - overdue.count))
        }
        lists.append(List(
            title: words.lowRatingsTitle,
            table: Table(headers: ticketHeaders + [words.score, words.at], rows: report.lowRatings.map { ticketCells($0) + [number($0.figure ?? 0), day.dateTime($0.at)] }, numeric: [4]),
            more: report.lowRatingCount - report.lowRatings.count))
        lists.append(List(
            title: words.escalationsTitle,
            table: Table(headers: ticketHeaders + [words.at], rows: report.escalations.map { ticketCells($0) + [day.dateTime($0.at)] }),
            more: report.totals.escalated - report.escalations.count))
        self.lists = lists
    }
}

/// Dates and times in the report's calendar and words.
struct DayFormat {
    let calendar: Calendar
    let words: ReportStrings

    func dateAndWeekday(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        return String(format: "%04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0) + weekday(parts.weekday)
    }

    func monthDayAndWeekday(_ date: Date) -> String {
        let parts = calendar.dateComponents([.month, .day, .weekday], from: date)
        return String(format: "%02d-%02d ", parts.month ?? 0, parts.day ?? 0) + weekday(parts.weekday)
    }

    func time(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    func dateTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    private func weekday(_ number: Int?) -> String {
        guard let number, (1...7).contains(number) else { return "" }
        return words.weekdays[number - 1]
    }
}
