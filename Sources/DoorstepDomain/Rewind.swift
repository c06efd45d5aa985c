import Foundation

/// 回放: the store's rows as they stood at an instant, rebuilt from the rows as they are now
/// and the event log around them. Pure: a replay reads the rows and the log, and this says
/// what each row was at `instant` (nil: it did not exist yet).
///
/// How each kind is rewound:
/// - a ticket: put back through the standing each later move kept (`Prior.ticket`), newest
///   first; where a move has none (a log written before they were kept), its history (the
///   order, then every transition) is folded up to the instant through the same `applying` the
///   store writes with;
/// - a person's duty: the last duty change at or before the instant, else what the first later
///   change says it was before (`Prior.duty`), else as it is now;
/// - calls, alarms, visits, key-place visits, handovers: their own times (a call answered,
///   declined or escalated later was ringing; an alarm acknowledged or cleared later was not);
/// - a call-in or a care plan changed later: its answers or moves in the log up to the instant,
///   else what the first later one says it was before (`Prior.callIn`, `Prior.serviceLastDone`).
///
/// Not rewound: the territory, households and their 四清, hazards, operators (the log does
/// not hold what they were), and a desk's handover before its latest one (a desk whose latest
/// handover is later shows none).
public struct Rewind: Sendable {
    public let instant: Date
    /// The log's events by subject, oldest first.
    private let bySubject: [String: [ChangeEvent]]

    /// `log`: the events from some time before `instant` (a month covers the wall's working
    /// set) to the newest, oldest first.
    public init(instant: Date, log: [ChangeEvent]) {
        self.instant = instant
        self.bySubject = Dictionary(grouping: log, by: \.subject)
    }

    private init(instant: Date, bySubject: [String: [ChangeEvent]]) {
        self.instant = instant
        self.bySubject = bySubject
    }

    /// The same log, at another instant.
    public func at(_ instant: Date) -> Rewind { Rewind(instant: instant, bySubject: bySubject) }

    /// The events about `subject` (oldest first).
    public func events(of subject: String) -> [ChangeEvent] { bySubject[subject] ?? [] }

    /// True when `subject` changed after the instant (its row today is not its row then).
    public func changedLater(_ subject: String) -> Bool { events(of: subject).contains { $0.at > instant } }

    // MARK: Tickets

    /// The ticket as it stood, from its row today and the later moves' standings, else its
    /// history (oldest first; read only when needed).
    public func ticket(_ now: Ticket, history: () throws -> [TicketHistoryEntry]) rethrows -> Ticket? {
        guard now.createdAt <= instant else { return nil }
        var back = now
        for event in laterMoves(of: now.id).reversed() {
            guard case .ticket(let standing)? = event.prior else { return fold(now, history: try history()) }
            back = standing.applied(to: back)
        }
        return back
    }

    /// A ticket's moves after the instant (not its order), oldest first.
    private func laterMoves(of id: String) -> [ChangeEvent] {
        events(of: id).filter { event in
            guard event.at > instant, case .ticket(_, let move) = event.change else { return false }
            if case .ordered = move { return false }
            return true
        }
    }

    /// The ticket folded from its order through its history up to the instant.
    func fold(_ now: Ticket, history: [TicketHistoryEntry]) -> Ticket {
        var ticket = now
        ticket.state = .ordered
        ticket.stateSince = now.createdAt
        ticket.assigneeID = nil
        ticket.resolutionNote = nil
        ticket.rating = nil
        ticket.dispatchedAt = nil
        ticket.acceptedAt = nil
        // the grid it was ordered in: its first dispatch's "from" is not kept, so the grid today
        // stands until a dispatch up to the instant says otherwise
        for entry in history where entry.from != nil && entry.at <= instant {
            guard let action = Self.action(entry, resolver: now.assigneeID) else { continue }
            // (a history the rules refuse is the store's to explain; its state is taken as written)
            if let (next, _) = try? ticket.applying(action, by: entry.actor, at: entry.at) {
                ticket = next
            } else {
                ticket.state = entry.to
                ticket.stateSince = entry.at
            }
        }
        return ticket
    }

    /// The action that made a history entry. A resolution's worker is not in the entry: only
    /// a rating can follow one, so the assignee today is the resolver.
    private static func action(_ entry: TicketHistoryEntry, resolver: String?) -> TicketAction? {
        switch entry.change {
        case .ordered: return nil
        case .dispatched(let grid, let assignee): return .dispatch(gridCode: grid, assigneeID: assignee)
        case .accepted(let staff): return .accept(staffID: staff)
        case .resolved(let note): return .resolve(staffID: resolver ?? entry.actor, note: note.isEmpty ? "-" : note)
        case .rated(let score): return .rate(score: score)
        case .escalated: return .escalate
        case .cancelled(let reason): return .cancel(reason: reason)
        }
    }

