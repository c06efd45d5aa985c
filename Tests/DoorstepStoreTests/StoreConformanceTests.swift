import DoorstepDomain
import DoorstepPostgres
import DoorstepSeeds
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// A store implementation under test: a fresh store holding the demo street as of `now`, and
/// how to remove it. The PostgreSQL store adds itself to `all` and passes the same suite.
struct StoreUnderTest: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (Date) throws -> (store: any DoorstepStore & BulkLoading, cleanUp: @Sendable () -> Void)
    var testDescription: String { name }

    /// SQLite always; PostgreSQL where a server can be started (CI makes sure one can).
    static let all: [StoreUnderTest] = TestServer.isAvailable ? [.sqlite, .postgres] : [.sqlite]

    static let sqlite = StoreUnderTest(name: "SQLite") { now in
        let (database, store) = try TemporaryDatabase.demo(now: now)
        return (store, { database.cleanUp() })
    }

    static let postgres = StoreUnderTest(name: "PostgreSQL") { now in
        let store = try PostgresStore.open(try TestServer.demoDatabase(now: now), logger: TestServer.logger)
        return (store, { store.close() })
    }
}

/// What every store must do, written against the protocols alone: the closed loop and its
/// events, refusals that write nothing, calls, people, imports, bulk orders, the working set.
@Suite("Store conformance")
struct StoreConformanceTests {
    let now = StoreFixtures.now

    @Test("the loop 点单 → 派单 → 接单 → 办结 → 评价 runs, each step in the event log", arguments: StoreUnderTest.all)
    func loop(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let start = try store.lastSequence()
        let ticket = try store.order(
            OrderRequest(gridCode: "JB01", categoryCode: "care", title: "独居老人助餐", residentName: "王五", residentPhone: "13812345678"),
            by: "resident", at: now)
        #expect(ticket.id == "T00074")
        _ = try store.act(on: ticket.id, .dispatch(gridCode: "JB02", assigneeID: nil), by: "S0001", at: now.addingTimeInterval(60))
        _ = try store.act(on: ticket.id, .accept(staffID: "S0016"), by: "S0016", at: now.addingTimeInterval(120))
        _ = try store.act(on: ticket.id, .resolve(staffID: "S0016", note: "已送餐"), by: "S0016", at: now.addingTimeInterval(180))
        let rated = try store.act(on: ticket.id, .rate(score: 5), by: "resident", at: now.addingTimeInterval(240))
        #expect(rated.state == .rated)
        #expect(rated.gridCode == "JB02")
        #expect(rated.rating == 5)
        #expect(try store.tickets(ids: [ticket.id]).first == rated)
        // its history, step by step with who did it
        let history = try store.history(of: ticket.id)
        #expect(history.map(\.to) == [.ordered, .dispatched, .accepted, .resolved, .rated])
        #expect(history.map(\.actor) == ["resident", "S0001", "S0016", "S0016", "resident"])
        let events = try store.events(after: start, limit: 100)
        #expect(events.map(\.kind) == [.ticketOrdered, .ticketDispatched, .ticketAccepted, .ticketResolved, .ticketRated])
        #expect(events.allSatisfy { $0.subject == ticket.id })
        #expect(events.map(\.sequence) == Array((start + 1)...(start + 5)))
        #expect(events.map(\.actor) == ["resident", "S0001", "S0016", "S0016", "resident"])
    }

