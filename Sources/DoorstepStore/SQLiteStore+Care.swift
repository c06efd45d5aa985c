import DoorstepDomain
import Foundation
import GRDB

/// Care plans (个性化服务方案): the 群众点单 → 社工站派单 → 专业社工接单 loop, their services and
/// each service given.
extension SQLStore {
    public func orderCare(_ request: CareOrder, by actor: String, at time: Date) throws -> CarePlan {
        let goal = request.goal.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !goal.isEmpty else { throw StoreError.invalid("a care plan needs a goal") }
        guard (1...366).contains(request.reviewInDays) else { throw StoreError.invalid("a review is 1 to 366 days away, not \(request.reviewInDays)") }
        return try write { db in
            guard let row = try db.row("SELECT grid, name FROM household WHERE id = ?", [request.householdID]) else {
                throw StoreError.notFound(kind: "household", id: request.householdID)
            }
            let fields = row
            let grid = try fields.text("grid", in: "household \(request.householdID)")
            try authorize(db, .careWork(grid: grid))
            if let ticket = request.ticketID { try Self.require(db, table: "ticket", key: "id", ticket, kind: "ticket") }
            let person = request.person.trimmingCharacters(in: .whitespacesAndNewlines)
            let plan = CarePlan(
                id: try Self.nextID(db, table: "care_plan", prefix: "P", digits: 5), householdID: request.householdID, gridCode: grid,
                person: person.isEmpty ? (fields.optionalText("name") ?? "") : person, group: request.group, goal: goal, state: .ordered,
                stateSince: time, orderedAt: time, reviewOn: time.addingTimeInterval(TimeInterval(request.reviewInDays) * 86_400),
                ticketID: request.ticketID)
            try Records.insert(plan, db)
            try Self.append(db, .carePlan(id: plan.id, .ordered(householdID: plan.householdID)), by: actor, at: time)
            return plan
        }
    }

    public func act(onPlan planID: String, _ action: CarePlanAction, by actor: String, at time: Date) throws -> CarePlan {
        try write { db in
            let plan = try Self.plan(db, planID)
            if case .accept = action {
                try authorize(db, .careWork(grid: plan.gridCode))
            } else {
                try authorize(db, .careManagement(grid: plan.gridCode))
            }
            if case .dispatch(let worker) = action {
                guard let role = try db.text("role", "SELECT role FROM staff WHERE id = ?", [worker]) else {
                    throw StoreError.notFound(kind: "staff", id: worker)
                }
                guard role == StaffRole.professionalSocialWorker.rawValue else {
                    throw StoreError.invalid("\(worker) is \(role), not a professional social worker (专业社工)")
                }
            }
            let next: CarePlan
            do {
                next = try plan.applying(action, at: time)
            } catch let refusal as CarePlanError {
                throw StoreError.invalid(refusal.description)
            }
            try Records.insert(next, db)
            for service in next.services where service != plan.services.first(where: { $0.id == service.id }) {
                try Records.insert(service, db)
            }
            try Self.append(db, .carePlan(id: planID, CarePlanChange(action)), by: actor, at: time)
            return next
        }
    }

