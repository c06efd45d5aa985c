import Foundation

/// A grid's state on the wall: the colour of its tile.
public enum GridStatus: String, CaseIterable, Hashable, Sendable, Comparable {
    case normal, attention, alarm

    private var rank: Int {
        switch self {
        case .normal: return 0
        case .attention: return 1
        case .alarm: return 2
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// Why a grid is not normal. Each reason carries the status it raises; the wall shows the
/// reasons so the screen reads without colour.
public enum StatusReason: Hashable, Sendable {
    /// Tickets past their stage deadline (alarm).
    case overdueTickets(Int)
    /// Calls to the grid's people still unanswered past the call timeout (alarm).
    case unansweredCalls(Int)
    /// Nobody of the grid's staff is working during duty hours (alarm).
    case nobodyOnDuty
    /// Severe hazards or disputes still open (alarm).
    case severeHazards(Int)
    /// Tickets close to their deadline, as `StatusRules.isNearDeadline` decides (attention).
    case nearDeadline(Int)
    /// Must-visits behind the month's pace: done so far and due this month (attention).
    case mustVisitsBehind(done: Int, due: Int)
    /// The grid lacks part of its 1+1+2+N (attention).
    case staffingIncomplete
    /// The grid has no Party branch, or its branch no secretary (attention; only where the
    /// data set has a Party chain).
    case partyBranchVacant
    /// Parties called in on the grid's tickets that have not answered at all by their deadline
    /// (联动部门未响应): a department not answering a joint case (alarm).
    case partiesNotAnswering(Int)
    /// Parties called in on the grid's tickets that arrived but are still at work past their
    /// deadline (attention).
    case callInsLate(Int)
    /// Services of the grid's care plans missed: past their due time and grace (attention).
    case careMissed(Int)
    /// Fewer than `FourClears.target` of the grid's households are clear (四清) (attention).
    case fourClearsBehind(clear: Int, total: Int)

    public var status: GridStatus {
        switch self {
        case .overdueTickets, .unansweredCalls, .nobodyOnDuty, .severeHazards, .partiesNotAnswering: return .alarm
        case .nearDeadline, .mustVisitsBehind, .staffingIncomplete, .partyBranchVacant, .callInsLate, .careMissed, .fourClearsBehind: return .attention
        }
    }

    /// A short machine-readable code (used in JSON and logs).
    public var code: String {
        switch self {
        case .overdueTickets: return "overdue"
        case .unansweredCalls: return "unanswered_call"
        case .nobodyOnDuty: return "nobody_on_duty"
        case .severeHazards: return "severe_hazard"
        case .nearDeadline: return "near_deadline"
        case .mustVisitsBehind: return "must_visits_behind"
        case .staffingIncomplete: return "staffing_incomplete"
        case .partyBranchVacant: return "party_branch_vacant"
        case .partiesNotAnswering: return "party_not_answering"
        case .callInsLate: return "call_in_late"
        case .careMissed: return "care_missed"
        case .fourClearsBehind: return "four_clears_behind"
        }
    }
}

/// A grid's evaluated status and every rule that fired, most severe first.
public struct GridAssessment: Hashable, Sendable {
    public var status: GridStatus
    public var reasons: [StatusReason]

    public init(reasons: [StatusReason]) {
        self.reasons = reasons.sorted { $0.status > $1.status }
        self.status = reasons.map(\.status).max() ?? .normal
    }
}

/// What the rules need to know about the moment they judge.
public struct StatusContext: Sendable {
    public var now: Date
    /// Local time of day, minutes after midnight (duty hours).
    public var minuteOfDay: Int
    public var dutyHours: Range<Int>
    /// How much of the calendar month has passed, 0…1 (must-visit pace).
    public var monthElapsed: Double
    public var callTimeout: TimeInterval
    public var categories: [String: TicketCategory]
    /// The calendar month `monthElapsed` measures (for `StatusRules.revisit`).
    public var month: DateInterval?
    /// The next instant duty hours start or end (for `StatusRules.revisit`).
    public var nextDutyBoundary: Date?

    public init(
        now: Date, minuteOfDay: Int, dutyHours: Range<Int>, monthElapsed: Double = 0,
        callTimeout: TimeInterval = Call.defaultTimeout, categories: [String: TicketCategory],
        month: DateInterval? = nil, nextDutyBoundary: Date? = nil
    ) {
        self.month = month
        self.nextDutyBoundary = nextDutyBoundary
        self.now = now
        self.minuteOfDay = minuteOfDay
        self.dutyHours = dutyHours
        self.monthElapsed = monthElapsed
        self.callTimeout = callTimeout
        self.categories = categories
    }
}

/// One grid's facts, gathered by whoever holds the data.
public struct GridFacts: Sendable {
    public var staff: [Staff]
    public var openTickets: [Ticket]
    public var calls: [Call]
    public var hazards: [Hazard]
    /// Households tagged with a must-visit kind, and how many of them were visited this month.
    public var mustVisitDue: Int
    public var mustVisitDone: Int
    /// The grid's link of the Party chain is missing (no branch, or no secretary).
    public var partyBranchVacant: Bool
    /// The call-ins still pending on the grid's open tickets.
    public var pendingCallIns: [CallIn]
    /// The services the grid's running care plans owe.
    public var careServices: [CareService]
    /// 四清: the grid's clear households and all its households now, and when the next clear
    /// one ages out.
    public var clear: Int
    public var households: Int
    public var clearsNextExpiry: Date?

    public init(staff: [Staff] = [], openTickets: [Ticket] = [], calls: [Call] = [], hazards: [Hazard] = [], mustVisitDue: Int = 0, mustVisitDone: Int = 0,
                partyBranchVacant: Bool = false, pendingCallIns: [CallIn] = [], careServices: [CareService] = [],
                clear: Int = 0, households: Int = 0, clearsNextExpiry: Date? = nil) {
        self.careServices = careServices
        self.clear = clear
        self.households = households
        self.clearsNextExpiry = clearsNextExpiry
        self.pendingCallIns = pendingCallIns
        self.partyBranchVacant = partyBranchVacant
        self.staff = staff
        self.openTickets = openTickets
        self.calls = calls
        self.hazards = hazards
        self.mustVisitDue = mustVisitDue
        self.mustVisitDone = mustVisitDone
    }
}

/// The grid status rules, in one place.
///
/// - **alarm** if a ticket is past its stage deadline, a call to the grid's people went
///   unanswered past the call timeout (until a later call to the grid is answered), nobody of the grid's staff is working during the
///   street's duty hours, or a severe hazard or dispute is open;
/// - **attention** if a ticket is near its deadline (the last fifth of its stage's
///   allowance, at most the last hour), must-visits are behind the month's pace (fewer done
///   than `mustVisitPace` of the share of the month gone by), or 1+1+2+N is incomplete
///   (fewer than 1 all-round social worker, 1 professional social worker, 2 Party-member
///   central households and 1 volunteer), or — where the data set has a Party chain — the
///   grid has no Party branch or its branch no secretary, or a party called in on one of its
///   tickets is still pending past its deadline, a service of one of its care plans is missed,
///   or fewer than four in five of its households are clear (四清);
/// - otherwise **normal**.
public enum StatusRules {
    /// The share of a stage's allowance that counts as "near the deadline"…
    public static let nearShare = 0.2
    /// …but never more than this long before it.
    public static let nearCap: TimeInterval = 60 * 60
    /// Must-visits are behind when fewer than this share of the month's pro-rata count is done.
    public static let mustVisitPace = 0.8

    /// True when `secondsLeft` (not yet negative) is within the last fifth of an allowance
    /// of `allowanceMinutes`, capped at the last hour.
    public static func isNearDeadline(secondsLeft: TimeInterval, allowanceMinutes: Int) -> Bool {
        secondsLeft >= 0 && secondsLeft <= min(Double(allowanceMinutes) * 60 * nearShare, nearCap)
    }

    /// True when `done` of `due` must-visits is behind the pace for `monthElapsed` of the month.
    public static func isBehindOnVisits(done: Int, due: Int, monthElapsed: Double) -> Bool {
        Double(done) < (Double(due) * min(max(monthElapsed, 0), 1) * mustVisitPace).rounded(.down)
    }

    /// Evaluates one grid from its facts.
    public static func assess(_ facts: GridFacts, in context: StatusContext) -> GridAssessment {
        var reasons: [StatusReason] = []
        var overdue = 0
        var near = 0
        for ticket in facts.openTickets where ticket.state.isOpen {
            let category = context.categories[ticket.categoryCode]
            guard let due = ticket.dueAt(category: category), let allowance = category?.allowance(for: ticket.state) else {
                continue
            }
            let left = due.timeIntervalSince(context.now)
            if left < 0 {
                overdue += 1
            } else if isNearDeadline(secondsLeft: left, allowanceMinutes: allowance) {
                near += 1
            }
        }
        if overdue > 0 { reasons.append(.overdueTickets(overdue)) }
        let missed = unansweredCalls(facts.calls, at: context.now, timeout: context.callTimeout)
        if missed > 0 { reasons.append(.unansweredCalls(missed)) }
        if context.dutyHours.contains(context.minuteOfDay), !facts.staff.contains(where: { $0.duty.isWorking }) {
            reasons.append(.nobodyOnDuty)
        }
        let severe = facts.hazards.filter { $0.status == .open && $0.severity == .severe }.count
        if severe > 0 { reasons.append(.severeHazards(severe)) }
        if near > 0 { reasons.append(.nearDeadline(near)) }
        if isBehindOnVisits(done: facts.mustVisitDone, due: facts.mustVisitDue, monthElapsed: context.monthElapsed) {
            reasons.append(.mustVisitsBehind(done: facts.mustVisitDone, due: facts.mustVisitDue))
        }
        if !isStaffingComplete(facts.staff) { reasons.append(.staffingIncomplete) }
        if facts.partyBranchVacant { reasons.append(.partyBranchVacant) }
        let late = facts.pendingCallIns.filter { $0.isLate(at: context.now) }
        let silent = late.filter { $0.state == .requested }.count
        if silent > 0 { reasons.append(.partiesNotAnswering(silent)) }
        if late.count > silent { reasons.append(.callInsLate(late.count - silent)) }
        let careMissed = facts.careServices.filter { $0.isMissed(at: context.now) }.count
        if careMissed > 0 { reasons.append(.careMissed(careMissed)) }
        if FourClears.isBehind(clear: facts.clear, total: facts.households) {
            reasons.append(.fourClearsBehind(clear: facts.clear, total: facts.households))
        }
        return GridAssessment(reasons: reasons)
    }

    /// Calls missed or failed (or either and escalated) with no later call to the same grid answered:
    /// a grid stays red until somebody there picks up.
    public static func unansweredCalls(_ calls: [Call], at now: Date, timeout: TimeInterval) -> Int {
        let lastAnswer = calls.filter { $0.state == .answered }.map(\.placedAt).max()
        return calls.filter { call in
            let state = call.state(at: now, timeout: timeout)
            guard state == .missed || state == .escalated || state == .failed else { return false }
            return lastAnswer.map { $0 < call.placedAt } ?? true
        }.count
    }

    /// True when `staff` (one grid's) holds the full 1+1+2+N.
    public static func isStaffingComplete(_ staff: [Staff]) -> Bool {
        var allRound = 0, professional = 0, party = 0, volunteers = 0
        for person in staff {
            switch person.role {
            case .allRoundSocialWorker: allRound += 1
            case .professionalSocialWorker: professional += 1
            case .partyCentralHousehold: party += 1
            case .volunteer: volunteers += 1
            default: break
            }
        }
        return allRound >= 1 && professional >= 1 && party >= 2 && volunteers >= 1
    }
}
