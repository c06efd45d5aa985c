import Foundation

/// The read model kept current in place: built once from a data set, then changed only by
/// what changes — the rows an event names, and the grids whose time-driven rules come due.
///
/// Each grid's assessment carries the instant it can next change with no new facts
/// (`StatusRules.revisit`); a poll re-assesses only grids whose instant has come, and a poll
/// with nothing due touches no grid. Tallies per community and per street and the headline
/// figures are adjusted by difference, never recounted. `overview(at:)` hands out an
/// immutable `Overview` sharing this model's storage (copy on write).
public struct LiveOverview: Sendable {
    public private(set) var centre: Centre
    public private(set) var streets: [Street]
    public private(set) var communities: [Community]
    public private(set) var grids: [Grid]
    public private(set) var month: DateInterval
    let categories: [String: TicketCategory]
    let categoryList: [TicketCategory]
    let calendar: Calendar
    let callTimeout: TimeInterval

    // territory indexes (fixed)
    let gridIndex: [String: Int]
    let communityOfGrid: [Int]
    let streetOfCommunity: [Int]
    let gridsOfCommunity: [[Int]]
    let communitiesOfStreet: [[Int]]
    let buildingsByGrid: [String: [Building]]
    let hazardsByGrid: [String: [Hazard]]

    // per grid, by index
    private var facts: [GridFacts]
    private var summaries: ChunkedArray<Overview.GridSummary>
    private var revisitAt: [Date]
    /// The earliest of `revisitAt`: before it, no grid needs looking at.
    private var earliestRevisit = Date.distantPast
    private var dirty: Set<Int> = []
    /// Counts every change that reaches the overview (rows put in place, a grid judged
    /// differently), so a poller can tell a new overview from the same one at a later instant.
    public private(set) var revision = 0
    private var communityTallies: [StatusTally]
    private var streetTallies: [StatusTally]
    private var alarm = 0
    private var attention = 0

    // people
    private(set) var staffByGrid: StaffByGrid
    private(set) var staffWithoutGrid: [Staff] = []
    private(set) var staffLocation: [String: String] = [:]
    private var staffWorking = 0

    // tickets
    private(set) var openTickets = ChunkedArray<Overview.OpenTicket>()
    private var openByID: [String: Overview.OpenTicket] = [:]
    /// What each ticket that can still move on adds to the figures, for those that add
    /// anything (rated and cancelled tickets are final; only their entries in the series remain).
    private var outcomes: [String: TicketOutcome] = [:]
    private var resolved = TimeSeries()
    private var acceptances = TimeSeries()
    private var ratings = TimeSeries()
    private var escalated = 0

    // calls and must-visits
    private var calls: [Call] = []
    private(set) var mustVisitByGrid: [String: [Household]] = [:]
    private var mustVisitGrid: [String: String] = [:]
    private(set) var visitsByHousehold: [String: [Visit]] = [:]
    private var visitedThisMonth: Set<String> = []
    private var mustVisitDue = 0
    private var mustVisitDone = 0

