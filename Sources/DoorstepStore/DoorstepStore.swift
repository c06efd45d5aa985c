import DoorstepDomain
import Foundation

/// A new resident order (居民点单).
public struct OrderRequest: Sendable {
    public var gridCode: String
    public var categoryCode: String
    public var title: String
    public var source: TicketSource
    public var priority: TicketPriority
    public var residentName: String
    public var residentPhone: String
    /// When the resident placed it, if earlier than now (a hotline backlog entered later).
    public var orderedAt: Date?
    /// The HTTP channel it came through (its API key's), if any.
    public var channel: String?

    public init(
        gridCode: String, categoryCode: String, title: String, source: TicketSource = .resident,
        priority: TicketPriority = .normal, residentName: String = "", residentPhone: String = "", orderedAt: Date? = nil
    ) {
        self.gridCode = gridCode
        self.categoryCode = categoryCode
        self.title = title
        self.source = source
        self.priority = priority
        self.residentName = residentName
        self.residentPhone = residentPhone
        self.orderedAt = orderedAt
    }
}

/// The one truth the three ends share, in three parts by who uses them: the change feed the
/// polling engine follows, the queries the other readers make, and the lifecycle commands the
/// three ends write with. SQLite today (`SQLiteStore`); a PostgreSQL store conforms to the same
/// protocols and passes the same conformance suite (`StoreConformanceTests`).
///
/// Every write is one short transaction that checks the current state *inside* it and appends
/// to the event log, so two processes racing on the same ticket cannot both succeed, and
/// every reader can follow what changed by sequence number.
public typealias DoorstepStore = ChangeFeed & StoreQueries & LifecycleCommands & OperatorDirectory & AlarmCommands

/// A grid's alarms (告警), each a transaction that checks the alarm's state inside it, so that
/// several walls watching the same grid raise, clear and escalate it once.
public protocol AlarmCommands: Sendable {
    /// Raises an alarm on a grid in alarm; nil when one already stands there (another wall
    /// raised it first).
    func raiseAlarm(gridCode: String, reasons: [String], at time: Date) throws -> Alarm?
    /// Takes standing alarms (认领), each recorded with who and when; those already taken or
    /// cleared are left as they are. Returns the ones taken now.
    func acknowledgeAlarms(ids: [String], by actor: String, at time: Date) throws -> [Alarm]
    /// Marks a standing alarm cleared (its grid left alarm); nil when it was not standing.
    func clearAlarm(id: String, at time: Date) throws -> Alarm?
    /// Marks an alarm escalated if it is still standing, untaken and not yet escalated, and
    /// raised at least `after` seconds ago; nil otherwise (another wall escalated it first).
    func escalateAlarm(id: String, after: TimeInterval, by actor: String, at time: Date) throws -> Alarm?
}

/// The operators who work the terminals and commands (操作员), each with a role and a scope.
/// While the directory is empty, nobody is checked (a data set without operators works as
/// before); once it holds anyone, every command and terminal must say which operator acts.
public protocol OperatorDirectory: Sendable {
    /// Every operator, in the order they were added.
    func operators() throws -> [Operator]
    /// Adds an operator, or changes the one with the same id; refused for a scope the role
    /// cannot hold or a community, grid or staff member the store does not hold.
    func add(operator: Operator, by actor: String, at time: Date) throws
    /// Removes an operator; returns who was removed.
    func removeOperator(id: String, by actor: String, at time: Date) throws -> Operator
    /// The same store with every write checked as done by operator `operatorID` (their role
    /// and scope, inside the write's transaction); a refusal is `StoreError.forbidden` and
    /// writes nothing.
    func checked(as operatorID: String) -> any DoorstepStore
}

