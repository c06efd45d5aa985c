import DoorstepDomain
import DoorstepSeeds
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// Joint handling (联动处置) against the store protocols: calling parties in, their answers, the
/// resolve guard and its override, a cancellation withdrawing them, and the change feed.
@Suite("Store conformance: joint handling")
struct JointConformanceTests {
    let now = StoreFixtures.now

    @Test("the demo's departments, parties and call-ins come back; the working set holds the pending and the week's", arguments: StoreUnderTest.all)
    func loaded(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let data = try store.loadAll(at: now)
        #expect(data.departments.count == 12)
        #expect(data.responders.count == 28)
        #expect(data.responders.first?.kind == .mediationCentre)
        #expect(data.callIns.count == 22)
        let late = try #require(data.callIns.first { $0.id == "J00012" })
        #expect(late.isLate(at: now))
        #expect(try store.callIns(ticketID: nil, pendingOnly: true, limit: 100).count == data.callIns.filter(\.state.isPending).count)
        // a week later only the pending ones are still in the working set
        let later = try store.loadAll(at: now.addingTimeInterval(9 * 86_400))
        #expect(later.callIns.allSatisfy { $0.state.isPending })
    }

    @Test("a party called in answers: arrived, then handled with a note; each step in the feed with its ticket", arguments: StoreUnderTest.all)
    func answered(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let start = try store.lastSequence()
        let made = try store.callIn(ticketID: "T00045", responderIDs: ["R013", "R014"], hours: nil, by: "cli:ops", at: now)
        #expect(made.map(\.state) == [.requested, .requested])
        // the department's answer hours when none are given: police 24, justice 48
        #expect(made.map { $0.dueAt.timeIntervalSince(now) / 3600 } == [24, 48])
        let arrived = try store.answer(callInID: made[0].id, .arrived, by: "R013", at: now.addingTimeInterval(600))
        #expect(arrived.state == .arrived)
        let handled = try store.answer(callInID: made[0].id, .handled(note: "  已到场调解  "), by: "R013", at: now.addingTimeInterval(1200))
        #expect(handled.state == .handled)
        #expect(handled.note == "已到场调解")
        let batch = try store.changes(after: start, limit: 100)
        #expect(batch.events.map(\.change) == [
            .callIn(id: made[0].id, ticketID: "T00045", responderID: "R013"), .callIn(id: made[1].id, ticketID: "T00045", responderID: "R014"),
            .callInAnswered(id: made[0].id, ticketID: "T00045", .arrived),
            .callInAnswered(id: made[0].id, ticketID: "T00045", .handled(note: "已到场调解")),
        ])
        // what each answer came from, kept for a replay
        #expect(batch.events.map(\.prior) == [nil, nil, .callIn(.requested), .callIn(.arrived)])
        #expect(Set(batch.callIns.map(\.id)) == Set(made.map(\.id)))
        #expect(batch.callIns.first { $0.id == made[0].id }?.state == .handled)
        // an answer to one that has ended is refused and writes nothing
        let before = try store.lastSequence()
        #expect(throws: StoreError.self) { try store.answer(callInID: made[0].id, .declined(reason: "太晚"), by: "R013", at: now) }
        #expect(throws: StoreError.self) { try store.answer(callInID: made[1].id, .declined(reason: "  "), by: "R014", at: now) }
        #expect(throws: StoreError.notFound(kind: "call-in", id: "J99999")) { try store.answer(callInID: "J99999", .arrived, by: "x", at: now) }
        #expect(try store.lastSequence() == before)
    }

    @Test("call-ins are refused on a closed ticket, for an unknown party, or for one already pending; nothing is written", arguments: StoreUnderTest.all)
    func refused(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let before = try store.lastSequence()
        #expect(throws: StoreError.invalid("cannot call anyone in on T00001: it is rated")) {
            try store.callIn(ticketID: "T00001", responderIDs: ["R001"], hours: nil, by: "ops", at: now)
        }
        #expect(throws: StoreError.notFound(kind: "responder", id: "R999")) {
            try store.callIn(ticketID: "T00045", responderIDs: ["R013", "R999"], hours: nil, by: "ops", at: now)
        }
        #expect(throws: StoreError.invalid("R001 is already called in on T00045 (J00004, still pending)")) {
            try store.callIn(ticketID: "T00045", responderIDs: ["R001"], hours: nil, by: "ops", at: now)
        }
        #expect(throws: StoreError.self) { try store.callIn(ticketID: "T00045", responderIDs: ["R013"], hours: 0, by: "ops", at: now) }
        #expect(throws: StoreError.notFound(kind: "ticket", id: "T99999")) {
            try store.callIn(ticketID: "T99999", responderIDs: ["R013"], hours: nil, by: "ops", at: now)
        }
        #expect(try store.lastSequence() == before)
        #expect(try store.callIns(ticketID: "T00045", pendingOnly: false, limit: 10).map(\.id) == ["J00004"])
    }

    @Test("a ticket waiting on a party is not resolved without an override; with one, the pending are withdrawn with the reason", arguments: StoreUnderTest.all)
    func resolveGuard(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        // T00072: accepted, the emergency office called in and late
        let ticket = try #require(try store.tickets(ids: ["T00072"]).first)
        let worker = try #require(ticket.assigneeID)
        let before = try store.lastSequence()
        do {
            _ = try store.act(on: "T00072", .resolve(staffID: worker, note: "已处置"), by: worker, at: now)
            Issue.record("resolved over a pending party")
        } catch let StoreError.invalid(message) {
            #expect(message.contains("still waiting on J00012"))
            #expect(message.contains("--override"))
        }
        #expect(try store.lastSequence() == before)
        #expect(throws: StoreError.self) {
            try store.act(on: "T00072", .resolve(staffID: worker, note: "已处置"), by: worker, at: now, overriding: "   ")
        }
        let resolved = try store.act(on: "T00072", .resolve(staffID: worker, note: "已处置"), by: worker, at: now, overriding: "现场已排除险情")
        #expect(resolved.state == .resolved)
        let callIn = try #require(try store.callIns(ids: ["J00012"]).first)
        #expect(callIn.state == .withdrawn)
        #expect(callIn.note == "resolved over it: 现场已排除险情")
        let kinds = try store.events(after: before, limit: 10).map(\.kind)
        #expect(kinds == [.callInWithdrawn, .ticketResolved])
    }

    @Test("cancelling a ticket withdraws its pending parties, saying so", arguments: StoreUnderTest.all)
    func cancelWithdraws(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        _ = try store.act(on: "T00047", .cancel(reason: "居民撤回"), by: "ops", at: now)
        let parties = try store.callIns(ticketID: "T00047", pendingOnly: false, limit: 10)
        #expect(parties.count == 2)
        #expect(parties.allSatisfy { $0.state == .withdrawn && $0.note == "ticket cancelled: 居民撤回" })
    }

    @Test("outside parties import: added or updated in place, logged; an unknown department writes nothing", arguments: StoreUnderTest.all)
    func importResponders(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let updated = Responder(id: "R002", name: "区法院巡回法庭(新)", kind: .judge, departmentCode: "court")
        let added = Responder(id: "R100", name: "新律所", kind: .lawyer, departmentCode: "justice", communityCode: "JB")
        #expect(try store.upsert(responders: [updated, added], source: "力量.csv", at: now) == 2)
        let data = try store.loadAll(at: now)
        #expect(data.responders.count == 29)
        #expect(data.responders[1] == updated)
        #expect(data.responders.last == added)
        #expect(try store.recentEvents(limit: 1).first?.change == .imported(.responders, source: "力量.csv", rows: 2))
        let before = try store.lastSequence()
        #expect(throws: StoreError.notFound(kind: "department", id: "nowhere")) {
            try store.upsert(responders: [Responder(id: "R101", name: "x", kind: .department, departmentCode: "nowhere")], source: "x", at: now)
        }
        #expect(try store.lastSequence() == before)
    }
}
