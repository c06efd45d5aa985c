import Foundation

/// The read model the wall draws: every grid's assessment, the open tickets by urgency and
/// the headline figures, all derived from a street's data at one instant. Immutable, so a
/// screen can hold it while the next one is built.
public struct Overview: Sendable {
    /// One grid as its tile shows it.
    public struct GridSummary: Hashable, Sendable, Identifiable {
        public var grid: Grid
        public var assessment: GridAssessment
        public var openTickets: Int
        /// Staff of the grid who are working / all staff of the grid.
        public var working: Int
        public var staffCount: Int
        public var id: String { grid.code }

        /// Tickets past their deadline in this grid.
        public var overdue: Int {
            for reason in assessment.reasons { if case .overdueTickets(let n) = reason { return n } }
            return 0
        }
    }

    /// One open ticket with its deadline. A class with constant fields, so the read model's
    /// list of tens of thousands is copied with one reference count per ticket.
    public final class OpenTicket: Sendable, Identifiable {
        public let ticket: Ticket
        public let gridName: String
        public let category: TicketCategory?
        public let dueAt: Date?
        public var id: String { ticket.id }

        /// The deadline in seconds (infinity for none) and the creation time, for sorting.
        let dueKey: Double
        let createdKey: Double

        public init(ticket: Ticket, gridName: String, category: TicketCategory?, dueAt: Date?) {
            self.ticket = ticket
            self.gridName = gridName
            self.category = category
            self.dueAt = dueAt
            self.dueKey = dueAt?.timeIntervalSinceReferenceDate ?? .infinity
            self.createdKey = ticket.createdAt.timeIntervalSinceReferenceDate
        }

        /// Most urgent first: by deadline, those without a running clock last; ties by
        /// priority, then age.
        public static func isMoreUrgent(_ a: OpenTicket, than b: OpenTicket) -> Bool {
            if a.dueKey != b.dueKey { return a.dueKey < b.dueKey }
            if a.ticket.priority != b.ticket.priority { return a.ticket.priority > b.ticket.priority }
            if a.createdKey != b.createdKey { return a.createdKey < b.createdKey }
            return a.ticket.id < b.ticket.id
        }

        /// Seconds until the deadline (negative once overdue), or nil when no clock runs.
        public func secondsLeft(at now: Date) -> TimeInterval? { dueAt.map { $0.timeIntervalSince(now) } }
    }

    /// The headline counts.
    public struct Figures: Hashable, Sendable {
        public var grids = 0
        public var alarm = 0
        public var attention = 0
        public var openTickets = 0
        public var overdue = 0
        public var resolvedToday = 0
        public var staffWorking = 0
        public var staffTotal = 0
        public var mustVisitDue = 0
        public var mustVisitDone = 0
        /// Mean minutes from dispatch to accept, over tickets accepted in the last 24 hours.
        public var averageAcceptMinutes: Double?
        /// Mean rating (1–5) over tickets rated in the last 30 days, and how many.
        public var satisfaction: Double?
        public var ratings = 0
        public var escalated = 0
        /// Parties called in on tickets and still pending, and how many of them are late.
        public var callInsPending = 0
        public var callInsLate = 0
        /// Services of running care plans missed now.
        public var careMissed = 0
        /// 四清: clear households, and all households.
        public var clearHouseholds = 0
        public var households = 0
    }

