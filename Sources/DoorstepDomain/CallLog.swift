import Foundation

/// The calls, each held once (by id), in order newest first, with each grid's call ids.
struct CallLog: Sendable {
    private var byID: [String: Call] = [:]
    /// Ids, newest first.
    private var order: [String] = []
    private var idsByGrid: [Set<String>]

    init(_ calls: [Call], territory: TerritoryIndex, location: (Call) -> Int?) {
        idsByGrid = Array(repeating: [], count: territory.grids.count)
        for call in calls.sorted(by: { $0.placedAt > $1.placedAt }) {
            byID[call.id] = call
            order.append(call.id)
            if let g = location(call) { idsByGrid[g].insert(call.id) }
        }
    }

    /// Newest first.
    var all: [Call] { order.compactMap { byID[$0] } }

    func calls(ofGrid g: Int) -> [Call] { idsByGrid[g].compactMap { byID[$0] } }

    /// Puts fresh rows in place; returns the grids whose calls changed.
    mutating func apply(_ fresh: [Call], location: (Call) -> Int?) -> Set<Int> {
        var touched = Set<Int>()
        for call in fresh {
            if let old = byID[call.id], let index = order.firstIndex(of: call.id) {
                if let g = location(old) {
                    idsByGrid[g].remove(call.id)
                    touched.insert(g)
                }
                order.remove(at: index)
            }
            byID[call.id] = call
            let at = order.firstIndex { (byID[$0]?.placedAt ?? .distantPast) <= call.placedAt } ?? order.count
            order.insert(call.id, at: at)
            if let g = location(call) {
                idsByGrid[g].insert(call.id)
                touched.insert(g)
            }
        }
        return touched
    }
}

/// Households due a must-visit (六必访), the visits logged, and this month's progress per grid.
struct MustVisitLedger: Sendable {
    private(set) var byGrid: [String: [Household]] = [:]
    private var gridOfHousehold: [String: String] = [:]
    /// Newest first.
    private(set) var visitsByHousehold: [String: [Visit]] = [:]
    private var visitedThisMonth: Set<String> = []
    private(set) var due = 0
    private(set) var done = 0
    /// Per grid (by index): due this month, and done.
    private(set) var dueByGrid: [Int]
    private(set) var doneByGrid: [Int]

    init(households: [Household], visits: [Visit], month: DateInterval, territory: TerritoryIndex) {
        dueByGrid = Array(repeating: 0, count: territory.grids.count)
        doneByGrid = dueByGrid
        for household in households where !household.mustVisit.isEmpty {
            byGrid[household.gridCode, default: []].append(household)
            gridOfHousehold[household.id] = household.gridCode
            if let g = territory.grid(household.gridCode) { dueByGrid[g] += 1 }
            due += 1
        }
        for visit in visits.sorted(by: { $0.at > $1.at }) { visitsByHousehold[visit.householdID, default: []].append(visit) }
        for visit in visits { _ = count(visit, month: month, territory: territory) }
    }

    /// Adds visits logged since (visits are never changed once logged); returns the grids
    /// whose progress moved.
    mutating func apply(_ visits: [Visit], month: DateInterval, territory: TerritoryIndex) -> Set<Int> {
        var touched = Set<Int>()
        for visit in visits where !(visitsByHousehold[visit.householdID]?.contains { $0.id == visit.id } ?? false) {
            var list = visitsByHousehold[visit.householdID] ?? []
            list.insert(visit, at: list.firstIndex { $0.at <= visit.at } ?? list.count)
            visitsByHousehold[visit.householdID] = list
            if let g = count(visit, month: month, territory: territory) { touched.insert(g) }
        }
        return touched
    }

    private mutating func count(_ visit: Visit, month: DateInterval, territory: TerritoryIndex) -> Int? {
        guard month.contains(visit.at), let grid = gridOfHousehold[visit.householdID],
              visitedThisMonth.insert(visit.householdID).inserted else { return nil }
        done += 1
        guard let g = territory.grid(grid) else { return nil }
        doneByGrid[g] += 1
        return g
    }
}
