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

    /// The newest call to `staffID`, if any.
    public func latestCall(to staffID: String) -> CallSummary? { calls.first { $0.call.staffID == staffID } }
    /// The instant this overview describes.
    public var asOf: Date

    /// Derives the overview of `data` at `now`; `calendar` supplies the local time of day
    /// (duty hours), the start of today (resolved today) and of the month (must-visits).
    public init(data: StreetData, now: Date, calendar: Calendar, callTimeout: TimeInterval = Call.defaultTimeout) {
        let categories = data.categoriesByCode
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        let minuteOfDay = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        let startOfDay = calendar.startOfDay(for: now)
        let month = calendar.dateInterval(of: .month, for: now) ?? DateInterval(start: startOfDay, duration: 86_400)
        let context = StatusContext(
            now: now, minuteOfDay: minuteOfDay, dutyHours: data.street.dutyHours,
            monthElapsed: now.timeIntervalSince(month.start) / max(month.duration, 1), callTimeout: callTimeout,
            categories: categories)

        var facts: [String: GridFacts] = [:]
        var staffByGrid: [String: [Staff]] = [:]
        var gridOfStaff: [String: String] = [:]
        for person in data.staff {
            guard let grid = person.gridCode else { continue }
            staffByGrid[grid, default: []].append(person)
            facts[grid, default: GridFacts()].staff.append(person)
            gridOfStaff[person.id] = grid
        }
        for ticket in data.tickets where ticket.state.isOpen { facts[ticket.gridCode, default: GridFacts()].openTickets.append(ticket) }
        for call in data.calls {
            guard let grid = call.gridCode ?? gridOfStaff[call.staffID] else { continue }
            facts[grid, default: GridFacts()].calls.append(call)
        }
        for hazard in data.hazards { facts[hazard.gridCode, default: GridFacts()].hazards.append(hazard) }
        let visitedThisMonth = Set(data.visits.filter { month.contains($0.at) }.map(\.householdID))
        var figures = Figures()
        for household in data.households where !household.mustVisit.isEmpty {
            facts[household.gridCode, default: GridFacts()].mustVisitDue += 1
            figures.mustVisitDue += 1
            if visitedThisMonth.contains(household.id) {
                facts[household.gridCode, default: GridFacts()].mustVisitDone += 1
                figures.mustVisitDone += 1
            }
        }

        var summaries: [GridSummary] = []
        for grid in data.grids {
            let gridFacts = facts[grid.code] ?? GridFacts()
            let assessment = StatusRules.assess(gridFacts, in: context)
            summaries.append(GridSummary(
                grid: grid, assessment: assessment, openTickets: gridFacts.openTickets.count,
                working: gridFacts.staff.filter { $0.duty.isWorking }.count, staffCount: gridFacts.staff.count))
            switch assessment.status {
            case .alarm: figures.alarm += 1
            case .attention: figures.attention += 1
            case .normal: break
            }
        }

        let gridNames = Dictionary(data.grids.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var open: [OpenTicket] = []
        for ticket in data.tickets {
            if ticket.state.isOpen {
                let category = categories[ticket.categoryCode]
                open.append(OpenTicket(
                    ticket: ticket, gridName: gridNames[ticket.gridCode] ?? ticket.gridCode, category: category,
                    dueAt: ticket.dueAt(category: category)))
            } else if ticket.state == .resolved || ticket.state == .rated, ticket.stateSince >= startOfDay {
                figures.resolvedToday += 1
            }
        }
        open.sort { a, b in
            switch (a.dueAt, b.dueAt) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default:
                if a.ticket.priority != b.ticket.priority { return a.ticket.priority > b.ticket.priority }
                return a.ticket.createdAt < b.ticket.createdAt
            }
        }
        let acceptTimes = data.tickets.compactMap { t -> Double? in
            guard let accepted = t.acceptedAt, let dispatched = t.dispatchedAt, now.timeIntervalSince(accepted) <= 86_400 else { return nil }
            return accepted.timeIntervalSince(dispatched) / 60
        }
        figures.averageAcceptMinutes = acceptTimes.isEmpty ? nil : acceptTimes.reduce(0, +) / Double(acceptTimes.count)
        let scores = data.tickets.filter { $0.state == .rated && now.timeIntervalSince($0.stateSince) <= 30 * 86_400 }.compactMap(\.rating)
        figures.ratings = scores.count
        figures.satisfaction = scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
        figures.escalated = data.tickets.filter { $0.state == .escalated }.count
        figures.grids = data.grids.count
        figures.openTickets = open.count
        figures.overdue = open.filter { ($0.dueAt ?? .distantFuture) < now }.count
        figures.staffTotal = data.staff.count
        figures.staffWorking = data.staff.filter { $0.duty.isWorking }.count

        self.street = data.street
        self.communities = data.communities
        self.grids = summaries
        self.openTickets = open
        self.staffByGrid = staffByGrid
        self.staffByID = Dictionary(data.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.buildingsByGrid = Dictionary(grouping: data.buildings, by: \.gridCode)
        self.mustVisitByGrid = Dictionary(grouping: data.households.filter { !$0.mustVisit.isEmpty }, by: \.gridCode)
        self.hazardsByGrid = Dictionary(grouping: data.hazards, by: \.gridCode)
        self.visitsByHousehold = Dictionary(grouping: data.visits.sorted { $0.at > $1.at }, by: \.householdID)
        self.monthStart = month.start
        self.figures = figures
        self.calls = data.calls.sorted { $0.placedAt > $1.placedAt }.map { CallSummary(call: $0, state: $0.state(at: now, timeout: callTimeout)) }
        self.asOf = now
    }
}
