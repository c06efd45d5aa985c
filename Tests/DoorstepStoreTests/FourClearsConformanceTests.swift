import DoorstepDomain
import DoorstepSeeds
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// 四清 against the store protocols: the census in the working set, a confirmation and its
/// event, households read with their records.
@Suite("Store conformance: four clears")
struct FourClearsConformanceTests {
    let now = StoreFixtures.now

    @Test("the working set counts every household, not only those due a must-visit", arguments: StoreUnderTest.all)
    func census(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let data = try store.loadAll(at: now)
        #expect(data.fourClears.totals.values.reduce(0, +) == 2950)
        #expect(data.households.count < 2950)
        let ys03 = data.fourClears.expiries["YS03"]?.filter { $0 > now }.count ?? 0
        #expect(FourClears.isBehind(clear: ys03, total: data.fourClears.totals["YS03"] ?? 0))
        let households = try store.households(ofGrid: "JB01")
        #expect(households.contains { $0.clears?.isClear(at: now) == true })
    }

    @Test("a confirmation records the facets given, keeps the others, and carries when the household was and is clear", arguments: StoreUnderTest.all)
    func confirm(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let before = try #require(try store.households(ofGrid: "YS03").first { $0.clears == nil || $0.clears?.expiresAt == nil })
        let start = try store.lastSequence()
        let partial = try store.confirmClears(householdID: before.id, [.family: " 三口之家 "], by: "S0400", at: now)
        #expect(partial.entries[.family] == FourClears.Entry(note: "三口之家", confirmedAt: now))
        let full = try store.confirmClears(householdID: before.id, [.family: "三口之家", .category: "户籍人口", .needs: "无", .hazards: "无"],
                                           by: "S0400", at: now)
        #expect(full.expiresAt == now.addingTimeInterval(FourClears.freshDays * 86_400))
        let events = try store.events(after: start, limit: 10)
        #expect(events.count == 2)
        #expect(events.last?.change == .fourClears(householdID: before.id, gridCode: "YS03", from: nil, to: full.expiresAt))
        #expect(try store.households(ofGrid: "YS03").first { $0.id == before.id }?.clears == full)
        #expect(throws: StoreError.notFound(kind: "household", id: "H99999")) { try store.confirmClears(householdID: "H99999", [.needs: "无"], by: "x", at: now) }
        #expect(throws: StoreError.self) { try store.confirmClears(householdID: before.id, [:], by: "x", at: now) }
        #expect(try store.lastSequence() == start + 2)
    }
}
