import Foundation

/// Who a care plan is for (个性化服务方案的服务对象).
public enum CareGroup: String, CaseIterable, Hashable, Sendable {
    /// 空巢老人
    case emptyNestElder = "empty_nest_elder"
    /// 残障人士
    case disability
    /// 困难家庭
    case familyInDifficulty = "family_in_difficulty"
    /// 留守儿童
    case leftBehindChild = "left_behind_child"
}

/// How often a recurring service is owed: `times` in each `period` (three meals a week, one
/// health check a month, a visit a day).
public struct CareCadence: Hashable, Sendable {
    public enum Period: String, CaseIterable, Hashable, Sendable {
        case day, week, month

        var days: Double {
            switch self {
            case .day: return 1
            case .week: return 7
            case .month: return 30
            }
        }
    }

    public var times: Int
    public var period: Period

    public init(times: Int, period: Period) {
        self.times = times
        self.period = period
    }

    /// The time between two services.
    public var interval: TimeInterval { period.days / Double(max(1, times)) * 86_400 }
    /// How long past its due time a service may come before it counts as missed: half an
    /// interval, at most a day.
    public var grace: TimeInterval { min(interval / 2, 86_400) }
}

/// One recurring service of a plan (a weekly visit, meals three times a week), with when it was
/// last given.
public struct CareService: Hashable, Sendable, Identifiable {
    public var id: String
    public var planID: String
    /// What is given (助餐, 上门探视, 健康检查 …), as the social work station words it.
    public var name: String
    public var cadence: CareCadence
    /// When it started to be owed, and when it was last given (nil: not yet).
    public var startedAt: Date
    public var lastDone: Date?

    public init(id: String, planID: String, name: String, cadence: CareCadence, startedAt: Date, lastDone: Date? = nil) {
        self.id = id
        self.planID = planID
        self.name = name
        self.cadence = cadence
        self.startedAt = startedAt
        self.lastDone = lastDone
    }

    /// When it is next owed.
    public var dueAt: Date { (lastDone ?? startedAt).addingTimeInterval(cadence.interval) }
    /// When it counts as missed.
    public var missedAt: Date { dueAt.addingTimeInterval(cadence.grace) }
    public func isDue(at now: Date) -> Bool { now >= dueAt }
    public func isMissed(at now: Date) -> Bool { now > missedAt }
}

/// 个性化服务方案 — a care plan for one person or household: its goal, its recurring services,
/// the professional social worker who carries it, and when it is reviewed. It runs the text's
/// own loop beside tickets: 群众点单 (ordered) → 社工站派单 (dispatched to a social worker) →
/// 专业社工接单 (accepted: its services are owed from then), until it is closed.
public struct CarePlan: Hashable, Sendable, Identifiable {
    public enum State: String, CaseIterable, Hashable, Sendable {
        case ordered, dispatched, accepted, closed

        /// Whether its services are owed now.
        public var isRunning: Bool { self == .accepted }
    }

    public var id: String
    public var householdID: String
    /// The household's grid (kept with the plan: the wall groups plans by grid).
    public var gridCode: String
    /// The person cared for (personal information: masked on the wall).
    public var person: String
    public var group: CareGroup
    public var goal: String
    public var state: State
    public var stateSince: Date
    public var orderedAt: Date
    /// The professional social worker, once dispatched.
    public var socialWorkerID: String?
    public var reviewOn: Date
    /// The care request ticket it grew from, if any.
    public var ticketID: String?
    /// Why it was closed.
    public var closingNote: String?
    public var services: [CareService]

    public init(
        id: String, householdID: String, gridCode: String, person: String, group: CareGroup, goal: String, state: State,
        stateSince: Date, orderedAt: Date, socialWorkerID: String? = nil, reviewOn: Date, ticketID: String? = nil,
        closingNote: String? = nil, services: [CareService] = []
    ) {
        self.id = id
        self.householdID = householdID
        self.gridCode = gridCode
        self.person = person
        self.group = group
        self.goal = goal
        self.state = state
        self.stateSince = stateSince
        self.orderedAt = orderedAt
        self.socialWorkerID = socialWorkerID
        self.reviewOn = reviewOn
        self.ticketID = ticketID
        self.closingNote = closingNote
        self.services = services
    }

    /// Its services owed and missed at `now` (none unless it is running).
    public func missed(at now: Date) -> [CareService] { state.isRunning ? services.filter { $0.isMissed(at: now) } : [] }
    public func due(at now: Date) -> [CareService] { state.isRunning ? services.filter { $0.isDue(at: now) } : [] }
    public func isReviewOverdue(at now: Date) -> Bool { state != .closed && now > reviewOn }
}

/// Something done to a care plan.
public enum CarePlanAction: Hashable, Sendable {
    /// 社工站派单: the social work station gives it to a professional social worker.
    case dispatch(socialWorkerID: String)
    /// 专业社工接单: the social worker takes it; its services are owed from now.
    case accept(socialWorkerID: String)
    /// Reviewed: the next review date.
    case review(next: Date)
    case close(reason: String)

    public var verb: String {
        switch self {
        case .dispatch: return "dispatch"
        case .accept: return "accept"
        case .review: return "review"
        case .close: return "close"
        }
    }
}

/// A care plan action its state does not allow.
public struct CarePlanError: Error, Hashable, Sendable, CustomStringConvertible {
    public var planID: String
    public var reason: String

    public init(planID: String, reason: String) {
        self.planID = planID
        self.reason = reason
    }

    public var description: String { "care plan \(planID): \(reason)" }
}

extension CarePlan {
    /// The plan after `action` at `time`; refused when its state does not allow it.
    public func applying(_ action: CarePlanAction, at time: Date) throws(CarePlanError) -> CarePlan {
        var next = self
        switch action {
        case .dispatch(let worker):
            guard state == .ordered || state == .dispatched else { throw CarePlanError(planID: id, reason: "it is \(state.rawValue); only an ordered plan is dispatched") }
            next.socialWorkerID = worker
            next.state = .dispatched
        case .accept(let worker):
            guard state == .dispatched else { throw CarePlanError(planID: id, reason: "it is \(state.rawValue); only a dispatched plan is accepted") }
            guard worker == socialWorkerID else {
                throw CarePlanError(planID: id, reason: "it was dispatched to \(socialWorkerID ?? "nobody"), not \(worker)")
            }
            next.state = .accepted
            // services are owed from the day the social worker takes the plan
            next.services = services.map { service in
                var running = service
                if running.lastDone == nil { running.startedAt = time }
                return running
            }
        case .review(let date):
            guard state != .closed else { throw CarePlanError(planID: id, reason: "it is closed") }
            guard date > time else { throw CarePlanError(planID: id, reason: "the next review must be after now") }
            next.reviewOn = date
            return next
        case .close(let reason):
            guard state != .closed else { throw CarePlanError(planID: id, reason: "it is closed already") }
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw CarePlanError(planID: id, reason: "closing needs a reason") }
            next.closingNote = trimmed
            next.state = .closed
        }
        next.stateSince = time
        return next
    }
}