    public init(data: CentreData, now: Date, calendar: Calendar, callTimeout: TimeInterval = Call.defaultTimeout) {
        self.centre = data.centre
        self.streets = data.streets
        self.communities = data.communities
        self.grids = data.grids
        self.month = Self.month(of: now, calendar: calendar)
        self.categories = data.categoriesByCode
        self.categoryList = data.categoriesByCode.values.sorted { $0.code < $1.code }
        self.calendar = calendar
        self.callTimeout = callTimeout

        let gridIndex = Dictionary(data.grids.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let communityIndex = Dictionary(data.communities.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let streetIndex = Dictionary(data.streets.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.gridIndex = gridIndex
        self.communityOfGrid = data.grids.map { communityIndex[$0.communityCode] ?? -1 }
        self.streetOfCommunity = data.communities.map { $0.streetCode.flatMap { streetIndex[$0] } ?? -1 }
        var gridsOfCommunity = Array(repeating: [Int](), count: data.communities.count)
        for (index, community) in communityOfGrid.enumerated() where community >= 0 { gridsOfCommunity[community].append(index) }
        self.gridsOfCommunity = gridsOfCommunity
        var communitiesOfStreet = Array(repeating: [Int](), count: data.streets.count)
        for (index, street) in streetOfCommunity.enumerated() where street >= 0 {
            communitiesOfStreet[street].append(index)
        }
        self.communitiesOfStreet = communitiesOfStreet
        self.buildingsByGrid = Dictionary(grouping: data.buildings, by: \.gridCode)
        self.hazardsByGrid = Dictionary(grouping: data.hazards, by: \.gridCode)

        self.facts = Array(repeating: GridFacts(), count: data.grids.count)
        self.staffByGrid = StaffByGrid(index: gridIndex, lists: Array(repeating: [], count: data.grids.count))
        self.summaries = ChunkedArray(data.grids.map {
            Overview.GridSummary(grid: $0, assessment: GridAssessment(reasons: []), openTickets: 0, working: 0, staffCount: 0)
        })
        self.revisitAt = Array(repeating: .distantPast, count: data.grids.count)
        self.communityTallies = Array(repeating: StatusTally(), count: data.communities.count)
        self.streetTallies = Array(repeating: StatusTally(), count: data.streets.count)
        for (index, summary) in summaries.enumerated() { tally(index, summary, sign: 1) }
        for hazard in data.hazards { if let g = gridIndex[hazard.gridCode] { facts[g].hazards.append(hazard) } }

        // the open tickets, the outcomes and the people are indexed at the same time, over the
        // cores (the longest first)
        let categories = self.categories
        let jobs: [@Sendable () -> IndexPart] = [
            { .open(Self.indexOpenTickets(data, gridIndex: gridIndex, categories: categories)) },
            { .outcomes(Self.indexOutcomes(data)) },
            { .staff(Self.indexStaff(data.staff, gridIndex: gridIndex, grids: data.grids.count)) },
        ]
        var open = OpenIndex(), closed = OutcomeIndex(), people = StaffIndex(byGrid: Array(repeating: [], count: data.grids.count))
        for part in Parallel.run(jobs) {
            switch part {
            case .open(let index): open = index
            case .outcomes(let index): closed = index
            case .staff(let index): people = index
            }
        }
        staffByGrid.lists = people.byGrid
        staffLocation = people.location
        staffWithoutGrid = people.without
        staffWorking = people.working
        for (g, list) in people.byGrid.enumerated() where !list.isEmpty { facts[g].staff = list }
        for household in data.households where !household.mustVisit.isEmpty {
            mustVisitByGrid[household.gridCode, default: []].append(household)
            mustVisitGrid[household.id] = household.gridCode
            if let g = gridIndex[household.gridCode] { facts[g].mustVisitDue += 1 }
            mustVisitDue += 1
        }
        for visit in data.visits.sorted(by: { $0.at > $1.at }) { visitsByHousehold[visit.householdID, default: []].append(visit) }
        for visit in data.visits { countVisit(visit) }
        calls = data.calls.sorted { $0.placedAt > $1.placedAt }
        for call in calls { if let g = grid(of: call) { facts[g].calls.append(call) } }

        for (g, list) in open.byGrid.enumerated() where !list.isEmpty { facts[g].openTickets = list }
        openTickets = open.tickets
        openByID = open.byID
        escalated = open.escalated
        outcomes = closed.outcomes
        resolved = closed.resolved
        acceptances = closed.acceptances
        ratings = closed.ratings
        dirty = Set(data.grids.indices)
    }

    /// The open tickets, most urgent first, by id and by grid.
    struct OpenIndex: Sendable {
        var tickets = ChunkedArray<Overview.OpenTicket>()
        var byID: [String: Overview.OpenTicket] = [:]
        var byGrid: [[Ticket]] = []
        var escalated = 0
    }

    /// What tickets add to the figures: those that can still move on, and the time series.
    struct OutcomeIndex: Sendable {
        var outcomes: [String: TicketOutcome] = [:]
        var resolved = TimeSeries(), acceptances = TimeSeries(), ratings = TimeSeries()
    }

    /// One of the indexes built side by side.
    enum IndexPart: Sendable {
        case open(OpenIndex)
        case outcomes(OutcomeIndex)
        case staff(StaffIndex)
    }

    /// Everything the model keeps about people, built in one pass.
    struct StaffIndex: Sendable {
        var byGrid: [[Staff]]
        var location: [String: String] = [:]
        var without: [Staff] = []
        var working = 0
    }

    static func indexStaff(_ staff: [Staff], gridIndex: [String: Int], grids: Int) -> StaffIndex {
        var index = StaffIndex(byGrid: Array(repeating: [], count: grids))
        index.location.reserveCapacity(staff.count)
        for person in staff {
            if person.duty.isWorking { index.working += 1 }
            if let code = person.gridCode, let g = gridIndex[code] {
                index.location[person.id] = code
                index.byGrid[g].append(person)
            } else {
                index.location[person.id] = ""
                index.without.append(person)
            }
        }
        return index
    }

    static func indexOpenTickets(
        _ data: CentreData, gridIndex: [String: Int], categories: [String: TicketCategory]
    ) -> OpenIndex {
        var byGrid = Array(repeating: [Ticket](), count: data.grids.count)
        var open: [Overview.OpenTicket] = []
        open.reserveCapacity(data.tickets.count)
        var openByID: [String: Overview.OpenTicket] = [:]
        openByID.reserveCapacity(data.tickets.count)
        var escalated = 0
        for ticket in data.tickets where ticket.state.isOpen {
            let item = openTicket(ticket, gridIndex: gridIndex, grids: data.grids, categories: categories)
            open.append(item)
            openByID[ticket.id] = item
            if let g = gridIndex[ticket.gridCode] { byGrid[g].append(ticket) }
            if ticket.state == .escalated { escalated += 1 }
        }
        // a store hands them over most urgent first already: sorting is then one pass
        if !open.indices.dropFirst().allSatisfy({ !Overview.OpenTicket.isMoreUrgent(open[$0], than: open[$0 - 1]) }) {
            open.sort(by: Overview.OpenTicket.isMoreUrgent)
        }
        return OpenIndex(tickets: ChunkedArray(open), byID: openByID, byGrid: byGrid, escalated: escalated)
    }

    /// What every ticket, open or closed, counts in the figures.
    static func indexOutcomes(_ data: CentreData) -> OutcomeIndex {
        var outcomes: [String: TicketOutcome] = [:]
        outcomes.reserveCapacity(data.tickets.count * 2)
        var resolvedEntries: [(Date, Double)] = [], acceptEntries: [(Date, Double)] = [], ratingEntries: [(Date, Double)] = []
        for outcome in data.tickets.lazy.map(TicketOutcome.init) + data.outcomes {
            if outcome.canChange, outcome.contributes { outcomes[outcome.id] = outcome }
            if let at = outcome.resolvedAt { resolvedEntries.append((at, 1)) }
            if let a = outcome.acceptance { acceptEntries.append((a.at, a.minutes)) }
            if let r = outcome.scored { ratingEntries.append((r.at, Double(r.score))) }
        }
        return OutcomeIndex(outcomes: outcomes, resolved: TimeSeries(resolvedEntries), acceptances: TimeSeries(acceptEntries),
                            ratings: TimeSeries(ratingEntries))
    }

    static func openTicket(
        _ ticket: Ticket, gridIndex: [String: Int], grids: [Grid], categories: [String: TicketCategory]
    ) -> Overview.OpenTicket {
        let category = categories[ticket.categoryCode]
        let name = gridIndex[ticket.gridCode].map { grids[$0].name } ?? ticket.gridCode
        return Overview.OpenTicket(ticket: ticket, gridName: name, category: category, dueAt: ticket.dueAt(category: category))
    }

    /// The calendar month around `date`.
    public static func month(of date: Date, calendar: Calendar) -> DateInterval {
        calendar.dateInterval(of: .month, for: date) ?? DateInterval(start: calendar.startOfDay(for: date), duration: 86_400)
    }

    // MARK: The overview at an instant

    /// Brings every grid up to `now` (those whose facts changed, and those whose time-driven
    /// rules came due) and returns the overview.
    public mutating func overview(at now: Date) -> Overview {
        let context = statusContext(at: now)
        if now >= earliestRevisit {
            for index in revisitAt.indices where revisitAt[index] <= now { dirty.insert(index) }
        }
        if !dirty.isEmpty {
            reassess(Array(dirty), in: context)
            dirty.removeAll(keepingCapacity: true)
            earliestRevisit = revisitAt.min() ?? .distantFuture
        }

        // nothing older than the longest window (30 days of ratings) is kept
        let horizon = now.addingTimeInterval(-31 * 86_400)
        resolved.drop(before: horizon)
        acceptances.drop(before: horizon)
        ratings.drop(before: horizon)

        var figures = Overview.Figures()
        figures.grids = grids.count
        figures.alarm = alarm
        figures.attention = attention
        figures.openTickets = openTickets.count
        figures.overdue = overdueCount(at: now)
        figures.resolvedToday = resolved.since(calendar.startOfDay(for: now)).count
        let accepted = acceptances.since(now.addingTimeInterval(-86_400))
        figures.averageAcceptMinutes = accepted.count > 0 ? accepted.sum / Double(accepted.count) : nil
        let rated = ratings.since(now.addingTimeInterval(-30 * 86_400))
        figures.ratings = rated.count
        figures.satisfaction = rated.count > 0 ? rated.sum / Double(rated.count) : nil
        figures.staffWorking = staffWorking
        figures.staffTotal = staffLocation.count
        figures.mustVisitDue = mustVisitDue
        figures.mustVisitDone = mustVisitDone
        figures.escalated = escalated
        return Overview(
            live: self, grids: summaries, communityTallies: communityTallies, streetTallies: streetTallies, figures: figures,
            calls: calls.map { Overview.CallSummary(call: $0, state: $0.state(at: now, timeout: callTimeout)) }, now: now)
    }

    func statusContext(at now: Date) -> StatusContext {
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        let minuteOfDay = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return StatusContext(
            now: now, minuteOfDay: minuteOfDay, dutyHours: centre.dutyHours,
            monthElapsed: now.timeIntervalSince(month.start) / max(month.duration, 1), callTimeout: callTimeout,
            categories: categories, month: month, nextDutyBoundary: nextDutyBoundary(after: now, minuteOfDay: minuteOfDay))
    }

    /// The next start or end of duty hours after `now` (at a minute's start, local time).
    func nextDutyBoundary(after now: Date, minuteOfDay: Int) -> Date {
        let startOfDay = calendar.startOfDay(for: now)
        let bounds = [centre.dutyHours.lowerBound, centre.dutyHours.upperBound]
        let candidates = bounds.map { startOfDay.addingTimeInterval(TimeInterval($0 * 60)) }
            + bounds.map { startOfDay.addingTimeInterval(TimeInterval(($0 + 24 * 60) * 60)) }
        return candidates.filter { $0 > now }.min() ?? now.addingTimeInterval(86_400)
    }

    /// Open tickets are sorted by deadline: the overdue ones are a prefix.
    private func overdueCount(at now: Date) -> Int {
        var low = 0, high = openTickets.count
        while low < high {
            let mid = (low + high) / 2
            if let due = openTickets[mid].dueAt, due < now { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private mutating func reassess(_ index: Int, in context: StatusContext) {
        let (fresh, revisit) = Self.judge(facts[index], grid: grids[index], in: context)
        apply(fresh, revisit: revisit, to: index)
    }

    /// Every grid in `indices` judged, on all cores when there are many (a first build, a new
    /// month), then put in place one by one.
    private mutating func reassess(_ indices: [Int], in context: StatusContext) {
        guard indices.count >= 4_096 else {
            for index in indices { reassess(index, in: context) }
            return
        }
        let facts = self.facts, grids = self.grids
        let judged = Parallel.map(indices.count) { Self.judge(facts[indices[$0]], grid: grids[indices[$0]], in: context) }
        for (k, index) in indices.enumerated() { apply(judged[k].0, revisit: judged[k].1, to: index) }
    }

    /// A grid's summary from its facts, and when it must be looked at again.
    private static func judge(_ facts: GridFacts, grid: Grid, in context: StatusContext) -> (Overview.GridSummary, Date) {
        let working = facts.staff.reduce(0) { $0 + ($1.duty.isWorking ? 1 : 0) }
        let summary = Overview.GridSummary(
            grid: grid, assessment: StatusRules.assess(facts, in: context), openTickets: facts.openTickets.count,
            working: working, staffCount: facts.staff.count)
        return (summary, StatusRules.revisit(facts, in: context))
    }

    private mutating func apply(_ fresh: Overview.GridSummary, revisit: Date, to index: Int) {
        revisitAt[index] = revisit
        let old = summaries[index]
        guard old.assessment != fresh.assessment || old.openTickets != fresh.openTickets || old.working != fresh.working
            || old.staffCount != fresh.staffCount else { return }
        tally(index, old, sign: -1)
        tally(index, fresh, sign: 1)
        summaries[index] = fresh
        revision += 1
    }

    private mutating func tally(_ index: Int, _ summary: Overview.GridSummary, sign: Int) {
        switch summary.assessment.status {
        case .alarm: alarm += sign
        case .attention: attention += sign
        case .normal: break
        }
        let community = communityOfGrid[index]
        guard community >= 0 else { return }
        communityTallies[community].count(summary, sign: sign)
        let street = streetOfCommunity[community]
        if street >= 0 { streetTallies[street].count(summary, sign: sign) }
    }

    // MARK: Changes

    /// Puts fresh rows of tickets in place (new, moved on, or closed).
    public mutating func update(tickets: [Ticket]) {
        guard !tickets.isEmpty else { return }
        revision += 1
        var removed: [Overview.OpenTicket] = []
        var added: [Overview.OpenTicket] = []
        for ticket in tickets {
            if let old = openByID.removeValue(forKey: ticket.id) {
                removed.append(old)
                if old.ticket.state == .escalated { escalated -= 1 }
                if let g = gridIndex[old.ticket.gridCode] {
                    facts[g].openTickets.removeAll { $0.id == ticket.id }
                    dirty.insert(g)
                }
            }
            // a ticket not held here closed long ago: what it added has left every window
            if let old = outcomes.removeValue(forKey: ticket.id) { forget(old) }
            let outcome = TicketOutcome(ticket)
            if outcome.canChange, outcome.contributes { outcomes[ticket.id] = outcome }
            remember(outcome)
            guard ticket.state.isOpen else { continue }
            let item = openTicket(ticket)
            openByID[ticket.id] = item
            added.append(item)
            if ticket.state == .escalated { escalated += 1 }
            if let g = gridIndex[ticket.gridCode] {
                facts[g].openTickets.append(ticket)
                dirty.insert(g)
            }
        }
        Self.replace(removed, with: added, in: &openTickets)
    }

    /// Puts fresh rows of staff in place (duty changes, imports).
    public mutating func update(staff: [Staff]) {
        if !staff.isEmpty { revision += 1 }
        for person in staff {
            let grid = person.gridCode.flatMap { gridIndex[$0] == nil ? nil : $0 } ?? ""
            if let g = gridIndex[grid], staffLocation[person.id] == grid,
               let index = staffByGrid.lists[g].firstIndex(where: { $0.id == person.id }) {
                // the common change: duty, in the same grid (nothing else is touched)
                if staffByGrid.lists[g][index].duty.isWorking { staffWorking -= 1 }
                if person.duty.isWorking { staffWorking += 1 }
                staffByGrid.lists[g][index] = person
                if let position = facts[g].staff.firstIndex(where: { $0.id == person.id }) { facts[g].staff[position] = person }
                dirty.insert(g)
                continue
            }
            if let old = staffLocation[person.id] { displace(person.id, from: old) }
            place(person)
        }
    }

    /// Puts fresh rows of calls in place.
    public mutating func update(calls fresh: [Call]) {
        guard !fresh.isEmpty else { return }
        revision += 1
        for call in fresh {
            if let index = calls.firstIndex(where: { $0.id == call.id }) {
                if let g = grid(of: calls[index]) {
                    facts[g].calls.removeAll { $0.id == call.id }
                    dirty.insert(g)
                }
                calls.remove(at: index)
            }
            let at = calls.firstIndex { $0.placedAt <= call.placedAt } ?? calls.count
            calls.insert(call, at: at)
            if let g = grid(of: call) {
                facts[g].calls.append(call)
                dirty.insert(g)
            }
        }
    }

    /// Adds must-visits logged since (visits are never changed once logged).
    public mutating func update(visits: [Visit]) {
        if !visits.isEmpty { revision += 1 }
        for visit in visits where !(visitsByHousehold[visit.householdID]?.contains { $0.id == visit.id } ?? false) {
            var list = visitsByHousehold[visit.householdID] ?? []
            list.insert(visit, at: list.firstIndex { $0.at <= visit.at } ?? list.count)
            visitsByHousehold[visit.householdID] = list
            countVisit(visit)
        }
    }

    // MARK: Helpers

    private func openTicket(_ ticket: Ticket) -> Overview.OpenTicket {
        Self.openTicket(ticket, gridIndex: gridIndex, grids: grids, categories: categories)
    }

    private func grid(of call: Call) -> Int? {
        let code = call.gridCode ?? staffLocation[call.staffID]
        return code.flatMap { gridIndex[$0] }
    }

    private mutating func place(_ person: Staff) {
        let g = person.gridCode.flatMap { gridIndex[$0] }
        staffLocation[person.id] = g == nil ? "" : person.gridCode
        if person.duty.isWorking { staffWorking += 1 }
        guard let g else {
            staffWithoutGrid.append(person)
            return
        }
        staffByGrid.lists[g].append(person)
        facts[g].staff.append(person)
        dirty.insert(g)
    }

    private mutating func displace(_ id: String, from grid: String) {
        staffLocation[id] = nil
        guard let g = gridIndex[grid] else {
            if let index = staffWithoutGrid.firstIndex(where: { $0.id == id }) {
                if staffWithoutGrid[index].duty.isWorking { staffWorking -= 1 }
                staffWithoutGrid.remove(at: index)
            }
            return
        }
        if let index = staffByGrid.lists[g].firstIndex(where: { $0.id == id }) {
            if staffByGrid.lists[g][index].duty.isWorking { staffWorking -= 1 }
            staffByGrid.lists[g].remove(at: index)
        }
        facts[g].staff.removeAll { $0.id == id }
        dirty.insert(g)
    }

    private mutating func countVisit(_ visit: Visit) {
        guard month.contains(visit.at), let grid = mustVisitGrid[visit.householdID],
              visitedThisMonth.insert(visit.householdID).inserted else { return }
        mustVisitDone += 1
        if let g = gridIndex[grid] {
            facts[g].mustVisitDone += 1
            dirty.insert(g)
        }
    }

    private mutating func remember(_ outcome: TicketOutcome) {
        if let at = outcome.resolvedAt { resolved.insert(at, 1) }
        if let a = outcome.acceptance { acceptances.insert(a.at, a.minutes) }
        if let r = outcome.scored { ratings.insert(r.at, Double(r.score)) }
    }

    private mutating func forget(_ outcome: TicketOutcome) {
        if let at = outcome.resolvedAt { resolved.remove(at, 1) }
        if let a = outcome.acceptance { acceptances.remove(a.at, a.minutes) }
        if let r = outcome.scored { ratings.remove(r.at, Double(r.score)) }
    }

    /// Takes `removed` out of the sorted list and puts `added` in at their places, each found
    /// by binary search; the list is chunked, so each change copies one chunk at most.
    static func replace(_ removed: [Overview.OpenTicket], with added: [Overview.OpenTicket], in list: inout ChunkedArray<Overview.OpenTicket>) {
        for old in removed {
            var index = lowerBound(of: old, in: list)
            while index < list.count, list[index] !== old, !Overview.OpenTicket.isMoreUrgent(old, than: list[index]) { index += 1 }
            if index < list.count, list[index] === old {
                list.remove(at: index)
            } else if let found = list.firstIndex(where: { $0 === old }) {
                list.remove(at: found)  // not where its order says: take it from wherever it is
            }
        }
        for item in added { list.insert(item, at: lowerBound(of: item, in: list)) }
    }

    /// The first position whose ticket is not more urgent than `item`.
    static func lowerBound(of item: Overview.OpenTicket, in list: ChunkedArray<Overview.OpenTicket>) -> Int {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if Overview.OpenTicket.isMoreUrgent(list[mid], than: item) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// Each grid's staff, looked up by grid code: one list per grid in an array, so a duty change
/// copies the array of lists (when a snapshot holds it), not a dictionary of them.
public struct StaffByGrid: Sendable {
    let index: [String: Int]
    var lists: [[Staff]]

    /// The staff of the grid with this code, in data-set order; nil for an unknown grid.
    public subscript(code: String) -> [Staff]? {
        index[code].flatMap { lists.indices.contains($0) ? lists[$0] : nil }
    }
}
