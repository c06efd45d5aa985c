import DoorstepDomain
import DoorstepStore
import Foundation
import Synchronization

/// The street, the categories and the grid names every answer names, read from the store at
/// most once per `life` seconds: they change only with `init` or an import, and reading them for
/// each request was most of a request's reads. A category or grid added meanwhile shows within
/// `life`.
final class ReferenceCache: Sendable {
    struct Reference: Sendable {
        var categories: [String: TicketCategory]
        var gridNames: [String: String]
        /// The street's code and name: the Open311 jurisdiction.
        var street: (code: String, name: String)
        var readAt: Date
    }

    private let store: any StoreQueries & ServiceQueries
    private let clock: any Clock
    private let life: TimeInterval
    private let held = Mutex<Reference?>(nil)

    init(store: any StoreQueries & ServiceQueries, clock: any Clock, life: TimeInterval = 5) {
        self.store = store
        self.clock = clock
        self.life = life
    }

    /// The reference data, read again when older than `life` (or when the clock went back).
    func current() throws -> Reference {
        let now = clock.now()
        if let reference = held.withLock({ $0 }), now >= reference.readAt, now.timeIntervalSince(reference.readAt) < life { return reference }
        let fresh = Reference(categories: try store.loadCategories(), gridNames: try store.gridNames(), street: try store.jurisdiction(), readAt: now)
        held.withLock { $0 = fresh }
        return fresh
    }
}
