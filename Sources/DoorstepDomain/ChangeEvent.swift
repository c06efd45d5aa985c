import Foundation

/// One entry of the event log (变更记录): every change to the store appends one, and its
/// sequence number is the change feed the polling engine follows.
public struct ChangeEvent: Hashable, Sendable, Identifiable {
    public var sequence: Int64
    public var at: Date
    /// Who did it: a staff id, a system actor (`resident`, `dispatcher`, `operator`, `init`,
    /// `import`, `simulator` …) or a command-line user (`cli:NAME`).
    public var actor: String
    /// What changed, with its facts as values.
    public var change: Change
    /// The grid it happened in, as the store recorded it when it was written (nil for a change
    /// to the whole street — an import, an operator — and for events of versions before it was kept).
    public var gridCode: String?
    /// What the changed row held just before (a duty, a call-in's state, a ticket's standing),
    /// for a replay; nil for other changes and in events written before it was kept.
    public var prior: Prior?
    public var id: Int64 { sequence }

    public init(sequence: Int64, at: Date, actor: String, change: Change, gridCode: String? = nil, prior: Prior? = nil) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.change = change
        self.gridCode = gridCode
        self.prior = prior
    }

    public var kind: ChangeKind { change.kind }
    /// The id of what changed (a ticket, staff member, call, visit, street, or the file imported).
    public var subject: String { change.subject }
}

/// What a change did. Adding a case here does not compile until the store writes it, the
/// engine routes it and the screen labels it: every layer switches over it exhaustively.
public enum Change: Hashable, Sendable {
    /// The whole content was replaced from a data set (`doorstep init`).
    case initialised(centreCode: String, grids: Int)
    /// Households or staff were added or updated from a spreadsheet.
    case imported(ImportedList, source: String, rows: Int)
    /// A ticket moved along 点单 → 派单 → 接单 → 办结 → 评价, or out of the loop.
    case ticket(id: String, TicketChange)
    /// A person's duty changed (值守).
    case duty(staffID: String, DutyState)
    /// A must-visit was made (走访); the actor is the worker.
    case visit(visitID: String, householdID: String)
    /// A call was placed to a person (一键直呼).
    case callPlaced(callID: String, staffID: String)
    /// A call was answered or declined; the actor is the person called. `how` says more when
    /// the phone itself answered: "phone" for a SIP call picked up, the SIP reason for one
    /// declined ("486 Busy Here"); nil when the person answered by `doorstep ack` or a key.
    case callAnswered(callID: String, accepted: Bool, how: String? = nil)
    /// A call could not reach the person's phone (no such number, a refused connection), with
    /// the reason; it is escalated at once, as a missed call is after its timeout.
    case callFailed(callID: String, reason: String)
    /// The person pressed a key during the spoken message of an answered call (1 confirms).
    case callConfirmed(callID: String, key: String)
    /// A missed call was escalated to the next people of the chain.
    case callEscalated(callID: String, to: [String])
    /// A party was called in on a ticket for joint handling (联动).
    case callIn(id: String, ticketID: String, responderID: String)
    /// A party called in answered (arrived, handled, declined) or the street withdrew it.
    case callInAnswered(id: String, ticketID: String, CallInAnswer)
    /// A care plan was ordered, dispatched, accepted, reviewed or closed, or a service added to it.
    case carePlan(id: String, CarePlanChange)
    /// A service of a care plan was given; the actor is the social worker (or whoever gave it).
    case careServiceDone(serviceID: String, planID: String)
    /// A key place was visited (重点场所必访); the actor is the worker.
    case placeVisit(visitID: String, placeCode: String)
    /// A household's 四清 were confirmed: the grid it is in, and until when it was and is clear
    /// (nil: not clear).
    case fourClears(householdID: String, gridCode: String, from: Date?, to: Date?)
    /// A resident's masked details were shown to the actor (recorded before they are shown).
    case revealed(subject: String)
    /// A grid's alarm was raised, acknowledged, cleared or escalated.
    case alarm(id: String, gridCode: String, AlarmChange)
    /// An operator was added (or changed) with a role and a scope.
    case operatorAdded(id: String, role: OperatorRole, scope: OperatorScope)
    /// An operator was removed.
    case operatorRemoved(id: String)
    /// An API key was issued to a channel (热线、小程序 …) for the HTTP service.
    case keyIssued(id: String, channel: String)
    /// An API key or an operator's token was revoked.
    case keyRevoked(id: String)
    /// 交接班: the desk handed from one operator to another.
    case handover(id: String, from: String, to: String)
    /// A row this version cannot read (written by a newer one): kept and shown as stored.
    case unreadable(kind: String, subject: String, detail: String)

