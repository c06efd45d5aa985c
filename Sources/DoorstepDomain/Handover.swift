import Foundation

/// 交接班: one shift handing the desk to the next — who to whom, when, a free note, and what
/// the incoming shift inherits, counted at that moment and kept with it.
public struct Handover: Hashable, Sendable {
    public var id: String
    public var at: Date
    /// The desk handed over: `street`, a community's code or a grid's code (the scope of the
    /// operator handing over, as `OperatorScope.code` writes it).
    public var desk: String
    /// The operator handing over, and the one taking the desk.
    public var fromOperator: String
    public var toOperator: String
    public var note: String
    public var inherited: HandoverSummary

    public init(id: String, at: Date, desk: String = "street", fromOperator: String, toOperator: String, note: String, inherited: HandoverSummary) {
        self.id = id
        self.at = at
        self.desk = desk
        self.fromOperator = fromOperator
        self.toOperator = toOperator
        self.note = note
        self.inherited = inherited
    }

    /// The longest note kept (a handover is a few sentences, not a document).
    public static let noteLimit = 2_000
}

/// What a shift hands on: the open work and what is behind, as counts with the worst cases
/// named — the same figures now and then, so the next shift sees what changed since.
public struct HandoverSummary: Hashable, Sendable, Codable {
    /// Open tickets, and those past their deadline (the most overdue named).
    public var openTickets = 0
    public var overdue = 0
    public var overdueTickets: [String] = []
    /// Calls that rang out unanswered (未接), in the grids that have them.
    public var missedCalls = 0
    /// Severe hazards (重大隐患) standing, and the grids with them.
    public var severeHazards = 0
    public var hazardGrids: [String] = []
    /// Joint cases waiting on a department (联动未响应): parties called in and not yet answered.
    public var jointWaiting = 0
    /// Must-visits (六必访) not yet made this month, and care services (关爱服务) missed.
    public var mustVisitsBehind = 0
    public var careMissed = 0
    /// Alarms nobody has taken.
    public var alarmsUntaken = 0
    /// Tickets sent up to the street and still open.
    public var escalated = 0

    public init() {}

    /// How many of the worst cases are named.
    public static let named = 10

    /// The summary of what `overview` shows at `now` — of the whole centre, or, for a desk
    /// narrower than the street, of the grids in `grids` alone.
    public init(_ overview: Overview, at now: Date, grids: Set<String>? = nil) {
        let figures = overview.figures
        func mine(_ grid: String) -> Bool { grids?.contains(grid) ?? true }
        let open = overview.openTickets.lazy.filter { mine($0.ticket.gridCode) }
        overdueTickets = Array(open.filter { ($0.secondsLeft(at: now) ?? 0) < 0 }.prefix(Self.named).map(\.id))
        var behindVisits = 0
        var missedCare = 0
        for summary in overview.grids where mine(summary.grid.code) {
            openTickets += summary.openTickets
            overdue += summary.overdue
            for reason in summary.assessment.reasons {
                switch reason {
                case .unansweredCalls(let n): missedCalls += n
                case .severeHazards(let n):
                    severeHazards += n
                    hazardGrids.append(summary.grid.code)
                case .mustVisitsBehind(let done, let due): behindVisits += max(0, due - done)
                case .careMissed(let n): missedCare += n
                default: break
                }
            }
            if let alarm = overview.alarms.standing(ofGrid: summary.grid.code), alarm.isNew { alarmsUntaken += 1 }
        }
        hazardGrids = Array(hazardGrids.prefix(Self.named))
        if grids == nil {
            // the centre's own figures where it keeps them (a grid's reasons show only what is behind enough to flag)
            escalated = figures.escalated
            jointWaiting = figures.callInsPending
            mustVisitsBehind = max(0, figures.mustVisitDue - figures.mustVisitDone)
            careMissed = figures.careMissed
            alarmsUntaken = overview.alarms.unacknowledgedCount
        } else {
            escalated = open.filter { $0.ticket.state == .escalated }.count
            jointWaiting = open.reduce(0) { $0 + overview.joint.pending(ofTicket: $1.id).count }
            mustVisitsBehind = behindVisits
            careMissed = missedCare
        }
    }

    /// Each figure with its value, in the order a handover lists them.
    public var figures: [(Figure, Int)] { Figure.allCases.map { ($0, self[$0]) } }

    /// One figure's value.
    public subscript(figure: Figure) -> Int {
        switch figure {
        case .openTickets: return openTickets
        case .overdue: return overdue
        case .escalated: return escalated
        case .missedCalls: return missedCalls
        case .severeHazards: return severeHazards
        case .jointWaiting: return jointWaiting
        case .mustVisitsBehind: return mustVisitsBehind
        case .careMissed: return careMissed
        case .alarmsUntaken: return alarmsUntaken
        }
    }

    public enum Figure: String, CaseIterable, Sendable {
        case openTickets = "open_tickets", overdue, escalated, missedCalls = "missed_calls", severeHazards = "severe_hazards"
        case jointWaiting = "joint_waiting", mustVisitsBehind = "must_visits_behind", careMissed = "care_missed"
        case alarmsUntaken = "alarms_untaken"
    }
}
