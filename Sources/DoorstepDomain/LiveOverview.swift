import Foundation

/// The read model kept current in place: built once from a data set, then changed only by
/// what changes — the rows an event names, and the grids whose time-driven rules come due.
///
/// It is a handful of indexes, each holding its facts once: the territory (fixed), the open
/// tickets, the staff roster, the calls, the must-visits, the outcomes that make the figures,
/// and the grids' judgements. A grid's facts for its rules are gathered from them when it is
/// judged. Each judgement carries the instant it can next change with no new facts
/// (`StatusRules.revisit`); a poll re-judges only grids whose instant has come, so a poll with
/// nothing due touches no grid. Tallies are adjusted by difference, never recounted.
/// `overview(at:)` hands out an immutable `Overview` sharing these indexes (copy on write).
public struct LiveOverview: Sendable {
    let territory: TerritoryIndex
    public private(set) var month: DateInterval
    let calendar: Calendar
    let callTimeout: TimeInterval

    private(set) var open: OpenTicketIndex
    private(set) var roster: StaffRoster
    private var callLog: CallLog
    private(set) var mustVisits: MustVisitLedger
    private var ledger: OutcomeLedger
    private(set) var joint: JointLedger
    private(set) var care: CareLedger
    private var clears: FourClearsLedger
    private(set) var places: KeyPlaceLedger
    private(set) var alarms: AlarmLedger
    private(set) var handovers: [String: Handover] = [:]
    private var judgements: GridJudgements
    /// The grids whose alarm disagrees with their judgement, kept as either moves (a few).
    private var alarmsOutOfStep = Set<String>()
    private var updates = 0
    /// The local minute and day, remembered for the minute (see `LocalMinute`).
    private var localMinute = LocalMinute()

    /// Counts every change that reaches the overview (rows put in place, a grid judged
    /// differently), so a poller can tell a new overview from the same one at a later instant.
    public var revision: Int { updates + judgements.changes }

    public init(data: CentreData, now: Date, calendar: Calendar, callTimeout: TimeInterval = Call.defaultTimeout) {
        // the Party chain is indexed with the rest below, not on the way to them
        let base = TerritoryIndex(data)
        let month = Self.month(of: now, calendar: calendar)
        self.month = month
        self.calendar = calendar
        self.callTimeout = callTimeout
        // the open tickets, the outcomes, the people, the Party chain and the ledgers are
        // indexed at the same time, over the cores (the longest first)
        let jobs: [@Sendable () -> IndexPart] = [
            { .party(PartyIndex(organisations: data.partyOrganisations, members: data.partyMembers)) },
            { .open(OpenTicketIndex(data.tickets, territory: base)) },
            { .staff(StaffRoster(data.staff, territory: base)) },
            { .ledgers(Ledgers(data, month: month, territory: base)) },
            { .outcomes(OutcomeLedger(tickets: data.tickets, closed: data.outcomes)) },
        ]
        var open = OpenTicketIndex(grids: base.grids.count), ledger = OutcomeLedger()
        var people = StaffRoster([], territory: base)
        var territory = base
        var ledgers: Ledgers?
        for part in Parallel.run(jobs) {
            switch part {
            case .open(let index): open = index
            case .outcomes(let index): ledger = index
            case .staff(let index): people = index
            case .party(let index): territory.party = index
            case .ledgers(let built): ledgers = built
            }
        }
        let built = ledgers ?? Ledgers(data, month: month, territory: base)
        self.territory = territory
        self.open = open
        self.ledger = ledger
        self.roster = people
        self.callLog = CallLog(data.calls, territory: territory) { Self.grid(of: $0, roster: people, territory: territory) }
        self.mustVisits = built.mustVisits
        self.joint = built.joint
        self.care = built.care
        self.clears = built.clears
        self.places = built.places
        self.judgements = built.judgements
        self.alarms = AlarmLedger(data.alarms)
        for handover in data.handovers { keep(handover) }
        // every standing alarm is out of step until its grid is first judged in alarm
        for (code, _) in alarms.standingByGrid { checkAlarm(ofGrid: code) }
    }

    /// One of the indexes built side by side.
    private enum IndexPart: Sendable {
        case open(OpenTicketIndex)
        case outcomes(OutcomeLedger)
        case staff(StaffRoster)
        case party(PartyIndex)
        case ledgers(Ledgers)
    }

    /// The ledgers that need the territory without its Party chain, built as one job.
    private struct Ledgers: Sendable {
        let mustVisits: MustVisitLedger
        let joint: JointLedger
        let care: CareLedger
        let clears: FourClearsLedger
        let places: KeyPlaceLedger
        let judgements: GridJudgements

