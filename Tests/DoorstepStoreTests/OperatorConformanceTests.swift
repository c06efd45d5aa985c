import DoorstepDomain
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// Operators against the store protocols: the directory, and every write checked against the
/// acting operator's role and scope inside its transaction — refused with who, what and where,
/// writing nothing.
@Suite("Store conformance: operators")
struct OperatorConformanceTests {
    let now = StoreFixtures.now

    @Test("the demo's operators come back in order; one is added, changed and removed, each in the log", arguments: StoreUnderTest.all)
    func directory(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let listed = try store.operators()
        #expect(listed.count == 83)
        #expect(listed.first == Operator(id: "duty", name: "街道值班员", role: .streetDuty, scope: .street))
        #expect(listed.contains(Operator(id: "jb01-worker", name: "陶敏", role: .gridWorker, scope: .grid("JB01"), staffID: "S0002")))
        let start = try store.lastSequence()
        let duty = store.checked(as: "duty")
        try duty.add(operator: Operator(id: "jb02-b", name: "许军华", role: .gridWorker, scope: .grid("JB02"), login: "xu"), by: "duty", at: now)
        try duty.add(operator: Operator(id: "jb02-b", name: "许军华", role: .gridWorker, scope: .grid("JB03")), by: "duty", at: now)
        #expect(try store.operators().filter { $0.id == "jb02-b" } == [Operator(id: "jb02-b", name: "许军华", role: .gridWorker, scope: .grid("JB03"))])
        #expect(try duty.removeOperator(id: "jb02-b", by: "duty", at: now).id == "jb02-b")
        #expect(try store.events(after: start, limit: 10).map(\.change) == [
            .operatorAdded(id: "jb02-b", role: .gridWorker, scope: .grid("JB02")),
            .operatorAdded(id: "jb02-b", role: .gridWorker, scope: .grid("JB03")),
            .operatorRemoved(id: "jb02-b"),
        ])
        // a scope the role cannot hold, a grid the store does not hold, a second removal
        #expect(throws: StoreError.self) { try duty.add(operator: Operator(id: "x", name: "X", role: .gridWorker, scope: .community("JB")), by: "duty", at: now) }
        #expect(throws: StoreError.notFound(kind: "grid", id: "ZZ01")) { try duty.add(operator: Operator(id: "x", name: "X", role: .gridWorker, scope: .grid("ZZ01")), by: "duty", at: now) }
        #expect(throws: StoreError.notFound(kind: "operator", id: "jb02-b")) { try duty.removeOperator(id: "jb02-b", by: "duty", at: now) }
        // only a street duty operator manages operators
        #expect(throws: StoreError.forbidden("jb-dispatch (community dispatcher) may not manage operators")) {
            try store.checked(as: "jb-dispatch").removeOperator(id: "lobby", by: "jb-dispatch", at: now)
        }
        #expect(try store.lastSequence() == start + 3)
    }

    @Test("a community's dispatcher orders, dispatches and cancels in its community only; nothing is written when refused", arguments: StoreUnderTest.all)
    func communityScope(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let jb = store.checked(as: "jb-dispatch")
        let start = try store.lastSequence()
        let own = try jb.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐"), by: "jb-dispatch", at: now)
        _ = try jb.act(on: own.id, .dispatch(gridCode: "JB02", assigneeID: nil), by: "jb-dispatch", at: now)
        #expect(throws: StoreError.forbidden("jb-dispatch (community dispatcher of JB) may not place an order in grid BG01: outside community JB")) {
            try jb.order(OrderRequest(gridCode: "BG01", categoryCode: "care", title: "助餐"), by: "jb-dispatch", at: now)
        }
        // a bulk order with one grid outside writes none of it
        #expect(throws: StoreError.self) {
            try jb.order([OrderRequest(gridCode: "JB01", categoryCode: "care", title: "a"), OrderRequest(gridCode: "BG01", categoryCode: "care", title: "b")],
                         by: "jb-dispatch", at: now)
        }
        let theirs = try store.order(OrderRequest(gridCode: "BG01", categoryCode: "care", title: "助浴"), by: "resident", at: now)
        #expect(throws: StoreError.forbidden("jb-dispatch (community dispatcher of JB) may not dispatch in grid BG01: outside community JB")) {
            try jb.act(on: theirs.id, .dispatch(gridCode: "BG01", assigneeID: nil), by: "jb-dispatch", at: now)
        }
        // sending its own ticket out of the community is refused too
        let second = try jb.order(OrderRequest(gridCode: "JB03", categoryCode: "care", title: "代购"), by: "jb-dispatch", at: now)
        #expect(throws: StoreError.forbidden("jb-dispatch (community dispatcher of JB) may not dispatch in grid BG02: outside community JB")) {
            try jb.act(on: second.id, .dispatch(gridCode: "BG02", assigneeID: nil), by: "jb-dispatch", at: now)
        }
        #expect(throws: StoreError.self) { try jb.act(on: theirs.id, .cancel(reason: "重复"), by: "jb-dispatch", at: now) }
        #expect(try store.tickets(ids: [theirs.id]).first?.state == .ordered)
        // four writes went through: two orders, a dispatch, and the unchecked resident's order
        #expect(try store.lastSequence() == start + 4)
    }

    @Test("a grid worker accepts and resolves only their grid's tickets and logs only its visits; a viewer changes nothing", arguments: StoreUnderTest.all)
    func gridScope(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let worker = store.checked(as: "jb01-worker")
        let own = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐"), by: "resident", at: now)
        let other = try store.order(OrderRequest(gridCode: "JB02", categoryCode: "care", title: "助浴"), by: "resident", at: now)
        for ticket in [own, other] { _ = try store.act(on: ticket.id, .dispatch(gridCode: ticket.gridCode, assigneeID: nil), by: "S0001", at: now) }
        #expect(throws: StoreError.forbidden("jb01-worker (grid worker) may not dispatch")) {
            try worker.act(on: own.id, .dispatch(gridCode: "JB01", assigneeID: nil), by: "jb01-worker", at: now)
        }
        _ = try worker.act(on: own.id, .accept(staffID: "S0002"), by: "jb01-worker", at: now)
        _ = try worker.act(on: own.id, .resolve(staffID: "S0002", note: "已送餐"), by: "jb01-worker", at: now)
        #expect(throws: StoreError.forbidden("jb01-worker (grid worker of JB01) may not accept in grid JB02: outside grid JB01")) {
            try worker.act(on: other.id, .accept(staffID: "S0002"), by: "jb01-worker", at: now)
        }
        let data = try store.loadAll(at: now)
        let ownHousehold = try #require(data.households.first { $0.gridCode == "JB01" })
        let otherHousehold = try #require(data.households.first { $0.gridCode == "BG01" })
        _ = try worker.logVisit(householdID: ownHousehold.id, staffID: "S0002", at: now)
        #expect(throws: StoreError.self) { try worker.logVisit(householdID: otherHousehold.id, staffID: "S0002", at: now) }
        try worker.recordReveal(of: own.id, by: "jb01-worker", at: now)
        #expect(throws: StoreError.self) { try worker.recordReveal(of: other.id, by: "jb01-worker", at: now) }
        // the lobby screen: nothing, not even a look at a resident
        let lobby = store.checked(as: "lobby")
        let start = try store.lastSequence()
        #expect(throws: StoreError.forbidden("lobby (viewer) may not see a resident's details")) { try lobby.recordReveal(of: own.id, by: "lobby", at: now) }
        #expect(throws: StoreError.forbidden("lobby (viewer) may not place an order")) {
            try lobby.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "x"), by: "lobby", at: now)
        }
        #expect(throws: StoreError.self) { try lobby.setDuty(staffID: "S0002", .off, by: "lobby", at: now) }
        #expect(throws: StoreError.self) { try lobby.placeCalls(to: ["S0002"], gridCode: "JB01", by: "lobby", at: now) }
        #expect(try store.lastSequence() == start)
    }

    @Test("an operator removed is refused at once, and the street's duty operator may do anything", arguments: StoreUnderTest.all)
    func removedAndStreet(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let worker = store.checked(as: "jb01-worker")
        _ = try worker.setDuty(staffID: "S0002", .busy, by: "jb01-worker", at: now)
        _ = try store.checked(as: "duty").removeOperator(id: "jb01-worker", by: "duty", at: now)
        #expect(throws: StoreError.forbidden("no operator 'jb01-worker' (any more): see `doorstep operator list`")) {
            try worker.setDuty(staffID: "S0002", .onDuty, by: "jb01-worker", at: now)
        }
        let duty = store.checked(as: "duty")
        let ticket = try duty.order(OrderRequest(gridCode: "YS03", categoryCode: "care", title: "助餐"), by: "duty", at: now)
        _ = try duty.act(on: ticket.id, .dispatch(gridCode: "BG01", assigneeID: nil), by: "duty", at: now)
        _ = try duty.placeCalls(to: ["S0002", "S0123"], gridCode: nil, by: "duty", at: now)
        try duty.recordReveal(of: ticket.id, by: "duty", at: now)
        #expect(try duty.upsert(staff: [], source: "none.csv", at: now) == 0)
    }
}
