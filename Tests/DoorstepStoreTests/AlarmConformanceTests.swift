import DoorstepDomain
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// Alarms against the store protocols: one standing alarm per grid however many walls raise
/// it, taken by an operator in scope (recorded with who), cleared, escalated once, each an
/// event the feed brings with its row.
@Suite("Store conformance: alarms")
struct AlarmConformanceTests {
    let now = StoreFixtures.now

    @Test("raised once per grid, taken in scope with who and when, escalated once, cleared; each in the feed", arguments: StoreUnderTest.all)
    func lifecycle(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let start = try store.lastSequence()
        let raised = try #require(try store.raiseAlarm(gridCode: "JB03", reasons: ["overdue"], at: now))
        #expect(raised.isNew && raised.reasons == ["overdue"])
        // a second wall raising the same grid's alarm finds it standing
        #expect(try store.raiseAlarm(gridCode: "JB03", reasons: ["overdue"], at: now) == nil)
        #expect(throws: StoreError.notFound(kind: "grid", id: "ZZ01")) { try store.raiseAlarm(gridCode: "ZZ01", reasons: [], at: now) }
        // escalation waits for its time, then happens once
        #expect(try store.escalateAlarm(id: raised.id, after: 600, by: "wall", at: now.addingTimeInterval(599)) == nil)
        let escalated = try #require(try store.escalateAlarm(id: raised.id, after: 600, by: "wall", at: now.addingTimeInterval(600)))
        #expect(escalated.escalatedAt == now.addingTimeInterval(600))
        #expect(try store.escalateAlarm(id: raised.id, after: 600, by: "wall", at: now.addingTimeInterval(900)) == nil)
        // another community's dispatcher may not take it; its own may, once
        #expect(throws: StoreError.forbidden("bg-dispatch (community dispatcher of BG) may not acknowledge an alarm in grid JB03: outside community BG")) {
            try store.checked(as: "bg-dispatch").acknowledgeAlarms(ids: [raised.id], by: "bg-dispatch", at: now)
        }
        #expect(throws: StoreError.self) { try store.checked(as: "lobby").acknowledgeAlarms(ids: [raised.id], by: "lobby", at: now) }
        let taken = try store.checked(as: "jb-dispatch").acknowledgeAlarms(ids: [raised.id], by: "jb-dispatch", at: now.addingTimeInterval(700))
        #expect(taken.map(\.acknowledgedBy) == ["jb-dispatch"] && taken.first?.acknowledgedAt == now.addingTimeInterval(700))
        #expect(try store.acknowledgeAlarms(ids: [raised.id], by: "duty", at: now).isEmpty)
        let cleared = try #require(try store.clearAlarm(id: raised.id, at: now.addingTimeInterval(800)))
        #expect(!cleared.isOpen)
        #expect(try store.clearAlarm(id: raised.id, at: now.addingTimeInterval(900)) == nil)
        // once cleared, the grid can be raised again
        let again = try #require(try store.raiseAlarm(gridCode: "JB03", reasons: ["unanswered_call"], at: now.addingTimeInterval(1000)))
        #expect(again.id != raised.id)

        let batch = try store.changes(after: start, limit: 20)
        #expect(batch.events.map(\.change) == [
            .alarm(id: raised.id, gridCode: "JB03", .raised(reasons: ["overdue"])),
            .alarm(id: raised.id, gridCode: "JB03", .escalated),
            .alarm(id: raised.id, gridCode: "JB03", .acknowledged),
            .alarm(id: raised.id, gridCode: "JB03", .cleared),
            .alarm(id: again.id, gridCode: "JB03", .raised(reasons: ["unanswered_call"])),
        ])
        #expect(batch.events.allSatisfy { $0.gridCode == "JB03" })
        #expect(batch.events[2].actor == "jb-dispatch")
        #expect(Set(batch.alarms.map(\.id)) == [raised.id, again.id])
        // the working set holds the standing one and the one closed within the hours kept
        let data = try store.loadAll(at: now.addingTimeInterval(1000))
        #expect(Set(data.alarms.map(\.id)) == [raised.id, again.id])
    }
}