        init(_ data: CentreData, month: DateInterval, territory: TerritoryIndex) {
            mustVisits = MustVisitLedger(households: data.households, visits: data.visits, month: month, territory: territory)
            joint = JointLedger(data.callIns)
            care = CareLedger(data.carePlans)
            clears = FourClearsLedger(data.fourClears, territory: territory)
            places = KeyPlaceLedger(places: data.keyPlaces, visits: data.placeVisits, month: month)
            judgements = GridJudgements(territory: territory)
        }
    }

    /// The calendar month around `date`.
    public static func month(of date: Date, calendar: Calendar) -> DateInterval {
        calendar.dateInterval(of: .month, for: date) ?? DateInterval(start: calendar.startOfDay(for: date), duration: 86_400)
    }

    // MARK: The overview at an instant

    /// Brings every grid up to `now` (those whose facts changed, and those whose time-driven
    /// rules came due) and returns the overview.
    public mutating func overview(at now: Date) -> Overview {
        let local = localMinute.at(now, calendar: calendar)
        let context = statusContext(at: now, local: local)
        let (territory, open, roster, callLog, mustVisits, joint, care, clears, places) = (territory, open, roster, callLog, mustVisits, joint, care, clears, places)
        judgements.bringUp(to: context, territory: territory) { g in
            let tickets = open.tickets(ofGrid: g)
            let known = clears.completeness(g, at: now)
            let code = territory.grids[g].code
            // the must-visits: the households due and the grid's key places (六必访)
            return GridFacts(
                staff: roster.staff(ofGrid: g), openTickets: tickets, calls: callLog.calls(ofGrid: g),
                hazards: territory.hazardsByGrid[code] ?? [], mustVisitDue: mustVisits.dueByGrid[g] + places.due(ofGrid: code),
                mustVisitDone: mustVisits.doneByGrid[g] + places.done(ofGrid: code), partyBranchVacant: territory.party.branchVacant(grid: code),
                pendingCallIns: joint.waiting.isEmpty ? [] : tickets.flatMap { joint.pending(ofTicket: $0.id) },
                careServices: care.isEmpty ? [] : care.runningServices(ofGrid: code), clear: known.clear,
                households: known.total, clearsNextExpiry: clears.nextExpiry(g, after: now))
        }
        for code in judgements.takeAlarmMoves() { checkAlarm(ofGrid: code) }
        // nothing older than the longest window (30 days of ratings) is kept
        ledger.drop(before: now.addingTimeInterval(-31 * 86_400))
        alarms.drop(closedBefore: now.addingTimeInterval(-Alarm.keptFor))

        var figures = Overview.Figures()
        figures.grids = territory.grids.count
        figures.alarm = judgements.total.alarm
        figures.attention = judgements.total.attention
        figures.openTickets = open.count
        figures.overdue = open.overdue(at: now)
        figures.resolvedToday = ledger.resolved.since(local.startOfDay).count
        let accepted = ledger.acceptances.since(now.addingTimeInterval(-86_400))
        figures.averageAcceptMinutes = accepted.count > 0 ? accepted.sum / Double(accepted.count) : nil
        let rated = ledger.ratings.since(now.addingTimeInterval(-30 * 86_400))
        figures.ratings = rated.count
        figures.satisfaction = rated.count > 0 ? rated.sum / Double(rated.count) : nil
        figures.staffWorking = roster.working
        figures.staffTotal = roster.total
        figures.mustVisitDue = mustVisits.due + places.due
        figures.mustVisitDone = mustVisits.done + places.done
        figures.escalated = open.escalated
        figures.callInsPending = joint.pendingCount
        figures.callInsLate = joint.pendingCount > 0 ? joint.late(at: now) : 0
        figures.careMissed = care.isEmpty ? 0 : care.missed(at: now)
        (figures.clearHouseholds, figures.households) = clears.all(at: now)
        var overview = Overview(
            territory: territory, grids: judgements.summaries, alarmsOutOfStep: alarmsOutOfStep, communityTallies: judgements.communityTallies,
            streetTallies: judgements.streetTallies, openTickets: open.sorted, roster: roster,
            mustVisitByGrid: mustVisits.byGrid, visitsByHousehold: mustVisits.visitsByHousehold, monthStart: month.start,
            figures: figures, joint: joint, care: care, clears: clears, places: places, alarms: alarms, calls: callLog.all.map { Overview.CallSummary(call: $0, state: $0.state(at: now, timeout: callTimeout)) },
            now: now)
        overview.handovers = handovers
        return overview
    }

    func statusContext(at now: Date, local: (minuteOfDay: Int, startOfDay: Date)) -> StatusContext {
        let (minuteOfDay, startOfDay) = local
        return StatusContext(
            now: now, minuteOfDay: minuteOfDay, dutyHours: territory.centre.dutyHours,
            monthElapsed: now.timeIntervalSince(month.start) / max(month.duration, 1), callTimeout: callTimeout,
            categories: territory.categories, month: month, nextDutyBoundary: nextDutyBoundary(after: now, startOfDay: startOfDay))
    }