    public func addService(planID: String, name: String, cadence: CareCadence, by actor: String, at time: Date) throws -> CareService {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreError.invalid("a service needs a name") }
        guard (1...31).contains(cadence.times) else { throw StoreError.invalid("a service is given 1 to 31 times a \(cadence.period.rawValue), not \(cadence.times)") }
        return try write { db in
            let plan = try Self.plan(db, planID)
            try authorize(db, .careManagement(grid: plan.gridCode))
            guard plan.state != .closed else { throw StoreError.invalid("care plan \(planID) is closed") }
            let service = CareService(id: try Self.nextID(db, table: "care_service", prefix: "V-", digits: 5), planID: planID, name: trimmed,
                                      cadence: cadence, startedAt: time)
            try Records.insert(service, db)
            try Self.append(db, .carePlan(id: planID, .serviceAdded(serviceID: service.id, name: trimmed)), by: actor, at: time)
            return service
        }
    }

    public func serviceDone(serviceID: String, staffID: String, note: String?, at time: Date) throws -> CareService {
        try write { db in
            guard let row = try db.row("SELECT * FROM care_service WHERE id = ?", [serviceID]) else {
                throw StoreError.notFound(kind: "care service", id: serviceID)
            }
            var service = try Records.careService(row)
            let before = service.lastDone
            let plan = try Self.plan(db, service.planID)
            try authorize(db, .careWork(grid: plan.gridCode))
            guard plan.state.isRunning else {
                throw StoreError.invalid("care plan \(plan.id) is \(plan.state.rawValue): its services are owed once its social worker accepts it")
            }
            try Self.require(db, table: "staff", key: "id", staffID, kind: "staff")
            service.lastDone = time
            try Records.insert(service, db)
            let record = try Self.nextID(db, table: "care_record", prefix: "CR", digits: 6)
            try db.execute("INSERT INTO care_record (id, service, staff, at, note) VALUES (?, ?, ?, ?, ?)",
                       [record, serviceID, staffID, time.timeIntervalSince1970, note.flatMap { $0.isEmpty ? nil : $0 }])
            try Self.append(db, .careServiceDone(serviceID: serviceID, planID: plan.id), prior: .serviceLastDone(before), by: staffID, at: time)
            return service
        }
    }

    public func upsert(carePlans: [CarePlan], source: String, at time: Date) throws -> Int {
        try write { db in
            try authorize(db, .importData)
            try Self.requireAll(db, table: "household", key: "id", carePlans.map(\.householdID), kind: "household")
            try Self.requireAll(db, table: "staff", key: "id", carePlans.compactMap(\.socialWorkerID), kind: "staff")
            for var plan in carePlans {
                // the grid is the household's, whatever the sheet said
                plan.gridCode = try db.text("grid", "SELECT grid FROM household WHERE id = ?", [plan.householdID]) ?? plan.gridCode
                try Records.insert(plan, db)
                for service in plan.services { try Records.insert(service, db) }
            }
            try Self.append(db, .imported(.carePlans, source: source, rows: carePlans.count), by: "import", at: time)
            return carePlans.count
        }
    }

    public func carePlans(ids: [String]) throws -> [CarePlan] {
        guard !ids.isEmpty else { return [] }
        return try read { db in try Self.withServices(db, Self.rows(db, ids, table: "care_plan", key: "id", Records.carePlan)) }
    }

    public func carePlans(gridCode: String?, includeClosed: Bool) throws -> [CarePlan] {
        try read { db in
            // one statement for every filter: a NULL grid or a true flag lets every row through
            try Self.withServices(db, Records.all(db, """
                SELECT * FROM care_plan WHERE (CAST(?1 AS TEXT) IS NULL OR grid = ?1) AND (?2 = 1 OR state != 'closed') ORDER BY id
                """, [gridCode, includeClosed], Records.carePlan))
        }
    }

    /// Every plan not closed, with its services (the working set).
    static func loadCare(_ db: some SQLSession) throws -> [CarePlan] {
        let plans = try Records.all(db, "SELECT * FROM care_plan WHERE state != 'closed' ORDER BY id", Records.carePlan)
        let services = try Records.all(db, """
            SELECT s.* FROM care_service s JOIN care_plan p ON p.id = s.plan WHERE p.state != 'closed' ORDER BY s.id
            """, Records.careService)
        return attach(services, to: plans)
    }

    /// `plans` with their services read.
    static func withServices(_ db: some SQLSession, _ plans: [CarePlan]) throws -> [CarePlan] {
        guard !plans.isEmpty else { return [] }
        return attach(try rows(db, plans.map(\.id), table: "care_service", key: "plan", Records.careService), to: plans)
    }

    private static func attach(_ services: [CareService], to plans: [CarePlan]) -> [CarePlan] {
        let byPlan = Dictionary(grouping: services.sorted { $0.id < $1.id }, by: \.planID)
        return plans.map { plan in
            var full = plan
            full.services = byPlan[plan.id] ?? []
            return full
        }
    }

    /// A plan with its services, inside a transaction.
    static func plan(_ db: some SQLSession, _ id: String) throws -> CarePlan {
        guard let plan = try db.first("SELECT * FROM care_plan WHERE id = ?", [id], Records.carePlan) else {
            throw StoreError.notFound(kind: "care plan", id: id)
        }
        return try withServices(db, [plan])[0]
    }
}
