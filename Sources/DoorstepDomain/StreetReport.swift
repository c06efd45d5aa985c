import Foundation

/// A day's or a week's report for the street's leadership (日报 / 周报), counted from the event
/// log — what happened, when it happened — with the 民情气象站's trends as of the period's end
/// and, for a period still running, what is open and overdue now. No I/O: the caller reads
/// the events, the tickets they name and the territory, and hands them in.
public struct StreetReport: Equatable, Sendable {
    public var period: ReportPeriod
    /// The instant the report speaks for (the period's end, or the moment it was made).
    public var asOf: Date
    /// Whether the period was still running when the report was made ("so far").
    public var running: Bool
    /// The street's name, and the community the report is limited to (nil: the whole street).
    public var streetName: String
    public var community: Community?
    public var totals: Tally
    /// Each community's tally, in the territory's order (one row when limited to a community).
    public var byCommunity: [Row]
    /// Each category with orders in the period, most ordered first.
    public var byCategory: [Row]
    /// The tally of each bucket of the period (hours of a day, days of a week).
    public var perBucket: [Tally]
    /// Rated 2 or lower in the period, newest first (the first `listLimit`; `lowRatingCount` in all).
    public var lowRatings: [TicketLine]
    public var lowRatingCount: Int
    /// Sent up (上交) in the period, newest first.
    public var escalations: [TicketLine]
    /// For a period still running: the open tickets past their deadline now, most overdue first
    /// (the first `listLimit`; `overdueCount` in all).
    public var overdueNow: [TicketLine]?
    public var overdueCount: Int
    /// What stands well above its usual level in the seven days up to `asOf` (see `RisingRule`).
    public var rising: [RisingConcern]
    /// The weeks of history the rising concerns were judged on (0: too young to judge), and the rule.
    public var historyWeeks: Int
    public var rule: RisingRule
    /// Community and grid names by code (grids as "name code"), for the rising concerns' places.
    public var placeNames: [String: String]
    public var calls: CallTally
    public var alarms: AlarmTally
    public var work: FieldWork

    /// What a set of orders and their handling came to in the period.
    public struct Tally: Equatable, Sendable {
        /// 点单: orders placed.
        public var ordered = 0
        /// 派单
        public var dispatched = 0
        /// 接单
        public var accepted = 0
        /// 办结
        public var resolved = 0
        /// 评价: ratings given, and their sum.
        public var rated = 0
        public var ratingSum = 0
        /// 上交: sent up to the street.
        public var escalated = 0
        public var cancelled = 0
        /// Minutes from dispatch to accept, summed over the accepts whose dispatch is known.
        public var acceptMinutesSum = 0.0
        public var acceptsTimed = 0

        public init() {}

        /// The mean rating, nil with none.
        public var satisfaction: Double? { rated > 0 ? Double(ratingSum) / Double(rated) : nil }
        /// The mean minutes from dispatch to accept, nil with none.
        public var averageAcceptMinutes: Double? { acceptsTimed > 0 ? acceptMinutesSum / Double(acceptsTimed) : nil }
    }

    /// A community's or a category's line.
    public struct Row: Equatable, Sendable {
        public var code: String
        public var name: String
        /// The category's English name (empty for a community: place names are not translated).
        public var nameEn: String
        public var tally: Tally
    }

    /// One ticket in a list, with why it is listed.
    public struct TicketLine: Equatable, Sendable {
        public var id: String
        public var gridCode: String
        public var gridName: String
        public var categoryCode: String
        public var title: String
        /// When it was listed for: rated, sent up, or (overdue) its deadline.
        public var at: Date
        /// The score (low ratings), or minutes past the deadline (overdue).
        public var figure: Int?
    }

    public struct CallTally: Equatable, Sendable {
        /// 一键直呼: calls placed, answered, declined, passed on along the chain.
        public var placed = 0
        public var answered = 0
        public var declined = 0
        public var escalated = 0
        public init() {}
    }

    public struct AlarmTally: Equatable, Sendable {
        public var raised = 0
        public var acknowledged = 0
        public var escalated = 0
        public init() {}
    }

    public struct FieldWork: Equatable, Sendable {
        /// 六必访: visits to households logged.
        public var visits = 0
        /// Key places visited.
        public var placeVisits = 0
        /// Care services done.
        public var careServices = 0
        /// Departments called in on joint cases (联动), and their answers.
        public var callIns = 0
        public init() {}
    }
}