    @Test("民情气象站's source: the orders since a time, whatever became of them, a rating only once rated", arguments: StoreUnderTest.all)
    func orderHistory(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let history = try #require(store as? any OrderHistory)
        let later = now.addingTimeInterval(3_600)
        #expect(try history.orders(createdSince: later).isEmpty)
        let ticket = try store.order(
            OrderRequest(gridCode: "JB03", categoryCode: "mediation", title: "楼上漏水纠纷", residentName: "李四", residentPhone: "13800000000"),
            by: "resident", at: later)
        _ = try store.act(on: ticket.id, .dispatch(gridCode: "JB03", assigneeID: nil), by: "S0001", at: later.addingTimeInterval(60))
        _ = try store.act(on: ticket.id, .accept(staffID: "S0016"), by: "S0016", at: later.addingTimeInterval(660))
        var orders = try history.orders(createdSince: later)
        #expect(orders == [OrderFacts(gridCode: "JB03", categoryCode: "mediation", createdAt: later, dispatchedAt: later.addingTimeInterval(60),
                                      acceptedAt: later.addingTimeInterval(660), ticketID: ticket.id)])
        #expect(orders.first?.acceptMinutes == 10)
        _ = try store.act(on: ticket.id, .resolve(staffID: "S0016", note: "已调解"), by: "S0016", at: later.addingTimeInterval(900))
        _ = try store.act(on: ticket.id, .rate(score: 4), by: "resident", at: later.addingTimeInterval(960))
        orders = try history.orders(createdSince: later)
        #expect(orders.map(\.rating) == [4])
        // the demo street's own orders, from the month before
        #expect(try history.orders(createdSince: now.addingTimeInterval(-40 * 86_400)).count > 10)
    }

    @Test("回放's footing: a duty change and a ticket's move keep what the row held before, read back exactly", arguments: StoreUnderTest.all)
    func priorsKept(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let start = try store.lastSequence()
        let person = try #require(try store.staff(ids: ["S0016"]).first)
        let other: DutyState = person.duty == .busy ? .onDuty : .busy
        _ = try store.setDuty(staffID: person.id, other, by: person.id, at: now)
        let ticket = try store.order(
            OrderRequest(gridCode: "JB03", categoryCode: "mediation", title: "楼道堆物", residentName: "王五", residentPhone: "13800000001"),
            by: "resident", at: now.addingTimeInterval(0.25))
        let dispatched = try store.act(on: ticket.id, .dispatch(gridCode: "JB03", assigneeID: "S0016"), by: "S0001", at: now.addingTimeInterval(60.5))
        _ = try store.act(on: ticket.id, .accept(staffID: "S0016"), by: "S0016", at: now.addingTimeInterval(120))
        let events = try store.events(after: start, limit: 10)
        #expect(events.map(\.prior) == [.duty(person.duty), nil, .ticket(TicketStanding(ticket)), .ticket(TicketStanding(dispatched))])
        // (a standing put back onto the row today gives the ticket as it stood, to the fraction of a second)
        let now = try #require(try store.tickets(ids: [ticket.id]).first)
        if case .ticket(let standing)? = events.last?.prior { #expect(standing.applied(to: now) == dispatched) } else { Issue.record("no standing") }
    }

    @Test("the event log between two instants: the changes made in it, in order, at most the limit", arguments: StoreUnderTest.all)
    func eventsBetween(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let history = try #require(store as? any OrderHistory)
        let from = now.addingTimeInterval(7_200)
        #expect(try history.events(from: from, to: from.addingTimeInterval(3_600), limit: 100).isEmpty)
        let ticket = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐"), by: "r", at: from.addingTimeInterval(-1))
        _ = try store.act(on: ticket.id, .dispatch(gridCode: "JB01", assigneeID: nil), by: "S0001", at: from)
        _ = try store.act(on: ticket.id, .accept(staffID: "S0002"), by: "S0002", at: from.addingTimeInterval(600))
        _ = try store.act(on: ticket.id, .resolve(staffID: "S0002", note: "已送"), by: "S0002", at: from.addingTimeInterval(3_600))
        // the start is in, the end is not; the order is the log's
        let events = try history.events(from: from, to: from.addingTimeInterval(3_600), limit: 100)
        #expect(events.map(\.kind) == [.ticketDispatched, .ticketAccepted])
        #expect(events.map(\.at) == [from, from.addingTimeInterval(600)])
        #expect(events.first?.gridCode == "JB01")
        #expect(try history.events(from: from, to: from.addingTimeInterval(7_200), limit: 1).map(\.kind) == [.ticketDispatched])
    }

    @Test("an illegal transition is refused, names who won, and writes nothing", arguments: StoreUnderTest.all)
    func illegal(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let ticket = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐"), by: "r", at: now)
        let before = try store.lastSequence()
        #expect(throws: StoreError.self) { try store.act(on: ticket.id, .accept(staffID: "S0002"), by: "S0002", at: now) }
        _ = try store.act(on: ticket.id, .dispatch(gridCode: "JB01", assigneeID: nil), by: "S0001", at: now)
        _ = try store.act(on: ticket.id, .accept(staffID: "S0002"), by: "S0002", at: now)
        do {
            _ = try store.act(on: ticket.id, .accept(staffID: "S0003"), by: "S0003", at: now)
            Issue.record("a second accept succeeded")
        } catch let error as StoreError {
                #expect(error.description.hasPrefix("cannot accept \(ticket.id): it is accepted (by S0002 at "))
            guard case .conflict(let refusal, let last) = error else { throw error }
            #expect(refusal.state == .accepted && refusal.action == .accept(staffID: "S0003"))
            #expect(last == LastMove(actor: "S0002", to: .accepted, at: now))
        }
        #expect(try store.lastSequence() == before + 2)
        #expect(try store.tickets(ids: [ticket.id]).first?.assigneeID == "S0002")
    }

    @Test("unknown grids, staff, tickets and calls are named; nothing is written", arguments: StoreUnderTest.all)
    func unknown(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let before = try store.lastSequence()
        #expect(throws: StoreError.notFound(kind: "grid", id: "ZZ99")) {
            try store.order(OrderRequest(gridCode: "ZZ99", categoryCode: "care", title: "x"), by: "r", at: now)
        }
        #expect(throws: StoreError.notFound(kind: "category", id: "nope")) {
            try store.order(OrderRequest(gridCode: "JB01", categoryCode: "nope", title: "x"), by: "r", at: now)
        }
        #expect(throws: StoreError.notFound(kind: "ticket", id: "T99999")) { try store.act(on: "T99999", .escalate, by: "x", at: now) }
        #expect(throws: StoreError.notFound(kind: "staff", id: "S9999")) { try store.setDuty(staffID: "S9999", .off, by: "x", at: now) }
        #expect(throws: StoreError.notFound(kind: "call", id: "C999999")) {
            try store.acknowledge(callID: "C999999", staffID: "S0002", accept: true, timeout: 60, at: now)
        }
        #expect(throws: StoreError.invalid("an order needs a title")) {
            try store.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "  "), by: "r", at: now)
        }
        #expect(try store.lastSequence() == before)
    }

    @Test("calls: placed ringing, answered by the person called, missed after the timeout", arguments: StoreUnderTest.all)
    func calls(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let calls = try store.placeCalls(to: ["S0002", "S0003"], gridCode: "JB01", by: "operator", at: now)
        #expect(calls.map(\.id) == ["C000001", "C000002"])
        #expect(throws: StoreError.invalid("call C000001 is for S0002, not S0003")) {
            try store.acknowledge(callID: "C000001", staffID: "S0003", accept: true, timeout: 60, at: now)
        }
        let answered = try store.acknowledge(callID: "C000001", staffID: "S0002", accept: true, timeout: 60, at: now.addingTimeInterval(10))
        #expect(answered.state == .answered)
        #expect(throws: StoreError.call(CallError(callID: "C000002", state: .missed))) {
            try store.acknowledge(callID: "C000002", staffID: "S0003", accept: true, timeout: 60, at: now.addingTimeInterval(61))
        }
        #expect(try store.ringingCalls().map(\.id) == ["C000002"])
    }

    @Test("what the phone said of calls: answered by phone, declined with the reason, failed and escalated at once, a key; each in the log", arguments: StoreUnderTest.all)
    func phoneAnswers(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let calls = try store.placeCalls(to: ["S0002", "S0003", "S0004"], gridCode: "JB01", by: "operator", at: now)
        let later = now.addingTimeInterval(5)
        #expect(try store.recordPhone(.answered, callID: calls[0].id, timeout: 60, at: later).state == .answered)
        #expect(try store.recordPhone(.pressed(key: "1"), callID: calls[0].id, timeout: 60, at: later).state == .answered)
        #expect(try store.recordPhone(.declined(reason: "486 Busy Here"), callID: calls[1].id, timeout: 60, at: later).state == .declined)
        let failed = try store.recordPhone(.failed(reason: "Connection timed out"), callID: calls[2].id, timeout: 60, at: later)
        #expect(failed.state == .failed && failed.isUnanswered(at: later, timeout: 60))
        // a key on a call not answered, and a second word on a call already settled, are refused
        #expect(throws: StoreError.call(CallError(callID: calls[1].id, state: .declined))) {
            try store.recordPhone(.pressed(key: "1"), callID: calls[1].id, timeout: 60, at: later)
        }
        #expect(throws: StoreError.call(CallError(callID: calls[2].id, state: .failed))) {
            try store.recordPhone(.answered, callID: calls[2].id, timeout: 60, at: later)
        }
        let events = try store.recentEvents(limit: 4).reversed().map { ($0.change, $0.actor) }
        #expect(events.map(\.0) == [
            .callAnswered(callID: calls[0].id, accepted: true, how: "phone"), .callConfirmed(callID: calls[0].id, key: "1"),
            .callAnswered(callID: calls[1].id, accepted: false, how: "486 Busy Here"), .callFailed(callID: calls[2].id, reason: "Connection timed out"),
        ])
        #expect(events.map(\.1) == ["S0002", "S0002", "S0003", PhoneAnswer.phoneSystem])
        // a failed call goes up the chain without waiting for the timeout
        let next = try store.escalate(callID: calls[2].id, to: ["S0005"], timeout: 60, by: "operator", at: later)
        #expect(next.map(\.staffID) == ["S0005"])
    }

    @Test("duty changes, visits and imports land and are logged", arguments: StoreUnderTest.all)
    func peopleAndVisits(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        #expect(try store.setDuty(staffID: "S0002", .off, by: "S0002", at: now).duty == .off)
        let visit = try store.logVisit(householdID: "H00001", staffID: "S0002", at: now)
        #expect(try store.visits(ids: [visit.id]).first?.householdID == "H00001")
        var household = try #require(try store.loadAll(at: now).households.first)
        household.headName = "新户主"
        household.id = "H99999"
        #expect(try store.upsert(households: [household], source: "test.csv", at: now) == 1)
        #expect(try store.loadAll(at: now).households.contains { $0.id == "H99999" && $0.headName == "新户主" })
        #expect(try store.recentEvents(limit: 3).map(\.kind) == [.importedHouseholds, .visit, .duty])
    }

    @Test("orders in bulk are written in one transaction with an event each, or not at all", arguments: StoreUnderTest.all)
    func allOrNone(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let before = try store.lastSequence()
        let good = (0..<50).map { OrderRequest(gridCode: "JB01", categoryCode: "care", title: "批量 \($0)") }
        let written = try store.order(good, by: "hotline", at: now)
        #expect(written.count == 50 && Set(written.map(\.id)).count == 50)
        let events = try store.events(after: before, limit: 100)
        #expect(events.map(\.subject) == written.map(\.id) && events.allSatisfy { $0.kind == .ticketOrdered })

        let sequence = try store.lastSequence()
        var bad = good
        bad[30].gridCode = "NOPE"
        #expect(throws: StoreError.notFound(kind: "grid", id: "NOPE")) { try store.order(bad, by: "hotline", at: now) }
        bad[30] = OrderRequest(gridCode: "JB01", categoryCode: "care", title: "  ")
        #expect(throws: StoreError.invalid("order 31 of 50 has no title")) { try store.order(bad, by: "hotline", at: now) }
        #expect(try store.lastSequence() == sequence)  // nothing of either batch was written
        // the next single order continues the numbering
        let next = try store.order(OrderRequest(gridCode: "JB02", categoryCode: "care", title: "单张"), by: "t", at: now)
        #expect(next.id > (written.last?.id ?? ""))
    }

    @Test("a missed call escalates once: a second escalation of it is refused and writes nothing", arguments: StoreUnderTest.all)
    func escalateOnce(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let call = try #require(try store.placeCalls(to: ["S0002"], gridCode: "JB01", by: "operator", at: now).first)
        #expect(throws: StoreError.call(CallError(callID: call.id, state: .ringing))) {
            try store.escalate(callID: call.id, to: ["S0003"], timeout: 60, by: "wall-a", at: now.addingTimeInterval(30))
        }
        let later = now.addingTimeInterval(61)
        let next = try store.escalate(callID: call.id, to: ["S0003", "S0004"], timeout: 60, by: "wall-a", at: later)
        #expect(next.map(\.staffID) == ["S0003", "S0004"] && next.allSatisfy { $0.escalatedFrom == call.id && $0.state == .ringing })
        let sequence = try store.lastSequence()
        #expect(throws: StoreError.call(CallError(callID: call.id, state: .escalated))) {
            try store.escalate(callID: call.id, to: ["S0005"], timeout: 60, by: "wall-b", at: later)
        }
        #expect(try store.lastSequence() == sequence)
        let events = try store.recentEvents(limit: 3).reversed().map(\.change)
        #expect(events == [
            .callEscalated(callID: call.id, to: ["S0003", "S0004"]),
            .callPlaced(callID: next[0].id, staffID: "S0003"), .callPlaced(callID: next[1].id, staffID: "S0004"),
        ])
    }

    @Test("a reveal is in the event log, with who and when, and changes no data", arguments: StoreUnderTest.all)
    func reveal(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let before = try store.loadAll(at: now)
        try store.recordReveal(of: "T00001", by: "operator:wang", at: now)
        let event = try #require(try store.recentEvents(limit: 1).first)
        #expect(event.change == .revealed(subject: "T00001") && event.actor == "operator:wang" && event.at == now)
        let after = try store.loadAll(at: now)
        #expect(after.tickets == before.tickets && after.staff == before.staff)
    }

    @Test("the Party chain and its members come back as they were written, order and links kept", arguments: StoreUnderTest.all)
    func partyChain(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let written = try DataSet.load(from: .embeddedDemo, now: now)
        let read = try store.loadAll(at: now)
        #expect(!written.partyOrganisations.isEmpty && !written.partyMembers.isEmpty)
        #expect(read.partyOrganisations == written.partyOrganisations)
        #expect(read.partyMembers == written.partyMembers)
        #expect(!written.servicePoints.isEmpty && read.servicePoints == written.servicePoints)
    }

    @Test("imported Party members are added or updated in place, logged; an unknown organisation writes nothing", arguments: StoreUnderTest.all)
    func partyImport(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let before = try store.loadAll(at: now).partyMembers
        var changed = try #require(before.first)
        changed.phone = "15500009999"
        let added = PartyMember(id: "PM9001", name: "周红", phone: "", orgCode: "JB01-ZB", buildingCode: "JB01-B02")
        #expect(try store.upsert(partyMembers: [changed, added], source: "党员.csv", at: now) == 2)
        let after = try store.loadAll(at: now).partyMembers
        #expect(after.first == changed && after.last == added && after.count == before.count + 1)
        let event = try #require(try store.recentEvents(limit: 1).first)
        #expect(event.change == .imported(.partyMembers, source: "党员.csv", rows: 2) && event.actor == "import")
        let stray = PartyMember(id: "PM9002", name: "李雷", phone: "", orgCode: "ZZ-ZB")
        #expect(throws: StoreError.notFound(kind: "Party organisation", id: "ZZ-ZB")) {
            try store.upsert(partyMembers: [added, stray], source: "党员.csv", at: now)
        }
        #expect(try store.loadAll(at: now).partyMembers == after)
        // a second secretary of a branch that has one is refused; the holder stepping down in
        // the same list is not
        let secretary = try #require(after.first { $0.orgCode == "JB01-ZB" && $0.post == .secretary })
        var rival = added
        rival.post = .secretary
        #expect(throws: StoreError.invalid("PM9001 would be a second secretary of JB01-ZB: \(secretary.id) holds it")) {
            try store.upsert(partyMembers: [rival], source: "党员.csv", at: now)
        }
        var steppedDown = secretary
        steppedDown.post = .member
        #expect(try store.upsert(partyMembers: [steppedDown, rival], source: "党员.csv", at: now) == 2)
    }

    @Test("a Party member without a grid post can be called and answer like staff", arguments: StoreUnderTest.all)
    func callAPartyMember(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let member = try #require(try store.loadAll(at: now).partyMembers.first { $0.staffID == nil })
        let call = try #require(try store.placeCalls(to: [member.id], gridCode: nil, by: "operator:wang", at: now).first)
        #expect(call.staffID == member.id && call.state == .ringing)
        let answered = try store.acknowledge(callID: call.id, staffID: member.id, accept: true, timeout: 60, at: now.addingTimeInterval(10))
        #expect(answered.state == .answered)
        #expect(throws: StoreError.notFound(kind: "staff", id: "PM9999")) {
            try store.placeCalls(to: ["PM9999"], gridCode: nil, by: "operator:wang", at: now)
        }
    }

    @Test("a ticket's history carries each move's facts as values", arguments: StoreUnderTest.all)
    func typedHistory(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let ticket = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助浴"), by: "resident", at: now)
        _ = try store.act(on: ticket.id, .dispatch(gridCode: "JB02", assigneeID: "S0016"), by: "S0001", at: now)
        _ = try store.act(on: ticket.id, .cancel(reason: "居民撤回"), by: "S0001", at: now)
        #expect(try store.history(of: ticket.id).map(\.change) == [
            .ordered(title: "助浴"), .dispatched(gridCode: "JB02", assigneeID: "S0016"), .cancelled(reason: "居民撤回"),
        ])
        #expect(throws: StoreError.notFound(kind: "ticket", id: "T99999")) { try store.history(of: "T99999") }
    }

    @Test("the working set: open tickets in full; closed ones as outcomes only while they count", arguments: StoreUnderTest.all)
    func workingSet(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let ticket = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐"), by: "resident", at: now)
        _ = try store.act(on: ticket.id, .dispatch(gridCode: "JB01", assigneeID: nil), by: "S0001", at: now)
        _ = try store.act(on: ticket.id, .accept(staffID: "S0002"), by: "S0002", at: now)
        _ = try store.act(on: ticket.id, .resolve(staffID: "S0002", note: "已送"), by: "S0002", at: now)
        let today = try store.loadAll(at: now.addingTimeInterval(3_600))
        #expect(!today.tickets.contains { $0.id == ticket.id })  // not open
        #expect(today.outcomes.contains { $0.id == ticket.id })  // resolved today counts
        // resolved and unrated three days on: no figure counts it, so it is not loaded
        #expect(!(try store.loadAll(at: now.addingTimeInterval(3 * 86_400))).outcomes.contains { $0.id == ticket.id })
        _ = try store.act(on: ticket.id, .rate(score: 4), by: "resident", at: now.addingTimeInterval(3_600))
        // rated: it counts in the month's satisfaction for 31 days, then it is history
        #expect(try store.loadAll(at: now.addingTimeInterval(20 * 86_400)).outcomes.contains { $0.id == ticket.id })
        #expect(!(try store.loadAll(at: now.addingTimeInterval(40 * 86_400))).outcomes.contains { $0.id == ticket.id })
    }

    @Test("the feed pages: events after a sequence, oldest first, at most the limit", arguments: StoreUnderTest.all)
    func feedPaging(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let start = try store.lastSequence()
        let written = try store.order((0..<7).map { OrderRequest(gridCode: "JB01", categoryCode: "care", title: "单 \($0)") }, by: "t", at: now)
        let first = try store.events(after: start, limit: 3)
        let rest = try store.events(after: first.last?.sequence ?? start, limit: 10)
        #expect((first + rest).map(\.subject) == written.map(\.id))
        #expect(first.count == 3 && rest.count == 4)
        #expect(try store.events(after: try store.lastSequence(), limit: 10).isEmpty)
        #expect(try store.recentEvents(limit: 2).map(\.subject) == written.suffix(2).reversed().map(\.id))
    }

    @Test("a page of the feed comes with the rows its events name, as they are now; an import with none", arguments: StoreUnderTest.all)
    func changesWithRows(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let start = try store.lastSequence()
        let ticket = try store.order(OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐"), by: "resident", at: now)
        _ = try store.act(on: ticket.id, .dispatch(gridCode: "JB02", assigneeID: nil), by: "dispatcher", at: now)
        let page = try store.changes(after: start, limit: 10)
        #expect(page.events.map(\.kind) == [.ticketOrdered, .ticketDispatched])
        #expect(page.tickets.map(\.id) == [ticket.id])
        #expect(page.tickets.first?.state == .dispatched && page.tickets.first?.gridCode == "JB02")
        #expect(page.staff.isEmpty && page.calls.isEmpty && page.visits.isEmpty)
        // the same as the events and rows read one by one
        let events = try store.events(after: start, limit: 10)
        #expect(events.map(\.sequence) == page.events.map(\.sequence))
        #expect(try store.tickets(ids: [ticket.id]).map(\.state) == page.tickets.map(\.state))
        #expect(try store.changes(after: try store.lastSequence(), limit: 10).events.isEmpty)
        // an import means building afresh: the page names no rows to put in place
        let beforeImport = try store.lastSequence()
        var household = try #require(try store.loadAll(at: now).households.first)
        household.id = "H99998"
        _ = try store.upsert(households: [household], source: "test.csv", at: now)
        _ = try store.act(on: ticket.id, .accept(staffID: "S0002"), by: "S0002", at: now)
        let imported = try store.changes(after: beforeImport, limit: 10)
        #expect(imported.events.map(\.kind) == [.importedHouseholds, .ticketAccepted])
        #expect(imported.tickets.isEmpty)
    }

    @Test("a database that took orders with an Idempotency-Key is loaded afresh, and the keys go with its tickets", arguments: StoreUnderTest.all)
    func replaceAfterIdempotentOrders(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let service = try #require(store as? any ServiceQueries)
        let request = OrderRequest(gridCode: "JB01", categoryCode: "care", title: "助餐")
        #expect(try service.order(request, channel: "hotline", idempotencyKey: "k1", at: now).repeated == false)
        #expect(try service.order(request, channel: "hotline", idempotencyKey: "k1", at: now).repeated == true)
        try store.replaceAll(with: try DataSet.load(from: .embeddedDemo, now: now), at: now)
        #expect(try service.order(request, channel: "hotline", idempotencyKey: "k1", at: now).repeated == false)
    }
}