    /// An order in brief as it stood: nil when placed later; else as the standing before its
    /// first later move says (without one: its times up to the instant, no rating given later).
    public func order(_ facts: OrderFacts) -> OrderFacts? {
        guard facts.createdAt <= instant else { return nil }
        var order = facts
        let later = facts.ticketID.map(laterMoves) ?? []
        guard let first = later.first else { return order }
        if case .ticket(let standing)? = first.prior {
            order.gridCode = standing.gridCode
            order.dispatchedAt = standing.dispatchedAt
            order.acceptedAt = standing.acceptedAt
            order.rating = standing.state == .rated ? standing.rating : nil
            return order
        }
        if let at = order.dispatchedAt, at > instant { order.dispatchedAt = nil }
        if let at = order.acceptedAt, at > instant { order.acceptedAt = nil }
        if later.contains(where: { $0.kind == .ticketRated }) { order.rating = nil }
        return order
    }

    // MARK: People

    /// The person with their duty as it stood.
    public func staff(_ now: Staff) -> Staff {
        var person = now
        let changes = events(of: now.id).compactMap { event -> (Date, DutyState, DutyState?)? in
            guard case .duty(_, let duty) = event.change else { return nil }
            if case .duty(let was)? = event.prior { return (event.at, duty, was) }
            return (event.at, duty, nil)
        }
        if let last = changes.last(where: { $0.0 <= instant }) {
            person.duty = last.1
        } else if let first = changes.first(where: { $0.0 > instant }), let was = first.2 {
            person.duty = was
        }
        return person
    }

    // MARK: Calls, alarms, visits

    public func call(_ now: Call) -> Call? {
        guard now.placedAt <= instant else { return nil }
        guard now.stateSince > instant else { return now }
        var call = now
        call.state = .ringing  // every other state is reached from ringing
        call.stateSince = now.placedAt
        return call
    }

    public func alarm(_ now: Alarm) -> Alarm? {
        guard now.raisedAt <= instant else { return nil }
        var alarm = now
        if let at = alarm.acknowledgedAt, at > instant {
            alarm.acknowledgedAt = nil
            alarm.acknowledgedBy = nil
        }
        if let at = alarm.clearedAt, at > instant { alarm.clearedAt = nil }
        if let at = alarm.escalatedAt, at > instant { alarm.escalatedAt = nil }
        return alarm
    }

    public func visit(_ visit: Visit) -> Visit? { visit.at <= instant ? visit : nil }

    public func placeVisit(_ visit: PlaceVisit) -> PlaceVisit? { visit.at <= instant ? visit : nil }

    public func handover(_ handover: Handover) -> Handover? { handover.at <= instant ? handover : nil }

    // MARK: Joint handling and care

    /// A call-in as it stood: its last answer up to the instant, else the state the first later
    /// answer came from (requested when the log does not say).
    public func callIn(_ now: CallIn) -> CallIn? {
        guard now.requestedAt <= instant else { return nil }
        guard now.stateSince > instant else { return now }
        var callIn = now
        let answers = events(of: now.id).compactMap { event -> (at: Date, answer: CallInAnswer, was: CallIn.State?)? in
            guard case .callInAnswered(_, _, let answer) = event.change else { return nil }
            if case .callIn(let was)? = event.prior { return (event.at, answer, was) }
            return (event.at, answer, nil)
        }
        if let last = answers.last(where: { $0.at <= instant }) {
            callIn.state = last.answer.state
            callIn.stateSince = last.at
            callIn.note = last.answer.note
        } else {
            // (an arrival's time is not kept on the row: an arrived call-in counts from its request)
            callIn.state = answers.first(where: { $0.at > instant })?.was ?? .requested
            callIn.stateSince = now.requestedAt
            callIn.note = nil
        }
        return callIn
    }

    /// A care plan as it stood: its moves up to the instant, its services begun by then and
    /// each one's last service given by then.
    public func carePlan(_ now: CarePlan) -> CarePlan? {
        guard now.orderedAt <= instant else { return nil }
        var plan = now
        if now.stateSince > instant {
            plan.state = .ordered
            plan.stateSince = now.orderedAt
            plan.socialWorkerID = nil
            plan.closingNote = nil
            for event in events(of: now.id) where event.at <= instant {
                guard case .carePlan(_, let change) = event.change else { continue }
                switch change {
                case .dispatched(let worker): (plan.state, plan.socialWorkerID, plan.stateSince) = (.dispatched, worker, event.at)
                case .accepted(let worker): (plan.state, plan.socialWorkerID, plan.stateSince) = (.accepted, worker, event.at)
                case .reviewed(let next): plan.reviewOn = next
                case .closed(let reason): (plan.state, plan.closingNote, plan.stateSince) = (.closed, reason, event.at)
                case .ordered, .serviceAdded: continue
                }
            }
        }
        plan.services = now.services.compactMap { service in
            guard service.startedAt <= instant else { return nil }
            guard let done = service.lastDone, done > instant else { return service }
            var earlier = service
            let given = events(of: service.id).filter { $0.kind == .careServiceDone }
            if let last = given.last(where: { $0.at <= instant }) {
                earlier.lastDone = last.at
            } else if case .serviceLastDone(let before)? = given.first(where: { $0.at > instant })?.prior {
                earlier.lastDone = before
            } else {
                earlier.lastDone = nil
            }
            return earlier
        }
        return plan
    }
}