extension StreetReport {
    /// Everything the report is counted from.
    public struct Inputs: Sendable {
        public var period: ReportPeriod
        public var now: Date
        public var streetName: String
        public var communities: [Community]
        public var grids: [Grid]
        public var categories: [TicketCategory]
        /// The event log's changes made in the period, in order.
        public var events: [ChangeEvent]
        /// The tickets those events name, by id (their category, title and dispatch time).
        public var tickets: [String: Ticket]
        /// The 民情气象站 as of the period's end, if it was counted.
        public var trends: ConcernTrends?
        /// The open tickets and their deadlines now (for a period still running).
        public var openNow: [(ticket: Ticket, dueAt: Date)]?
        /// Limit to one community.
        public var communityCode: String?

        public init(period: ReportPeriod, now: Date, streetName: String, communities: [Community], grids: [Grid], categories: [TicketCategory],
                    events: [ChangeEvent], tickets: [String: Ticket], trends: ConcernTrends?, openNow: [(ticket: Ticket, dueAt: Date)]?,
                    communityCode: String?) {
            self.period = period
            self.now = now
            self.streetName = streetName
            self.communities = communities
            self.grids = grids
            self.categories = categories
            self.events = events
            self.tickets = tickets
            self.trends = trends
            self.openNow = openNow
            self.communityCode = communityCode
        }
    }

    /// Limit of each ticket list.
    public static let listLimit = 20
    /// A rating at or below this is listed (差评).
    public static let lowRating = 2

