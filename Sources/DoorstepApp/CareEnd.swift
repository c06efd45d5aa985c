import DoorstepDomain
import DoorstepStore
import Foundation

/// Care plans from the command line (个性化服务方案): the resident's order, the social work
/// station's dispatch, the social worker's acceptance, services and their record, reviews.
extension CommandLineEnd {
    /// `doorstep care order`: the new plan's id.
    public func orderCare(_ request: CareOrder) throws -> String {
        let (store, actor) = try session()
        return try storeCall { try store.orderCare(request, by: actor, at: clock.now()) }.id
    }

    /// `doorstep care dispatch|accept|review|close`: "P00003 accepted". `by` acts instead of the
    /// actor (the social worker accepting).
    public func act(onPlan plan: String, _ action: CarePlanAction, by: String? = nil) throws -> String {
        let (store, actor) = try session()
        let moved = try storeCall { try store.act(onPlan: plan, action, by: by ?? actor, at: clock.now()) }
        return "\(moved.id) \(moved.state.rawValue)"
    }

    /// `doorstep care review`: the next review `days` from now.
    public func review(plan: String, days: Int) throws -> String {
        guard (1...366).contains(days) else { throw Failure("--next-days must be 1 to 366", exitCode: ExitStatus.usage) }
        return try act(onPlan: plan, .review(next: clock.now().addingTimeInterval(TimeInterval(days) * 86_400)))
    }

    /// `doorstep care add-service`: the new service's id.
    public func addService(plan: String, name: String, cadence: CareCadence) throws -> String {
        let (store, actor) = try session()
        return try storeCall { try store.addService(planID: plan, name: name, cadence: cadence, by: actor, at: clock.now()) }.id
    }

    /// `doorstep care done`: "V-00003 done, next due 2026-12-04T10:00:00Z".
    public func serviceDone(_ service: String, staff: String, note: String?) throws -> String {
        let store = try session().store
        let done = try storeCall { try store.serviceDone(serviceID: service, staffID: staff, note: note, at: clock.now()) }
        return "\(done.id) done, next due \(isoTime(done.dueAt))"
    }

    /// `doorstep care list`: plans by id, with their services owed.
    public func carePlans(json: Bool, grid: String?, includeClosed: Bool, dueOnly: Bool) throws -> String {
        let store = try open(readOnly: true)
        let now = clock.now()
        let plans = try storeCall { try store.carePlans(gridCode: grid, includeClosed: includeClosed) }
            .filter { !dueOnly || !$0.due(at: now).isEmpty }
        let rows = plans.map { p -> ListingRow in
            let services = p.services.map { s -> [String: Any] in
                ["id": s.id, "name": s.name, "times": s.cadence.times, "per": s.cadence.period.rawValue, "due_at": isoTime(s.dueAt),
                 "last_done": s.lastDone.map(isoTime) as Any? ?? NSNull(), "due": p.state.isRunning && s.isDue(at: now),
                 "missed": p.state.isRunning && s.isMissed(at: now)]
            }
            return [("id", p.id), ("household", p.householdID), ("grid", p.gridCode), ("group", p.group.rawValue), ("state", p.state.rawValue),
                    ("social_worker", p.socialWorkerID), ("goal", p.goal), ("review_on", isoTime(p.reviewOn)),
                    ("review_overdue", p.isReviewOverdue(at: now)), ("due", p.due(at: now).count), ("missed", p.missed(at: now).count),
                    ("ticket", p.ticketID), ("services", json ? services : p.services.map(\.name))]
        }
        return try listing(rows, json: json, columns: ["id", "household", "grid", "group", "state", "social_worker", "due", "missed", "services"])
    }
}
