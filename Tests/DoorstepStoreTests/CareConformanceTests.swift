import DoorstepDomain
import DoorstepSeeds
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// Care plans against the store protocols: the 群众点单 → 社工站派单 → 专业社工接单 loop, services
/// given, reviews and closing, imports, and the change feed.
@Suite("Store conformance: care plans")
struct CareConformanceTests {
    let now = StoreFixtures.now

    @Test("the demo's plans come back with their services; closed ones leave the working set", arguments: StoreUnderTest.all)
    func loaded(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let data = try store.loadAll(at: now)
        #expect(data.carePlans.count == 31)
        #expect(data.carePlans.allSatisfy { !$0.services.isEmpty })
        let nh03 = data.carePlans.filter { $0.gridCode == "NH03" }
        #expect(nh03.allSatisfy { !$0.missed(at: now).isEmpty })
        _ = try store.act(onPlan: "P00001", .close(reason: "已脱困"), by: "ops", at: now)
        #expect(try store.loadAll(at: now).carePlans.count == 30)
        #expect(try store.carePlans(gridCode: nil, includeClosed: true).count == 31)
    }

    @Test("order, dispatch to a professional social worker, accept, add a service, give it: each in the feed", arguments: StoreUnderTest.all)
    func loop(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let start = try store.lastSequence()
        let plan = try store.orderCare(CareOrder(householdID: "H00001", group: .emptyNestElder, goal: "  按时就餐  ", reviewInDays: 30, ticketID: "T00045"),
                                       by: "resident", at: now)
        #expect(plan.state == .ordered && plan.goal == "按时就餐" && plan.ticketID == "T00045")
        #expect(!plan.person.isEmpty, "the person defaults to the household's head")
        let data = try store.loadAll(at: now)
        let grids = try store.gridOfHouseholds(["H00001"])
        let grid = try #require(grids["H00001"])
        #expect(data.households.first { $0.id == "H00001" }.map { $0.gridCode == grid } ?? true)
        #expect(plan.gridCode == grid)
        let professional = try #require(data.staff.first { $0.role == .professionalSocialWorker })
        let allRound = try #require(data.staff.first { $0.role == .allRoundSocialWorker })
        #expect(throws: StoreError.invalid("\(allRound.id) is all_round, not a professional social worker (专业社工)")) {
            try store.act(onPlan: plan.id, .dispatch(socialWorkerID: allRound.id), by: "station", at: now)
        }
        _ = try store.act(onPlan: plan.id, .dispatch(socialWorkerID: professional.id), by: "station", at: now)
        let service = try store.addService(planID: plan.id, name: "助餐", cadence: CareCadence(times: 3, period: .week), by: "station", at: now)
        #expect(throws: StoreError.self) { try store.serviceDone(serviceID: service.id, staffID: professional.id, note: nil, at: now) }
        let later = now.addingTimeInterval(3600)
        let accepted = try store.act(onPlan: plan.id, .accept(socialWorkerID: professional.id), by: professional.id, at: later)
        #expect(accepted.state == .accepted)
        #expect(accepted.services.first?.startedAt == later)
        let done = try store.serviceDone(serviceID: service.id, staffID: professional.id, note: "送餐到家", at: later.addingTimeInterval(60))
        #expect(done.lastDone == later.addingTimeInterval(60))
        let batch = try store.changes(after: start, limit: 100)
        #expect(batch.events.map(\.kind) == [.careOrdered, .careDispatched, .careServiceAdded, .careAccepted, .careServiceDone])
        #expect(batch.events.last?.change == .careServiceDone(serviceID: service.id, planID: plan.id))
        #expect(batch.carePlans.map(\.id) == [plan.id])
        #expect(batch.carePlans.first?.services.first?.lastDone == later.addingTimeInterval(60))
        // a review moves the date; the event carries it
        _ = try store.act(onPlan: plan.id, .review(next: now.addingTimeInterval(90 * 86_400)), by: professional.id, at: later)
        guard case .carePlan(_, .reviewed(let next))? = try store.recentEvents(limit: 1).first?.change else {
            Issue.record("no review event")
            return
        }
        #expect(abs(next.timeIntervalSince(now.addingTimeInterval(90 * 86_400))) < 1)
    }

    @Test("bad care orders and services are refused by name; nothing is written", arguments: StoreUnderTest.all)
    func refused(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let before = try store.lastSequence()
        #expect(throws: StoreError.notFound(kind: "household", id: "H99999")) {
            try store.orderCare(CareOrder(householdID: "H99999", group: .disability, goal: "康复"), by: "r", at: now)
        }
        #expect(throws: StoreError.invalid("a care plan needs a goal")) {
            try store.orderCare(CareOrder(householdID: "H00001", group: .disability, goal: " "), by: "r", at: now)
        }
        #expect(throws: StoreError.notFound(kind: "care plan", id: "P99999")) {
            try store.act(onPlan: "P99999", .close(reason: "x"), by: "r", at: now)
        }
        #expect(throws: StoreError.self) { try store.addService(planID: "P00001", name: "助餐", cadence: CareCadence(times: 0, period: .week), by: "r", at: now) }
        #expect(throws: StoreError.notFound(kind: "care service", id: "V-99999")) {
            try store.serviceDone(serviceID: "V-99999", staffID: "S0001", note: nil, at: now)
        }
        #expect(try store.lastSequence() == before)
    }

    @Test("imported care plans are added or updated with their services, logged", arguments: StoreUnderTest.all)
    func imported(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        var updated = try #require(try store.carePlans(ids: ["P00002"]).first)
        updated.goal = "放学后有人照看,周末有人陪伴"
        let added = CarePlan(id: "P09000", householdID: "H00002", gridCode: "", person: "李奶奶", group: .emptyNestElder, goal: "助餐",
                             state: .ordered, stateSince: now, orderedAt: now, reviewOn: now.addingTimeInterval(86_400 * 30))
        #expect(try store.upsert(carePlans: [updated, added], source: "方案.csv", at: now) == 2)
        let plans = try store.carePlans(ids: ["P00002", "P09000"])
        #expect(plans.first { $0.id == "P00002" }?.goal == updated.goal)
        #expect(plans.first { $0.id == "P00002" }?.services.count == updated.services.count)
        let home = try store.gridOfHouseholds(["H00002"])["H00002"]
        #expect(plans.first { $0.id == "P09000" }?.gridCode == home)
        #expect(try store.recentEvents(limit: 1).first?.change == .imported(.carePlans, source: "方案.csv", rows: 2))
    }
}