    /// The territory and how its parts find each other (streets, communities, grids, categories).
    public let territory: TerritoryIndex
    public var centre: Centre { territory.centre }
    /// The streets under a district or city centre (empty for one street).
    public var streets: [Street] { territory.streets }
    public var communities: [Community] { territory.communities }
    /// Per community (same order): the indices of its grids in `grids`.
    public var gridsOfCommunity: [[Int]] { territory.gridsOfCommunity }
    /// Where a grid stands in `grids`, by its code: the territory's index, checked (a list made
    /// some other way is searched; a code the territory does not know is nowhere).
    public func index(ofGrid code: String) -> Int? {
        guard let index = territory.grid(code) else { return nil }
        if grids.indices.contains(index), grids[index].grid.code == code { return index }
        return grids.firstIndex { $0.grid.code == code }
    }
    /// A grid's summary, by its code.
    public func summary(ofGrid code: String) -> GridSummary? { index(ofGrid: code).map { grids[$0] } }
    /// A grid's community's code, by the grid's code.
    public func communityOfGrid(_ code: String) -> String? { territory.grid(code).map { territory.grids[$0].communityCode } }
    /// Per street (same order): the indices of its communities.
    public var communitiesOfStreet: [[Int]] { territory.communitiesOfStreet }
    /// The streets' districts, in the order their first street comes, and each one's streets.
    public var districts: [String] { territory.districts }
    public var streetsOfDistrict: [[Int]] { territory.streetsOfDistrict }
    /// Each grid's buildings and hazards, for the drill-down.
    public var buildingsByGrid: [String: [Building]] { territory.buildingsByGrid }
    public var hazardsByGrid: [String: [Hazard]] { territory.hazardsByGrid }
    /// A micro-grid by code.
    public func microGrid(_ code: String) -> MicroGrid? { territory.microGrids[code] }
    /// The Party-and-people service network's places.
    public var serviceNetwork: ServiceNetwork { territory.serviceNetwork }
    /// The Party chain (empty when the data set has none).
    public var party: PartyIndex { territory.party }
    /// The ticket categories (for labels and column widths).
    public var categories: [TicketCategory] { territory.categoryList }

    /// Grid summaries in data-set order (grouped by community).
    public var grids: ChunkedArray<GridSummary>
    /// The grids whose alarm is out of step with their judgement: in alarm with no standing
    /// alarm, or with one standing though out of alarm (the alarm desk's work; mostly none).
    public var alarmsOutOfStep: Set<String>
    /// Per community and per street (same orders as theirs): what their grids add up to.
    public var communityTallies: [StatusTally]
    public var streetTallies: [StatusTally]
    /// Open tickets, most urgent first: overdue (most overdue first), then by deadline,
    /// then those with no running clock; ties by priority, then age.
    public var openTickets: ChunkedArray<OpenTicket>
    /// Everyone: by grid, of no grid, and where each is.
    public var roster: StaffRoster
    /// Staff by grid code, in data-set order.
    public var staffByGrid: StaffByGrid { roster.byGrid }
    /// People who belong to no grid (dispatchers, operators, street staff).
    public var staffWithoutGrid: [Staff] { roster.withoutGrid }
    /// Where each person is: their grid code, "" for none.
    public var staffLocation: [String: String] { roster.location }
    /// Each grid's households due a must-visit, and must-visits by household, newest first.
    public var mustVisitByGrid: [String: [Household]]
    public var visitsByHousehold: [String: [Visit]]
    /// The start of the calendar month the overview falls in.
    public var monthStart: Date
    public var figures: Figures
    /// A call with its state as of the overview's instant (ringing may have become missed).
    public struct CallSummary: Hashable, Sendable, Identifiable {
        public var call: Call
        public var state: Call.State
        public var id: String { call.id }
    }

    /// Calls, newest first.
    public var calls: [CallSummary]
    /// 民情气象站: orders over days and weeks and what is rising (the engine counts them every
    /// few minutes; nil until it first has).
    public var trends: ConcernTrends?
    /// 交接班: each desk's latest handover, by desk (`street`, a community's or a grid's code).
    public var handovers: [String: Handover] = [:]
    /// The parties called in on tickets.
    public var joint: JointLedger
    /// The care plans (个性化服务方案) and their services.
    public var care: CareLedger
    /// 重点场所 by grid, with their visits.
    public var places: KeyPlaceLedger
    /// The grids' alarms: standing ones, and those closed in the last hours.
    public var alarms: AlarmLedger
    /// Each grid's 四清 completeness.
    let clears: FourClearsLedger
    /// A grid's clear households and all its households at the overview's instant.
    public func fourClears(ofGrid code: String) -> (clear: Int, total: Int) {
        territory.grid(code).map { clears.completeness($0, at: asOf) } ?? (0, 0)
    }
    /// The departments and outside parties that can be called in.
    public var departments: [String: Department] { territory.departments }
    public var responders: [Responder] { territory.responders }
    public func responder(_ id: String) -> Responder? { territory.responder(id) }
    /// Each department's pace this past week, slowest first.
    public func departmentPace() -> [DepartmentPace] {
        joint.pace(at: asOf) { territory.responder($0)?.departmentCode }
    }

