import DoorstepDomain
import Foundation

/// Care plans and their services (`care_plans.csv`, `care_services.csv`), checked against the
/// households, the staff and each other; a care plans list from a spreadsheet is read the same way.
enum CareRows {
    static let planColumns = ["id", "household", "person", "group", "goal", "state", "social_worker", "ordered_days_ago", "review_in_days"]
    static let serviceColumns = ["id", "plan", "name", "times", "per", "last_done_days_ago"]

    static func plans(_ rows: [CSVTable.Record], gridOfHousehold: [String: String], staff: [String: Staff], now: Date) throws -> [CarePlan] {
        var ids = Set<String>()
        return try rows.map { row in
            let id = try DataSet.unique(row, "id", in: &ids)
            let household = try row.required("household")
            guard let grid = gridOfHousehold[household] else {
                throw SeedError(file: row.file, line: row.line, "column 'household': no household '\(household)'")
            }
            let state = try row.choice("state", as: CarePlan.State.self)
            let worker = DataSet.nonEmpty(row.optional("social_worker"))
            if let worker {
                guard let person = staff[worker] else { throw SeedError(file: row.file, line: row.line, "column 'social_worker': no staff '\(worker)'") }
                guard person.role == .professionalSocialWorker else {
                    throw SeedError(file: row.file, line: row.line, "column 'social_worker': '\(worker)' is \(person.role.rawValue), not a professional social worker")
                }
            } else if state == .dispatched || state == .accepted {
                throw SeedError(file: row.file, line: row.line, "column 'social_worker': a plan once \(state.rawValue) names its social worker")
            }
            let ordered = try row.integer("ordered_days_ago")
            let review = try row.integer("review_in_days")
            guard ordered >= 0, (-366...366).contains(review) else {
                throw SeedError(file: row.file, line: row.line, "ordered_days_ago must not be negative and review_in_days be -366 to 366")
            }
            let orderedAt = now.addingTimeInterval(TimeInterval(-ordered) * 86_400)
            return CarePlan(
                id: id, householdID: household, gridCode: grid, person: try row.required("person"), group: try row.choice("group", as: CareGroup.self),
                goal: try row.required("goal"), state: state, stateSince: orderedAt, orderedAt: orderedAt, socialWorkerID: worker,
                reviewOn: now.addingTimeInterval(TimeInterval(review) * 86_400))
        }
    }

    /// `plans` with the services of `rows` attached.
    static func services(_ rows: [CSVTable.Record], plans: [CarePlan], now: Date) throws -> [CarePlan] {
        var byPlan: [String: [CareService]] = [:]
        let known = Dictionary(plans.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var ids = Set<String>()
        for row in rows {
            let id = try DataSet.unique(row, "id", in: &ids)
            let planID = try row.required("plan")
            guard let plan = known[planID] else { throw SeedError(file: row.file, line: row.line, "column 'plan': no care plan '\(planID)'") }
            let times = try row.integer("times")
            guard (1...31).contains(times) else { throw SeedError(file: row.file, line: row.line, "column 'times': \(times) is not 1 to 31") }
            let last = try DataSet.nonEmpty(row.optional("last_done_days_ago")).map { text -> Date in
                guard let days = Double(text), days >= 0 else {
                    throw SeedError(file: row.file, line: row.line, "column 'last_done_days_ago': '\(text)' is not a number of days")
                }
                return now.addingTimeInterval(-days * 86_400)
            }
            byPlan[planID, default: []].append(CareService(
                id: id, planID: planID, name: try row.required("name"),
                cadence: CareCadence(times: times, period: try row.choice("per", as: CareCadence.Period.self)), startedAt: plan.orderedAt, lastDone: last))
        }
        return plans.map { plan in
            var full = plan
            full.services = byPlan[plan.id] ?? []
            return full
        }
    }
}
