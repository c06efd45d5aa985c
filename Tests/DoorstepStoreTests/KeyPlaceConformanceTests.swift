import DoorstepDomain
import DoorstepSeeds
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Testing

/// Key places (重点场所) against the store protocols: the places and this month's visits in the
/// working set, a visit logged and followed in the feed.
@Suite("Store conformance: key places")
struct KeyPlaceConformanceTests {
    let now = StoreFixtures.now

    @Test("a visit to a key place is logged with what was found, and the feed brings it", arguments: StoreUnderTest.all)
    func visit(_ kind: StoreUnderTest) throws {
        let (store, cleanUp) = try kind.make(now)
        defer { cleanUp() }
        let data = try store.loadAll(at: now)
        #expect(data.keyPlaces.count == 128)
        #expect(!data.placeVisits.isEmpty)
        let place = try #require(data.keyPlaces.first)
        let start = try store.lastSequence()
        let visit = try store.logPlaceVisit(placeCode: place.code, staffID: "S0002", note: " 灭火器过期 ", at: now)
        #expect(visit.note == "灭火器过期" && visit.placeCode == place.code)
        let batch = try store.changes(after: start, limit: 10)
        #expect(batch.events.map(\.change) == [.placeVisit(visitID: visit.id, placeCode: place.code)])
        #expect(batch.placeVisits == [visit])
        #expect(throws: StoreError.notFound(kind: "key place", id: "ZZ-P9")) { try store.logPlaceVisit(placeCode: "ZZ-P9", staffID: "S0002", note: nil, at: now) }
        #expect(throws: StoreError.notFound(kind: "staff", id: "S9999")) { try store.logPlaceVisit(placeCode: place.code, staffID: "S9999", note: nil, at: now) }
        #expect(try store.lastSequence() == start + 1)
    }
}