/// What the polling engine reads: the working set once, then the event log and the rows its
/// events name.
public protocol ChangeFeed: Sendable {
    /// Everything the wall works with, as one consistent snapshot: the street, its people, and
    /// the open tickets with those closed in the month before `now` (older history stays in the store).
    func loadAll(at now: Date) throws -> CentreData
    /// The sequence number of the newest event (0 for none).
    func lastSequence() throws -> Int64
    /// Events after `sequence`, oldest first, at most `limit`.
    func events(after sequence: Int64, limit: Int) throws -> [ChangeEvent]
    /// Events, newest first, at most `limit`.
    func recentEvents(limit: Int) throws -> [ChangeEvent]
    func tickets(ids: [String]) throws -> [Ticket]
    func staff(ids: [String]) throws -> [Staff]
    func calls(ids: [String]) throws -> [Call]
    func visits(ids: [String]) throws -> [Visit]
    func callIns(ids: [String]) throws -> [CallIn]
    /// Care plans with their services.
    func carePlans(ids: [String]) throws -> [CarePlan]
    func placeVisits(ids: [String]) throws -> [PlaceVisit]
    func alarms(ids: [String]) throws -> [Alarm]
    /// 交接班: handovers by id (a store without handovers has none).
    func handovers(ids: [String]) throws -> [Handover]
    /// Events after `sequence` (oldest first, at most `limit`) with the rows they name as
    /// they are now; none when one of them means building afresh (`ChangeTargets.rebuild`).
    /// A store that can should read them together, in one read.
    func changes(after sequence: Int64, limit: Int) throws -> ChangeBatch
}

/// A page of the change feed and the rows its events name.
public struct ChangeBatch: Sendable {
    public var events: [ChangeEvent]
    public var tickets: [Ticket] = []
    public var staff: [Staff] = []
    public var calls: [Call] = []
    public var visits: [Visit] = []
    public var callIns: [CallIn] = []
    public var carePlans: [CarePlan] = []
    public var placeVisits: [PlaceVisit] = []
    public var alarms: [Alarm] = []
    /// The handovers the events name.
    public var handovers: [Handover] = []
    /// Households' 四清 confirmed (carried by the events themselves).
    public var clearsMoves: [FourClearsMove] = []
    /// One of the events replaced the territory or its people: build afresh (no rows are read).
    public var rebuild: Bool

    /// `events` with the rows they name, read by the functions given (none when they mean
    /// building afresh).
    public init(
        events: [ChangeEvent], tickets: ([String]) throws -> [Ticket], staff: ([String]) throws -> [Staff],
        calls: ([String]) throws -> [Call], visits: ([String]) throws -> [Visit], callIns: ([String]) throws -> [CallIn],
        carePlans: ([String]) throws -> [CarePlan], placeVisits: ([String]) throws -> [PlaceVisit],
        alarms: ([String]) throws -> [Alarm] = { _ in [] }, handovers: ([String]) throws -> [Handover] = { _ in [] }
    ) throws {
        self.events = events
        let targets = ChangeTargets(events)
        rebuild = targets.rebuild
        guard !rebuild else { return }
        self.tickets = try tickets(Array(targets.tickets))
        self.staff = try staff(Array(targets.staff))
        self.calls = try calls(Array(targets.calls))
        self.visits = try visits(Array(targets.visits))
        self.callIns = try callIns(Array(targets.callIns))
        self.carePlans = try carePlans(Array(targets.carePlans))
        self.placeVisits = try placeVisits(Array(targets.placeVisits))
        self.alarms = try alarms(Array(targets.alarms))
        self.clearsMoves = targets.clearsMoves
        self.handovers = targets.handovers.isEmpty ? [] : try handovers(Array(targets.handovers))
    }
}

extension ChangeFeed {
    public func handovers(ids: [String]) throws -> [Handover] { [] }

    /// The events, then the rows they name, each read on its own.
    public func changes(after sequence: Int64, limit: Int) throws -> ChangeBatch {
        try ChangeBatch(events: events(after: sequence, limit: limit), tickets: tickets(ids:), staff: staff(ids:), calls: calls(ids:),
                        visits: visits(ids:), callIns: callIns(ids:), carePlans: carePlans(ids:),
                        placeVisits: placeVisits(ids:), alarms: alarms(ids:), handovers: handovers(ids:))
    }
}

