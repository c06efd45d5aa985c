import DoorstepDomain
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// 交接班 against the store protocols: kept with what it handed on, announced in the log,
/// each desk's latest in the working set and in the feed; refused, writing nothing, when it
/// names nobody, the actor themselves or someone unknown, or when a viewer tries.
@Suite("Store conformance: handovers")
struct HandoverConformanceTests {
    let now = StoreFixtures.now

    static var inherited: HandoverSummary {
        var summary = HandoverSummary()
        summary.openTickets = 43
        summary.overdue = 2
        summary.overdueTickets = ["T00070", "T00071"]
        summary.severeHazards = 1
        summary.hazardGrids = ["BG06"]
        return summary
    }

    @Test("a handover is kept with its summary and note, in the log and the feed, each desk's latest in the working set", arguments: StoreUnderTest.all)
    func recorded(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let start = try store.lastSequence()
        let duty = store.checked(as: "duty")
        let first = try duty.recordHandover(to: "duty-night", note: " 燃气异味待回复 ", inherited: Self.inherited, by: "duty", at: now)
        #expect(first.id == "H000001" && first.desk == "street" && first.note == "燃气异味待回复" && first.inherited == Self.inherited)
        let community = try store.checked(as: "jb-dispatch").recordHandover(to: "jb-social", note: "", inherited: HandoverSummary(), by: "jb-dispatch",
                                                                               at: now.addingTimeInterval(60))
        #expect(community.desk == "JB")
        let second = try duty.recordHandover(to: "duty-night", note: "二班", inherited: HandoverSummary(), by: "duty", at: now.addingTimeInterval(120))
        let events = try store.events(after: start, limit: 10)
        #expect(events.map(\.change) == [
            .handover(id: "H000001", from: "duty", to: "duty-night"), .handover(id: community.id, from: "jb-dispatch", to: "jb-social"),
            .handover(id: second.id, from: "duty", to: "duty-night"),
        ])
        // the feed names them; the working set holds each desk's latest
        #expect(try store.changes(after: start, limit: 10).handovers.map(\.id).sorted() == [first.id, community.id, second.id].sorted())
        let latest = try store.loadAll(at: now.addingTimeInterval(180)).handovers
        #expect(Dictionary(latest.map { ($0.desk, $0.id) }, uniquingKeysWith: { a, _ in a }) == ["street": second.id, "JB": community.id])
    }

    @Test("refused, writing nothing: nobody named, oneself, an unknown operator, a viewer, a note too long", arguments: StoreUnderTest.all)
    func refused(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let before = try store.lastSequence()
        let duty = store.checked(as: "duty")
        #expect(throws: StoreError.self) { try duty.recordHandover(to: " ", note: "", inherited: HandoverSummary(), by: "duty", at: now) }
        #expect(throws: StoreError.self) { try duty.recordHandover(to: "duty", note: "", inherited: HandoverSummary(), by: "duty", at: now) }
        #expect(throws: StoreError.notFound(kind: "operator", id: "nobody")) {
            try duty.recordHandover(to: "nobody", note: "", inherited: HandoverSummary(), by: "duty", at: now)
        }
        #expect(throws: StoreError.forbidden("lobby (viewer) may not hand the desk over")) {
            try store.checked(as: "lobby").recordHandover(to: "duty", note: "", inherited: HandoverSummary(), by: "lobby", at: now)
        }
        #expect(throws: StoreError.self) {
            try duty.recordHandover(to: "duty-night", note: String(repeating: "长", count: Handover.noteLimit + 1), inherited: HandoverSummary(), by: "duty", at: now)
        }
        #expect(try store.lastSequence() == before)
    }
}