    public init(_ inputs: Inputs) {
        period = inputs.period
        asOf = inputs.period.asOf(inputs.now)
        running = inputs.period.isRunning(at: inputs.now)
        streetName = inputs.streetName
        let scope = inputs.communityCode
        community = scope.flatMap { code in inputs.communities.first { $0.code == code } }
        let gridsByCode = Dictionary(inputs.grids.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        func communityOf(_ grid: String?) -> String? { grid.flatMap { gridsByCode[$0]?.communityCode } }
        func inScope(_ grid: String?) -> Bool { scope == nil || communityOf(grid) == scope }

        var totals = Tally()
        var communities: [String: Tally] = [:]
        var categories: [String: Tally] = [:]
        var perBucket = Array(repeating: Tally(), count: inputs.period.buckets.count)
        var low: [TicketLine] = []
        var escalations: [TicketLine] = []
        var calls = CallTally()
        var alarms = AlarmTally()
        var work = FieldWork()
        func line(_ ticketID: String, grid: String?, at: Date, figure: Int?) -> TicketLine {
            let ticket = inputs.tickets[ticketID]
            let gridCode = grid ?? ticket?.gridCode ?? ""
            return TicketLine(id: ticketID, gridCode: gridCode, gridName: gridsByCode[gridCode]?.name ?? gridCode,
                              categoryCode: ticket?.categoryCode ?? "", title: ticket?.title ?? "", at: at, figure: figure)
        }
        for event in inputs.events where event.at >= inputs.period.start && event.at < inputs.period.end {
            switch event.change {
            case .ticket(let id, let move):
                let ticket = inputs.tickets[id]
                let grid = event.gridCode ?? ticket?.gridCode
                guard inScope(grid) else { continue }
                var counted = Tally()
                switch move {
                case .ordered:
                    counted.ordered = 1
                case .dispatched: counted.dispatched = 1
                case .accepted:
                    counted.accepted = 1
                    if let dispatched = ticket?.dispatchedAt, dispatched <= event.at {
                        counted.acceptMinutesSum = event.at.timeIntervalSince(dispatched) / 60
                        counted.acceptsTimed = 1
                    }
                case .resolved: counted.resolved = 1
                case .rated(let score):
                    counted.rated = 1
                    counted.ratingSum = score
                    if score <= Self.lowRating { low.append(line(id, grid: grid, at: event.at, figure: score)) }
                case .escalated:
                    counted.escalated = 1
                    escalations.append(line(id, grid: grid, at: event.at, figure: nil))
                case .cancelled: counted.cancelled = 1
                }
                totals.add(counted)
                if let bucket = inputs.period.bucket(of: event.at) { perBucket[bucket].add(counted) }
                if let community = communityOf(grid) { communities[community, default: Tally()].add(counted) }
                if let category = ticket?.categoryCode { categories[category, default: Tally()].add(counted) }
            case .callPlaced:
                if inScope(event.gridCode) { calls.placed += 1 }
            case .callAnswered(_, let accepted, _):
                guard inScope(event.gridCode) else { continue }
                if accepted { calls.answered += 1 } else { calls.declined += 1 }
            case .callEscalated:
                if inScope(event.gridCode) { calls.escalated += 1 }
            case .alarm(_, let grid, let change):
                guard inScope(grid) else { continue }
                switch change {
                case .raised: alarms.raised += 1
                case .acknowledged: alarms.acknowledged += 1
                case .escalated: alarms.escalated += 1
                case .cleared: break
                }
            case .visit:
                if inScope(event.gridCode) { work.visits += 1 }
            case .placeVisit:
                if inScope(event.gridCode) { work.placeVisits += 1 }
            case .careServiceDone:
                if inScope(event.gridCode) { work.careServices += 1 }
            case .callIn:
                if inScope(event.gridCode) { work.callIns += 1 }
            case .initialised, .imported, .duty, .callInAnswered, .carePlan, .fourClears, .revealed, .operatorAdded, .operatorRemoved, .callFailed, .callConfirmed,
                 .keyIssued, .keyRevoked, .handover, .unreadable:
                break
            }
        }
        self.totals = totals
        let shownCommunities = inputs.communities.filter { scope == nil || $0.code == scope }
        byCommunity = shownCommunities.map { Row(code: $0.code, name: $0.name, nameEn: "", tally: communities[$0.code] ?? Tally()) }
        let known = Dictionary(inputs.categories.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        byCategory = categories
            .map { code, tally in Row(code: code, name: known[code]?.nameZh ?? code, nameEn: known[code]?.nameEn ?? code, tally: tally) }
            .sorted { ($0.tally.ordered, $1.code) > ($1.tally.ordered, $0.code) }
        self.perBucket = perBucket
        lowRatingCount = low.count
        lowRatings = Array(low.sorted { ($0.at, $0.id) > ($1.at, $1.id) }.prefix(Self.listLimit))
        self.escalations = Array(escalations.sorted { ($0.at, $0.id) > ($1.at, $1.id) }.prefix(Self.listLimit))
        self.calls = calls
        self.alarms = alarms
        self.work = work
        if running, let open = inputs.openNow {
            let now = inputs.now
            let overdue = open.filter { $0.dueAt < now && inScope($0.ticket.gridCode) }
            overdueCount = overdue.count
            overdueNow = Array(overdue
                .sorted { ($0.dueAt, $0.ticket.id) < ($1.dueAt, $1.ticket.id) }
                .prefix(Self.listLimit)
                .map { item in
                    TicketLine(id: item.ticket.id, gridCode: item.ticket.gridCode, gridName: gridsByCode[item.ticket.gridCode]?.name ?? item.ticket.gridCode,
                               categoryCode: item.ticket.categoryCode, title: item.ticket.title, at: item.dueAt,
                               figure: Int(now.timeIntervalSince(item.dueAt) / 60))
                })
        } else {
            overdueNow = nil
            overdueCount = 0
        }
        rising = (inputs.trends?.rising ?? []).filter { concern in
            switch concern.scope {
            case .street: return scope == nil
            case .community(let code): return scope == nil || code == scope
            case .grid(let code): return inScope(code)
            }
        }
        historyWeeks = inputs.trends?.historyWeeks ?? 0
        rule = inputs.trends?.rule ?? .standard
        placeNames = Dictionary(inputs.communities.map { ($0.code, $0.name) } + inputs.grids.map { ($0.code, "\($0.name) \($0.code)") },
                                uniquingKeysWith: { first, _ in first })
    }

    /// Where a rising concern is: the street, a community or a grid, by name.
    public func placeName(_ scope: RisingConcern.Scope) -> String {
        switch scope {
        case .street: return streetName
        case .community(let code), .grid(let code): return placeNames[code] ?? code
        }
    }
}

extension StreetReport.Tally {
    mutating func add(_ other: Self) {
        ordered += other.ordered
        dispatched += other.dispatched
        accepted += other.accepted
        resolved += other.resolved
        rated += other.rated
        ratingSum += other.ratingSum
        escalated += other.escalated
        cancelled += other.cancelled
        acceptMinutesSum += other.acceptMinutesSum
        acceptsTimed += other.acceptsTimed
    }
}