/// The past, for the 民情气象站, the reports and replay: every order placed since a time,
/// whatever became of it, in brief; and the event log between two instants.
public protocol OrderHistory: Sendable {
    /// Orders created at or after `start`, in no particular order.
    func orders(createdSince start: Date) throws -> [OrderFacts]
    /// The changes made at or after `start` and before `end`, in the order they were made
    /// (their sequence); at most `limit`, the earliest.
    func events(from start: Date, to end: Date, limit: Int) throws -> [ChangeEvent]
}

/// What the other readers ask: listings, a ticket's page, the simulator's choices.
public protocol StoreQueries: Sendable {
    /// Tickets newest first (by creation), only those in `state` when given, at most `limit`.
    func tickets(state: TicketState?, limit: Int) throws -> [Ticket]
    /// A ticket's history, oldest first: its order, then every transition.
    func history(of ticketID: String) throws -> [TicketHistoryEntry]
    /// Ticket categories by code (their SLAs).
    func loadCategories() throws -> [String: TicketCategory]
    /// Calls still stored as ringing (some may be missed by now).
    func ringingCalls() throws -> [Call]
    /// Every household of a grid, by building then id (the wall's working set holds only
    /// those due a must-visit; the live map needs them all).
    func households(ofGrid code: String) throws -> [Household]
    /// The grid of each household among `ids` the store holds (an import's check).
    func gridOfHouseholds(_ ids: [String]) throws -> [String: String]
    /// Call-ins newest first: a ticket's when `ticketID` is given, only pending ones when
    /// `pendingOnly`, at most `limit`.
    func callIns(ticketID: String?, pendingOnly: Bool, limit: Int) throws -> [CallIn]
    /// Care plans by id with their services: one grid's when `gridCode` is given, the closed
    /// ones too when `includeClosed`.
    func carePlans(gridCode: String?, includeClosed: Bool) throws -> [CarePlan]
}

/// 群众点单 of a care plan.
public struct CareOrder: Sendable {
    public var householdID: String
    /// The person cared for (empty: the household's head).
    public var person: String
    public var group: CareGroup
    public var goal: String
    public var reviewInDays: Int
    /// The care request ticket it grows from.
    public var ticketID: String?

    public init(householdID: String, person: String = "", group: CareGroup, goal: String, reviewInDays: Int = 90, ticketID: String? = nil) {
        self.householdID = householdID
        self.person = person
        self.group = group
        self.goal = goal
        self.reviewInDays = reviewInDays
        self.ticketID = ticketID
    }
}