    /// The newest call to `staffID`, if any.
    public func latestCall(to staffID: String) -> CallSummary? { calls.first { $0.call.staffID == staffID } }
    /// The instant this overview describes.
    public var asOf: Date

    /// Anyone, by id.
    public func staff(id: String) -> Staff? { roster.person(id) }

    /// Whoever a call can be placed to, by id: a staff member, or a Party member who holds no
    /// grid post (called on the phone the Party chain lists).
    public func callee(id: String) -> Callee? {
        if let person = staff(id: id) { return Callee(id: id, name: person.name, phone: person.phone, role: person.role.rawValue, gridCode: person.gridCode) }
        guard let member = party.member(id: id) else { return nil }
        return Callee(id: id, name: member.name, phone: member.phone, role: "party_" + member.post.rawValue, gridCode: party.grid(of: member))
    }

    /// Derives the overview of `data` at `now`; `calendar` supplies the local time of day
    /// (duty hours), the start of today (resolved today) and of the month (must-visits).
    public init(data: CentreData, now: Date, calendar: Calendar, callTimeout: TimeInterval = Call.defaultTimeout) {
        var live = LiveOverview(data: data, now: now, calendar: calendar, callTimeout: callTimeout)
        self = live.overview(at: now)
    }

    init(
        territory: TerritoryIndex, grids: ChunkedArray<GridSummary>, alarmsOutOfStep: Set<String>, communityTallies: [StatusTally], streetTallies: [StatusTally],
        openTickets: ChunkedArray<OpenTicket>, roster: StaffRoster, mustVisitByGrid: [String: [Household]],
        visitsByHousehold: [String: [Visit]], monthStart: Date, figures: Figures, joint: JointLedger, care: CareLedger, clears: FourClearsLedger, places: KeyPlaceLedger,
        alarms: AlarmLedger = AlarmLedger(), calls: [CallSummary], now: Date
    ) {
        self.alarms = alarms
        self.places = places
        self.clears = clears
        self.joint = joint
        self.care = care
        self.territory = territory
        self.grids = grids
        self.alarmsOutOfStep = alarmsOutOfStep
        self.communityTallies = communityTallies
        self.streetTallies = streetTallies
        self.openTickets = openTickets
        self.roster = roster
        self.mustVisitByGrid = mustVisitByGrid
        self.visitsByHousehold = visitsByHousehold
        self.monthStart = monthStart
        self.figures = figures
        self.calls = calls
        self.asOf = now
    }
}

/// What a group of grids (a community, a street) adds up to, for its heading or its tile.
public struct StatusTally: Hashable, Sendable {
    public var grids = 0
    public var alarm = 0
    public var attention = 0
    public var openTickets = 0
    public var overdue = 0
    public var working = 0
    public var staff = 0

    public init() {}

    /// The worst status among its grids.
    public var worst: GridStatus { alarm > 0 ? .alarm : attention > 0 ? .attention : .normal }

    /// Adds another tally to this one (a district's streets).
    public mutating func add(_ other: StatusTally) {
        grids += other.grids
        alarm += other.alarm
        attention += other.attention
        openTickets += other.openTickets
        overdue += other.overdue
        working += other.working
        staff += other.staff
    }

    /// Adds (`sign` 1) or takes away (`sign` -1) one grid's summary.
    public mutating func count(_ summary: Overview.GridSummary, sign: Int) {
        grids += sign
        switch summary.assessment.status {
        case .alarm: alarm += sign
        case .attention: attention += sign
        case .normal: break
        }
        openTickets += sign * summary.openTickets
        overdue += sign * summary.overdue
        working += sign * summary.working
        staff += sign * summary.staffCount
    }
}