    public var kind: ChangeKind {
        switch self {
        case .initialised: return .initialised
        case .imported(.households, _, _): return .importedHouseholds
        case .imported(.staff, _, _): return .importedStaff
        case .imported(.partyMembers, _, _): return .importedPartyMembers
        case .imported(.responders, _, _): return .importedResponders
        case .imported(.carePlans, _, _): return .importedCarePlans
        case .ticket(_, let move):
            switch move {
            case .ordered: return .ticketOrdered
            case .dispatched: return .ticketDispatched
            case .accepted: return .ticketAccepted
            case .resolved: return .ticketResolved
            case .rated: return .ticketRated
            case .escalated: return .ticketEscalated
            case .cancelled: return .ticketCancelled
            }
        case .duty: return .duty
        case .visit: return .visit
        case .callPlaced: return .callPlaced
        case .callAnswered(_, let accepted, _): return accepted ? .callAnswered : .callDeclined
        case .callFailed: return .callFailed
        case .callConfirmed: return .callConfirmed
        case .callEscalated: return .callEscalated
        case .callIn: return .callInRequested
        case .callInAnswered(_, _, let answer):
            switch answer {
            case .arrived: return .callInArrived
            case .handled: return .callInHandled
            case .declined: return .callInDeclined
            case .withdrawn: return .callInWithdrawn
            }
        case .carePlan(_, let change):
            switch change {
            case .ordered: return .careOrdered
            case .dispatched: return .careDispatched
            case .accepted: return .careAccepted
            case .reviewed: return .careReviewed
            case .closed: return .careClosed
            case .serviceAdded: return .careServiceAdded
            }
        case .careServiceDone: return .careServiceDone
        case .fourClears: return .fourClears
        case .placeVisit: return .placeVisit
        case .revealed: return .privacyReveal
        case .operatorAdded: return .operatorAdded
        case .operatorRemoved: return .operatorRemoved
        case .keyIssued: return .keyIssued
        case .keyRevoked: return .keyRevoked
        case .handover: return .handover
        case .alarm(_, _, let change):
            switch change {
            case .raised: return .alarmRaised
            case .acknowledged: return .alarmAcknowledged
            case .cleared: return .alarmCleared
            case .escalated: return .alarmEscalated
            }
        case .unreadable: return .unreadable
        }
    }

    /// The id of what changed.
    public var subject: String {
        switch self {
        case .initialised(let centre, _): return centre
        case .imported(_, let source, _): return source
        case .ticket(let id, _): return id
        case .duty(let staff, _): return staff
        case .visit(let visit, _): return visit
        case .callPlaced(let call, _), .callAnswered(let call, _, _), .callEscalated(let call, _), .callFailed(let call, _),
             .callConfirmed(let call, _): return call
        case .callIn(let id, _, _), .callInAnswered(let id, _, _): return id
        case .carePlan(let id, _): return id
        case .careServiceDone(let service, _): return service
        case .fourClears(let household, _, _, _): return household
        case .placeVisit(let visit, _): return visit
        case .revealed(let subject): return subject
        case .operatorAdded(let id, _, _), .operatorRemoved(let id): return id
        case .keyIssued(let id, _), .keyRevoked(let id): return id
        case .handover(let id, _, _): return id
        case .alarm(let id, _, _): return id
        case .unreadable(_, let subject, _): return subject
        }
    }
}

/// Which list a spreadsheet import brought.
public enum ImportedList: String, Hashable, Sendable {
    case households, staff
    case partyMembers = "party_members"
    case responders
    case carePlans = "care_plans"
}