/// What the three ends do: each a transaction that checks, writes and appends its event.
public protocol LifecycleCommands: Sendable {
    /// 点单: creates a ticket and returns it.
    func order(_ request: OrderRequest, by actor: String, at time: Date) throws -> Ticket
    /// 点单 in bulk (a hotline backlog, an import): every order checked and written in one
    /// transaction, one event each, all or none.
    func order(_ requests: [OrderRequest], by actor: String, at time: Date) throws -> [Ticket]
    /// 派单, 接单, 办结, 评价, 上交, 撤销: moves a ticket, checked against its state now. A
    /// resolution is refused while parties called in on the ticket are pending, unless
    /// `overriding` gives the reason to go ahead (they are then withdrawn with it); a
    /// cancellation withdraws them with its reason.
    func act(on ticketID: String, _ action: TicketAction, by actor: String, at time: Date, overriding: String?) throws -> Ticket
    /// 联动: calls parties in on an open ticket, one call-in each, due in `hours` (each party's
    /// department's answer hours when nil); refused for a party already pending on it.
    func callIn(ticketID: String, responderIDs: [String], hours: Int?, by actor: String, at time: Date) throws -> [CallIn]
    /// 交接班: the actor hands their desk to operator `to`, with a note and what it inherits.
    func recordHandover(to: String, note: String, inherited: HandoverSummary, by actor: String, at time: Date) throws -> Handover
    /// A called party's answer (arrived, handled, declined) or the street's withdrawal.
    func answer(callInID: String, _ answer: CallInAnswer, by actor: String, at time: Date) throws -> CallIn
    func setDuty(staffID: String, _ duty: DutyState, by actor: String, at time: Date) throws -> Staff
    func logVisit(householdID: String, staffID: String, at time: Date) throws -> Visit
    /// 重点场所必访: a visit to a key place, with what the worker found.
    func logPlaceVisit(placeCode: String, staffID: String, note: String?, at time: Date) throws -> PlaceVisit
    /// 一键直呼: one call per person, all placed in one transaction.
    func placeCalls(to staffIDs: [String], gridCode: String?, by actor: String, at time: Date) throws -> [Call]
    /// Marks a missed call escalated and places the next calls of the chain, in one
    /// transaction; refused (`StoreError.call`) unless the call is missed now, so two walls
    /// supervising the same calls escalate it once.
    func escalate(callID: String, to staffIDs: [String], timeout: TimeInterval, by actor: String, at time: Date) throws -> [Call]
    /// Answers (or declines) a ringing call.
    func acknowledge(callID: String, staffID: String, accept: Bool, timeout: TimeInterval, at time: Date) throws -> Call
    /// Records what the phone system said of a call: answered or declined by the person called
    /// (as `acknowledge`, with how), failed (by the phone system: escalated at once), a key
    /// pressed (an event, the call unchanged). Refused (`StoreError.call`) unless the call is
    /// ringing, or answered for a key.
    func recordPhone(_ answer: PhoneAnswer, callID: String, timeout: TimeInterval, at time: Date) throws -> Call
    /// Records that `actor` was shown a resident's masked details (of a ticket or household):
    /// it changes no data but must be accountable, so it is written before anything is shown.
    func recordReveal(of subject: String, by actor: String, at time: Date) throws
    /// Adds or updates households (by id); returns how many rows were written.
    func upsert(households: [Household], source: String, at time: Date) throws -> Int
    /// Adds or updates staff (by id); returns how many rows were written.
    func upsert(staff: [Staff], source: String, at time: Date) throws -> Int
    /// Adds or updates Party members (by id), each in an organisation the store holds and,
    /// when they also hold a grid post, naming a staff member it holds; returns how many rows
    /// were written.
    func upsert(partyMembers: [PartyMember], source: String, at time: Date) throws -> Int
    /// 四清: confirms the facets given (each with what is recorded now) for a household; returns
    /// its four clears.
    func confirmClears(householdID: String, _ notes: [FourClears.Facet: String], by actor: String, at time: Date) throws -> FourClears
    /// 群众点单 of a care plan for a household (or a care ticket become a plan).
    func orderCare(_ request: CareOrder, by actor: String, at time: Date) throws -> CarePlan
    /// 社工站派单 (to a professional social worker), 专业社工接单, a review, closing.
    func act(onPlan planID: String, _ action: CarePlanAction, by actor: String, at time: Date) throws -> CarePlan
    /// Adds a recurring service to a plan not closed.
    func addService(planID: String, name: String, cadence: CareCadence, by actor: String, at time: Date) throws -> CareService
    /// A service given, by whom; refused unless its plan is running.
    func serviceDone(serviceID: String, staffID: String, note: String?, at time: Date) throws -> CareService
    /// Adds or updates care plans with their services (by id), each for a household the store
    /// holds; returns how many plans were written.
    func upsert(carePlans: [CarePlan], source: String, at time: Date) throws -> Int
    /// Adds or updates outside parties (by id), each in a department the store holds; returns
    /// how many rows were written.
    func upsert(responders: [Responder], source: String, at time: Date) throws -> Int
}

extension LifecycleCommands {
    /// Moves a ticket with no override.
    public func act(on ticketID: String, _ action: TicketAction, by actor: String, at time: Date) throws -> Ticket {
        try act(on: ticketID, action, by: actor, at: time, overriding: nil)
    }
}

/// Loading whole data sets: `doorstep init`, the synthetic scales and the bench. Not a path the
/// three ends write through (no checks of state, one event for the whole load at most).
public protocol BulkLoading: Sendable {
    /// Replaces the whole content with `data`.
    func replaceAll(with data: CentreData, at time: Date) throws
    /// Appends tickets in one transaction without events (after `replaceAll`, building a data set).
    func appendTickets(_ tickets: [Ticket]) throws
    /// Appends call-ins in one transaction without events (after their tickets).
    func appendCallIns(_ callIns: [CallIn]) throws
}
