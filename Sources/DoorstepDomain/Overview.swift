import Foundation

/// The read model the wall draws: every grid's assessment, the open tickets by urgency and
/// the headline figures, all derived from a street's data at one instant. Immutable, so a
/// screen can hold it while the next one is built.
public struct Overview: Sendable {
    /// One grid as its tile shows it.
    public struct GridSummary: Sendable, Identifiable {
        public var grid: Grid
        public var assessment: GridAssessment
        public var openTickets: Int
        /// Staff of the grid who are working / all staff of the grid.
        public var working: Int
        public var staffCount: Int
        public var id: String { grid.code }
    }

    /// One open ticket with its deadline.
    public struct OpenTicket: Sendable, Identifiable {
        public var ticket: Ticket
        public var gridName: String
        public var category: TicketCategory?
        public var dueAt: Date?
        public var id: String { ticket.id }

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
    }

    public var street: Street
    public var communities: [Community]
    /// Grid summaries in data-set order (grouped by community).
    public var grids: [GridSummary]
    /// Open tickets, most urgent first: overdue (most overdue first), then by deadline,
    /// then those with no running clock; ties by priority, then age.
    public var openTickets: [OpenTicket]
    /// Staff by grid code, in data-set order.
    public var staffByGrid: [String: [Staff]]
    /// Everyone by id (names for the ticker and the calls).
    public var staffByID: [String: Staff]
    /// Each grid's buildings, households due a must-visit, and hazards, for the drill-down.
    public var buildingsByGrid: [String: [Building]]
    public var mustVisitByGrid: [String: [Household]]
    public var hazardsByGrid: [String: [Hazard]]
    /// Must-visits by household, newest first.
    public var visitsByHousehold: [String: [Visit]]
    /// The start of the calendar month the overview falls in.
    public var monthStart: Date
    public var figures: Figures
    /// A call with its state as of the overview's instant (ringing may have become missed).
    public struct CallSummary: Sendable, Identifiable {
        public var call: Call
        public var state: Call.State
        public var id: String { call.id }
    }

    /// Calls, newest first.
    public var calls: [CallSummary]
    /// The ticket categories (for labels and column widths).
    public var categories: [TicketCategory]

    /// The newest call to `staffID`, if any.
    public func latestCall(to staffID: String) -> CallSummary? { calls.first { $0.call.staffID == staffID } }
    /// The instant this overview describes.
    public var asOf: Date

    /// Derives the overview of `data` at `now`; `calendar` supplies the local time of day
    /// (duty hours), the start of today (resolved today) and of the month (must-visits).
    public init(data: StreetData, now: Date, calendar: Calendar, callTimeout: TimeInterval = Call.defaultTimeout) {
        self.init(base: OverviewBase(data: data, month: OverviewBase.month(of: now, calendar: calendar)), now: now, calendar: calendar,
                  callTimeout: callTimeout)
    }

    /// The overview at `now` from a base built earlier: only the clock-driven parts (deadlines,
    /// missed calls, duty hours, the month's pace, today's and recent figures) are computed.
    public init(base: OverviewBase, now: Date, calendar: Calendar, callTimeout: TimeInterval = Call.defaultTimeout) {
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        let minuteOfDay = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        let startOfDay = calendar.startOfDay(for: now)
        let month = base.month
        let context = StatusContext(
            now: now, minuteOfDay: minuteOfDay, dutyHours: base.street.dutyHours,
            monthElapsed: now.timeIntervalSince(month.start) / max(month.duration, 1), callTimeout: callTimeout,
            categories: base.categories)

        var figures = base.figures
        var summaries: [GridSummary] = []
        summaries.reserveCapacity(base.grids.count)
        for grid in base.grids {
            let gridFacts = base.facts[grid.code] ?? GridFacts()
            let assessment = StatusRules.assess(gridFacts, in: context)
            summaries.append(GridSummary(
                grid: grid, assessment: assessment, openTickets: gridFacts.openTickets.count,
                working: base.workingByGrid[grid.code] ?? 0, staffCount: gridFacts.staff.count))
            switch assessment.status {
            case .alarm: figures.alarm += 1
            case .attention: figures.attention += 1
            case .normal: break
            }
        }
        figures.resolvedToday = base.resolvedAt.filter { $0 >= startOfDay }.count
        let acceptTimes = base.acceptances.filter { now.timeIntervalSince($0.at) <= 86_400 }.map(\.minutes)
        figures.averageAcceptMinutes = acceptTimes.isEmpty ? nil : acceptTimes.reduce(0, +) / Double(acceptTimes.count)
        let scores = base.ratings.filter { now.timeIntervalSince($0.at) <= 30 * 86_400 }.map(\.score)
        figures.ratings = scores.count
        figures.satisfaction = scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
        // open tickets are sorted by deadline: the overdue ones are a prefix
        figures.overdue = base.openTickets.prefix { ($0.dueAt ?? .distantFuture) < now }.count

        self.street = base.street
        self.communities = base.communities
        self.grids = summaries
        self.openTickets = base.openTickets
        self.staffByGrid = base.staffByGrid
        self.staffByID = base.staffByID
        self.buildingsByGrid = base.buildingsByGrid
        self.mustVisitByGrid = base.mustVisitByGrid
        self.hazardsByGrid = base.hazardsByGrid
        self.visitsByHousehold = base.visitsByHousehold
        self.monthStart = month.start
        self.figures = figures
        self.calls = base.calls.map { CallSummary(call: $0, state: $0.state(at: now, timeout: callTimeout)) }
        self.categories = base.categories.values.sorted { $0.code < $1.code }
        self.asOf = now
    }
}