    /// The next start or end of duty hours after `now` (at a minute's start, local time).
    func nextDutyBoundary(after now: Date, startOfDay: Date) -> Date {
        let bounds = [territory.centre.dutyHours.lowerBound, territory.centre.dutyHours.upperBound]
        let candidates = bounds.map { startOfDay.addingTimeInterval(TimeInterval($0 * 60)) }
            + bounds.map { startOfDay.addingTimeInterval(TimeInterval(($0 + 24 * 60) * 60)) }
        return candidates.filter { $0 > now }.min() ?? now.addingTimeInterval(86_400)
    }

    // MARK: Changes

    /// Puts fresh rows of tickets in place (new, moved on, or closed).
    public mutating func update(tickets: [Ticket]) {
        guard !tickets.isEmpty else { return }
        updates += 1
        for ticket in tickets { ledger.apply(ticket) }
        judgements.markDirty(open.apply(tickets, territory: territory))
    }

    /// Puts fresh rows of staff in place (duty changes, imports).
    public mutating func update(staff: [Staff]) {
        guard !staff.isEmpty else { return }
        updates += 1
        judgements.markDirty(roster.apply(staff, territory: territory))
    }

    /// Puts fresh rows of calls in place.
    public mutating func update(calls fresh: [Call]) {
        guard !fresh.isEmpty else { return }
        updates += 1
        let (roster, territory) = (roster, territory)
        judgements.markDirty(callLog.apply(fresh) { Self.grid(of: $0, roster: roster, territory: territory) })
    }

    /// Puts fresh rows of call-ins in place (requested, answered, withdrawn).
    public mutating func update(callIns: [CallIn]) {
        guard !callIns.isEmpty else { return }
        updates += 1
        let tickets = joint.apply(callIns)
        judgements.markDirty(tickets.compactMap { open.grid(ofTicket: $0, territory: territory) })
    }

    /// Puts fresh care plans in place (ordered, moved on, a service given).
    public mutating func update(carePlans: [CarePlan]) {
        guard !carePlans.isEmpty else { return }
        updates += 1
        let territory = territory
        judgements.markDirty(care.apply(carePlans).compactMap { territory.grid($0) })
    }

    /// Alarms raised, acknowledged, cleared or escalated since.
    /// Handovers made: each desk keeps its latest.
    public mutating func update(handovers made: [Handover]) {
        guard !made.isEmpty else { return }
        updates += 1
        for handover in made { keep(handover) }
    }

    private mutating func keep(_ handover: Handover) {
        if let known = handovers[handover.desk], (known.at, known.id) > (handover.at, handover.id) { return }
        handovers[handover.desk] = handover
    }

    public mutating func update(alarms changed: [Alarm]) {
        guard !changed.isEmpty else { return }
        updates += 1
        for code in alarms.apply(changed) { checkAlarm(ofGrid: code) }
    }

    /// Whether a grid's standing alarm agrees with its judgement (an alarm exactly while it is
    /// in alarm): asked when either moves, so the alarm desk looks at a few grids, not a city's.
    private mutating func checkAlarm(ofGrid code: String) {
        if judgements.inAlarm.contains(code) != (alarms.standing(ofGrid: code) != nil) {
            alarmsOutOfStep.insert(code)
        } else {
            alarmsOutOfStep.remove(code)
        }
    }

    /// Adds visits to key places made since.
    public mutating func update(placeVisits: [PlaceVisit]) {
        guard !placeVisits.isEmpty else { return }
        updates += 1
        let territory = territory
        judgements.markDirty(places.apply(placeVisits, month: month).compactMap { territory.grid($0) })
    }

    /// Households' 四清 confirmed: each clear until a new instant.
    public mutating func update(fourClears moves: [FourClearsMove]) {
        for move in moves {
            guard let g = territory.grid(move.gridCode) else { continue }
            updates += 1
            clears.move(grid: g, from: move.from, to: move.to)
            judgements.markDirty([g])
        }
    }

    /// Adds must-visits logged since (visits are never changed once logged).
    public mutating func update(visits: [Visit]) {
        guard !visits.isEmpty else { return }
        updates += 1
        judgements.markDirty(mustVisits.apply(visits, month: month, territory: territory))
    }

    /// The grid a call is about: the one it was placed for, else the person's.
    private static func grid(of call: Call, roster: StaffRoster, territory: TerritoryIndex) -> Int? {
        let code = call.gridCode ?? roster.location[call.staffID]
        return code.flatMap { territory.grid($0) }
    }
}
