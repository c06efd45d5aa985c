import Foundation

/// Everything in an `Overview` that does not depend on the clock, built once from the data and
/// kept by the engine until the data (or the calendar month) changes. An overview at a given
/// instant is then only the clock-driven rules over it.
public struct OverviewBase: Sendable {
    public var street: Street
    public var communities: [Community]
    public var grids: [Grid]
    public var categories: [String: TicketCategory]
    /// Per grid: staff, open tickets, calls, hazards and this month's must-visit counts.
    public var facts: [String: GridFacts]
    public var workingByGrid: [String: Int]
    public var staffByGrid: [String: [Staff]]
    public var staffByID: [String: Staff]
    public var buildingsByGrid: [String: [Building]]
    public var mustVisitByGrid: [String: [Household]]
    public var hazardsByGrid: [String: [Hazard]]
    public var visitsByHousehold: [String: [Visit]]
    /// Open tickets, most urgent first (deadlines do not move with the clock).
    public var openTickets: [Overview.OpenTicket]
    /// Calls, newest first.
    public var calls: [Call]
    /// When tickets were resolved (for "resolved today"), accepted (minutes from dispatch) and rated.
    public var resolvedAt: [Date]
    public var acceptances: [(at: Date, minutes: Double)]
    public var ratings: [(at: Date, score: Int)]
    /// The calendar month the must-visit counts are for.
    public var month: DateInterval
    /// Figures that do not depend on the clock (the rest are filled in per instant).
    public var figures: Overview.Figures

    /// The calendar month around `date`.
    public static func month(of date: Date, calendar: Calendar) -> DateInterval {
        calendar.dateInterval(of: .month, for: date) ?? DateInterval(start: calendar.startOfDay(for: date), duration: 86_400)
    }

    public init(data: StreetData, month: DateInterval) {
        let categories = data.categoriesByCode
        var facts: [String: GridFacts] = [:]
        var staffByGrid: [String: [Staff]] = [:]
        var workingByGrid: [String: Int] = [:]
        var gridOfStaff: [String: String] = [:]
        var figures = Overview.Figures()
        for person in data.staff {
            if person.duty.isWorking { figures.staffWorking += 1 }
            guard let grid = person.gridCode else { continue }
            staffByGrid[grid, default: []].append(person)
            facts[grid, default: GridFacts()].staff.append(person)
            if person.duty.isWorking { workingByGrid[grid, default: 0] += 1 }
            gridOfStaff[person.id] = grid
        }
        for call in data.calls {
            guard let grid = call.gridCode ?? gridOfStaff[call.staffID] else { continue }
            facts[grid, default: GridFacts()].calls.append(call)
        }
        for hazard in data.hazards { facts[hazard.gridCode, default: GridFacts()].hazards.append(hazard) }
        let visitedThisMonth = Set(data.visits.filter { month.contains($0.at) }.map(\.householdID))
        for household in data.households where !household.mustVisit.isEmpty {
            facts[household.gridCode, default: GridFacts()].mustVisitDue += 1
            figures.mustVisitDue += 1
            if visitedThisMonth.contains(household.id) {
                facts[household.gridCode, default: GridFacts()].mustVisitDone += 1
                figures.mustVisitDone += 1
            }
        }

        let gridNames = Dictionary(data.grids.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        var open: [Overview.OpenTicket] = []
        var resolvedAt: [Date] = []
        var acceptances: [(at: Date, minutes: Double)] = []
        var ratings: [(at: Date, score: Int)] = []
        for ticket in data.tickets {
            if ticket.state.isOpen {
                facts[ticket.gridCode, default: GridFacts()].openTickets.append(ticket)
                let category = categories[ticket.categoryCode]
                open.append(Overview.OpenTicket(
                    ticket: ticket, gridName: gridNames[ticket.gridCode] ?? ticket.gridCode, category: category,
                    dueAt: ticket.dueAt(category: category)))
                if ticket.state == .escalated { figures.escalated += 1 }
            } else if ticket.state == .resolved || ticket.state == .rated {
                resolvedAt.append(ticket.stateSince)
            }
            if let accepted = ticket.acceptedAt, let dispatched = ticket.dispatchedAt {
                acceptances.append((accepted, accepted.timeIntervalSince(dispatched) / 60))
            }
            if ticket.state == .rated, let score = ticket.rating { ratings.append((ticket.stateSince, score)) }
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
        figures.grids = data.grids.count
        figures.openTickets = open.count
        figures.staffTotal = data.staff.count

        self.street = data.street
        self.communities = data.communities
        self.grids = data.grids
        self.categories = categories
        self.facts = facts
        self.workingByGrid = workingByGrid
        self.staffByGrid = staffByGrid
        self.staffByID = Dictionary(data.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.buildingsByGrid = Dictionary(grouping: data.buildings, by: \.gridCode)
        self.mustVisitByGrid = Dictionary(grouping: data.households.filter { !$0.mustVisit.isEmpty }, by: \.gridCode)
        self.hazardsByGrid = Dictionary(grouping: data.hazards, by: \.gridCode)
        self.visitsByHousehold = Dictionary(grouping: data.visits.sorted { $0.at > $1.at }, by: \.householdID)
        self.openTickets = open
        self.calls = data.calls.sorted { $0.placedAt > $1.placedAt }
        self.resolvedAt = resolvedAt
        self.acceptances = acceptances
        self.ratings = ratings
        self.month = month
        self.figures = figures
    }
}