/// How a ticket moved, with what the move carried.
public enum TicketChange: Hashable, Sendable {
    case ordered(title: String)
    case dispatched(gridCode: String, assigneeID: String?)
    case accepted(staffID: String)
    case resolved(note: String)
    case rated(score: Int)
    case escalated
    case cancelled(reason: String)

    /// The change a ticket action records.
    public init(_ action: TicketAction) {
        switch action {
        case .dispatch(let grid, let assignee): self = .dispatched(gridCode: grid, assigneeID: assignee)
        case .accept(let staff): self = .accepted(staffID: staff)
        case .resolve(_, let note): self = .resolved(note: note)
        case .rate(let score): self = .rated(score: score)
        case .escalate: self = .escalated
        case .cancel(let reason): self = .cancelled(reason: reason)
        }
    }
}

/// How a care plan moved, with what the move carried.
public enum CarePlanChange: Hashable, Sendable {
    /// 群众点单: for a household.
    case ordered(householdID: String)
    /// 社工站派单: to a professional social worker.
    case dispatched(socialWorkerID: String)
    /// 专业社工接单
    case accepted(socialWorkerID: String)
    case reviewed(next: Date)
    case closed(reason: String)
    case serviceAdded(serviceID: String, name: String)

    /// The change a plan action records.
    public init(_ action: CarePlanAction) {
        switch action {
        case .dispatch(let worker): self = .dispatched(socialWorkerID: worker)
        case .accept(let worker): self = .accepted(socialWorkerID: worker)
        case .review(let next): self = .reviewed(next: next)
        case .close(let reason): self = .closed(reason: reason)
        }
    }
}

/// The kind of a change, as the event log spells it (the raw value is the stored `kind`).
public enum ChangeKind: String, CaseIterable, Hashable, Sendable {
    case initialised = "init"
    case importedHouseholds = "import.households"
    case importedStaff = "import.staff"
    case importedPartyMembers = "import.party_members"
    case importedResponders = "import.responders"
    case importedCarePlans = "import.care_plans"
    case ticketOrdered = "ticket.ordered"
    case ticketDispatched = "ticket.dispatch"
    case ticketAccepted = "ticket.accept"
    case ticketResolved = "ticket.resolve"
    case ticketRated = "ticket.rate"
    case ticketEscalated = "ticket.escalate"
    case ticketCancelled = "ticket.cancel"
    case duty = "duty"
    case visit = "visit"
    case callPlaced = "call.placed"
    case callAnswered = "call.answered"
    case callDeclined = "call.declined"
    case callFailed = "call.failed"
    case callConfirmed = "call.confirmed"
    case callEscalated = "call.escalated"
    case callInRequested = "callin.requested"
    case callInArrived = "callin.arrived"
    case callInHandled = "callin.handled"
    case callInDeclined = "callin.declined"
    case callInWithdrawn = "callin.withdrawn"
    case careOrdered = "care.ordered"
    case careDispatched = "care.dispatch"
    case careAccepted = "care.accept"
    case careReviewed = "care.review"
    case careClosed = "care.close"
    case careServiceAdded = "care.service_added"
    case careServiceDone = "care.service_done"
    case fourClears = "household.clears"
    case placeVisit = "place.visit"
    case privacyReveal = "privacy.reveal"
    case operatorAdded = "operator.add"
    case alarmRaised = "alarm.raise"
    case alarmAcknowledged = "alarm.ack"
    case alarmCleared = "alarm.clear"
    case alarmEscalated = "alarm.escalate"
    case operatorRemoved = "operator.remove"
    case keyIssued = "key.issue"
    case keyRevoked = "key.revoke"
    case handover = "handover"
    /// Not stored under this name: a row whose kind this version does not know.
    case unreadable = "unreadable"
}

/// What happened to an alarm.
public enum AlarmChange: Hashable, Sendable {
    /// Raised, with its reasons' codes.
    case raised(reasons: [String])
    /// Taken by the actor (认领).
    case acknowledged
    /// The grid left alarm by itself.
    case cleared
    /// Left unacknowledged past its time: sent up the chain.
    case escalated
}
