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
    /// Nobody of the grid's staff is working during duty hours (alarm).
    case nobodyOnDuty
    /// Tickets close to their deadline, as `StatusRules.isNearDeadline` decides (attention).
    case nearDeadline(Int)
    /// The grid lacks part of its 1+1+2+N (attention).
    case staffingIncomplete

    public var status: GridStatus {
        switch self {
        case .overdueTickets, .nobodyOnDuty: return .alarm
        case .nearDeadline, .staffingIncomplete: return .attention
        }
    }

    /// A short machine-readable code (used in JSON and logs).
    public var code: String {
        switch self {
        case .overdueTickets: return "overdue"
        case .nobodyOnDuty: return "nobody_on_duty"
        case .nearDeadline: return "near_deadline"
        case .staffingIncomplete: return "staffing_incomplete"
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

/// The grid status rules, in one place.
///
/// - **alarm** if a ticket is past its stage deadline, or nobody of the grid's staff is
///   working during the street's duty hours;
/// - **attention** if a ticket is near its deadline (the last fifth of its stage's
///   allowance, at most the last hour), or 1+1+2+N is
///   incomplete (fewer than 1 all-round social worker, 1 professional social worker,
///   2 Party-member central households and 1 volunteer);
/// - otherwise **normal**.
public enum StatusRules {
    /// The share of a stage's allowance that counts as "near the deadline"…
    public static let nearShare = 0.2
    /// …but never more than this long before it.
    public static let nearCap: TimeInterval = 60 * 60

    /// True when `secondsLeft` (not yet negative) is within the last fifth of an allowance
    /// of `allowanceMinutes`, capped at the last hour.
    public static func isNearDeadline(secondsLeft: TimeInterval, allowanceMinutes: Int) -> Bool {
        secondsLeft >= 0 && secondsLeft <= min(Double(allowanceMinutes) * 60 * nearShare, nearCap)
    }

    /// Evaluates one grid. `staff` and `tickets` may include other grids' rows; only the
    /// grid's own are counted. `minuteOfDay` is the local time used for duty hours.
    public static func assess(
        grid: Grid, staff: [Staff], tickets: [Ticket], categories: [String: TicketCategory],
        now: Date, minuteOfDay: Int, dutyHours: Range<Int>
    ) -> GridAssessment {
        var reasons: [StatusReason] = []
        var overdue = 0
        var near = 0
        for ticket in tickets where ticket.gridCode == grid.code && ticket.state.isOpen {
            let category = categories[ticket.categoryCode]
            guard let due = ticket.dueAt(category: category), let allowance = category?.allowance(for: ticket.state) else {
                continue
            }
            let left = due.timeIntervalSince(now)
            if left < 0 {
                overdue += 1
            } else if isNearDeadline(secondsLeft: left, allowanceMinutes: allowance) {
                near += 1
            }
        }
        if overdue > 0 { reasons.append(.overdueTickets(overdue)) }
        let own = staff.filter { $0.gridCode == grid.code }
        if dutyHours.contains(minuteOfDay), !own.contains(where: { $0.duty.isWorking }) {
            reasons.append(.nobodyOnDuty)
        }
        if near > 0 { reasons.append(.nearDeadline(near)) }
        if !isStaffingComplete(own) { reasons.append(.staffingIncomplete) }
        return GridAssessment(reasons: reasons)
    }

    /// True when `staff` (one grid's) holds the full 1+1+2+N.
    public static func isStaffingComplete(_ staff: [Staff]) -> Bool {
        func count(_ role: StaffRole) -> Int { staff.filter { $0.role == role }.count }
        return count(.allRoundSocialWorker) >= 1 && count(.professionalSocialWorker) >= 1
            && count(.partyCentralHousehold) >= 2 && count(.volunteer) >= 1
    }
}
