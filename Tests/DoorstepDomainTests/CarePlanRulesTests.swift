import DoorstepDomain
import Foundation
import Testing

@Suite("Care plan rules")
struct CarePlanRulesTests {
    let t0 = Date(timeIntervalSince1970: 1_796_032_800)
    let day: TimeInterval = 86_400

    func plan(_ state: CarePlan.State = .accepted, worker: String? = "S2", services: [CareService] = []) -> CarePlan {
        CarePlan(id: "P1", householdID: "H1", gridCode: "G1", person: "王奶奶", group: .emptyNestElder, goal: "按时就餐", state: state,
                 stateSince: t0, orderedAt: t0, socialWorkerID: worker, reviewOn: t0.addingTimeInterval(30 * day), services: services)
    }

    @Test("a cadence owes a service every period over times; missed half an interval later, at most a day")
    func cadence() {
        let meals = CareService(id: "V1", planID: "P1", name: "助餐", cadence: CareCadence(times: 3, period: .week), startedAt: t0)
        #expect(abs(meals.cadence.interval - 7.0 / 3 * day) < 0.001)
        #expect(meals.cadence.grace == day)
        #expect(!meals.isDue(at: t0.addingTimeInterval(2 * day)))
        #expect(meals.isDue(at: meals.dueAt))
        #expect(!meals.isMissed(at: meals.dueAt.addingTimeInterval(day)))
        #expect(meals.isMissed(at: meals.dueAt.addingTimeInterval(day + 1)))
        let daily = CareService(id: "V2", planID: "P1", name: "探视", cadence: CareCadence(times: 1, period: .day), startedAt: t0, lastDone: t0)
        #expect(daily.cadence.grace == day / 2)
        #expect(daily.dueAt == t0.addingTimeInterval(day))
    }

    @Test("群众点单 → 社工站派单 → 专业社工接单: accepting starts the services' clocks; each step refused out of order")
    func loop() throws {
        let service = CareService(id: "V1", planID: "P1", name: "上门探视", cadence: CareCadence(times: 1, period: .week),
                                  startedAt: t0.addingTimeInterval(-100 * day))
        let ordered = plan(.ordered, worker: nil, services: [service])
        #expect(ordered.missed(at: t0).isEmpty, "an ordered plan owes nothing yet")
        #expect(throws: CarePlanError(planID: "P1", reason: "it is ordered; only a dispatched plan is accepted")) {
            try ordered.applying(.accept(socialWorkerID: "S2"), at: t0)
        }
        let dispatched = try ordered.applying(.dispatch(socialWorkerID: "S2"), at: t0)
        #expect(dispatched.state == .dispatched && dispatched.socialWorkerID == "S2")
        #expect(throws: CarePlanError(planID: "P1", reason: "it was dispatched to S2, not S3")) {
            try dispatched.applying(.accept(socialWorkerID: "S3"), at: t0)
        }
        let accepted = try dispatched.applying(.accept(socialWorkerID: "S2"), at: t0)
        #expect(accepted.services[0].startedAt == t0)
        #expect(accepted.missed(at: t0.addingTimeInterval(7 * day)).isEmpty)
        #expect(accepted.missed(at: t0.addingTimeInterval(8 * day + 1)).count == 1)
        #expect(throws: CarePlanError(planID: "P1", reason: "closing needs a reason")) { try accepted.applying(.close(reason: " "), at: t0) }
        let closed = try accepted.applying(.close(reason: "已入住养老院"), at: t0)
        #expect(closed.state == .closed && closed.missed(at: t0.addingTimeInterval(100 * day)).isEmpty)
        #expect(throws: CarePlanError(planID: "P1", reason: "it is closed")) { try closed.applying(.review(next: t0.addingTimeInterval(day)), at: t0) }
    }

    @Test("a review moves the next date forward only; overdue once it passes, unless closed")
    func review() throws {
        let p = plan()
        #expect(!p.isReviewOverdue(at: t0))
        #expect(p.isReviewOverdue(at: t0.addingTimeInterval(31 * day)))
        #expect(throws: CarePlanError.self) { try p.applying(.review(next: t0.addingTimeInterval(-day)), at: t0) }
        let reviewed = try p.applying(.review(next: t0.addingTimeInterval(90 * day)), at: t0)
        #expect(!reviewed.isReviewOverdue(at: t0.addingTimeInterval(31 * day)))
        #expect(reviewed.state == .accepted)
    }

    @Test("a missed service turns the grid to attention; the instant it will be missed is when the grid is judged again")
    func statusRule() {
        let context = StatusContext(now: t0, minuteOfDay: 600, dutyHours: 0..<1, categories: [:])
        let onTime = CareService(id: "V1", planID: "P1", name: "助餐", cadence: CareCadence(times: 3, period: .week), startedAt: t0, lastDone: t0)
        let late = CareService(id: "V2", planID: "P1", name: "探视", cadence: CareCadence(times: 1, period: .week), startedAt: t0,
                               lastDone: t0.addingTimeInterval(-9 * day))
        #expect(!StatusRules.assess(GridFacts(careServices: [onTime]), in: context).reasons.contains(.careMissed(1)))
        #expect(StatusRules.assess(GridFacts(careServices: [onTime, late]), in: context).reasons.contains(.careMissed(1)))
        let revisit = StatusRules.revisit(GridFacts(careServices: [onTime]), in: context)
        #expect(revisit > onTime.missedAt && revisit < onTime.missedAt.addingTimeInterval(1))
        #expect(StatusReason.careMissed(1).status == .attention && StatusReason.careMissed(1).code == "care_missed")
    }

    @Test("the ledger finds plans by grid and household, and counts the missed across running plans")
    func ledger() {
        let late = CareService(id: "V2", planID: "P1", name: "探视", cadence: CareCadence(times: 1, period: .week), startedAt: t0,
                               lastDone: t0.addingTimeInterval(-9 * day))
        var ledger = CareLedger([plan(services: [late])])
        #expect(ledger.plans(ofGrid: "G1").map(\.id) == ["P1"])
        #expect(ledger.plans(ofHousehold: "H1").count == 1)
        #expect(ledger.missed(at: t0) == 1)
        #expect(ledger.runningServices(ofGrid: "G1").count == 1)
        var moved = plan(services: [late])
        moved.gridCode = "G2"
        #expect(ledger.apply([moved]) == ["G1", "G2"])
        #expect(ledger.plans(ofGrid: "G1").isEmpty && ledger.plans(ofGrid: "G2").count == 1)
    }
}
