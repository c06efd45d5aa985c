import Foundation

/// Everyone, each held once: in their grid's list (in data-set order), or among those of no
/// grid (dispatchers, operators, street staff); where each is; how many are working.
public struct StaffRoster: Sendable {
    public private(set) var byGrid: StaffByGrid
    /// People who belong to no grid.
    public private(set) var withoutGrid: [Staff] = []
    /// Where each person is: their grid code, "" for none.
    public private(set) var location: [String: String] = [:]
    private(set) var working = 0

    init(_ staff: [Staff], territory: TerritoryIndex) {
        var lists = Array(repeating: [Staff](), count: territory.grids.count)
        location.reserveCapacity(staff.count)
        for person in staff {
            if person.duty.isWorking { working += 1 }
            if let code = person.gridCode, let g = territory.grid(code) {
                location[person.id] = code
                lists[g].append(person)
            } else {
                location[person.id] = ""
                withoutGrid.append(person)
            }
        }
        byGrid = StaffByGrid(index: territory.gridIndex, lists: lists)
    }

    var total: Int { location.count }

    /// A grid's staff, for its rules.
    func staff(ofGrid g: Int) -> [Staff] { byGrid.lists[g] }

    /// Anyone, by id.
    public func person(_ id: String) -> Staff? {
        guard let grid = location[id] else { return nil }
        if grid.isEmpty { return withoutGrid.first { $0.id == id } }
        return byGrid[grid]?.first { $0.id == id }
    }

    /// Puts fresh rows in place (duty changes, imports); returns the grids whose staff changed.
    mutating func apply(_ staff: [Staff], territory: TerritoryIndex) -> Set<Int> {
        var touched = Set<Int>()
        for person in staff {
            let grid = person.gridCode.flatMap { territory.grid($0) == nil ? nil : $0 } ?? ""
            if let g = territory.grid(grid), location[person.id] == grid,
               let index = byGrid.lists[g].firstIndex(where: { $0.id == person.id }) {
                // the common change: duty, in the same grid (nothing else is touched)
                if byGrid.lists[g][index].duty.isWorking { working -= 1 }
                if person.duty.isWorking { working += 1 }
                byGrid.lists[g][index] = person
                touched.insert(g)
                continue
            }
            if let old = location[person.id], let g = displace(person.id, from: old, territory: territory) { touched.insert(g) }
            if let g = place(person, territory: territory) { touched.insert(g) }
        }
        return touched
    }

    private mutating func place(_ person: Staff, territory: TerritoryIndex) -> Int? {
        let g = person.gridCode.flatMap { territory.grid($0) }
        location[person.id] = g == nil ? "" : person.gridCode
        if person.duty.isWorking { working += 1 }
        guard let g else {
            withoutGrid.append(person)
            return nil
        }
        byGrid.lists[g].append(person)
        return g
    }

    private mutating func displace(_ id: String, from grid: String, territory: TerritoryIndex) -> Int? {
        location[id] = nil
        guard let g = territory.grid(grid) else {
            if let index = withoutGrid.firstIndex(where: { $0.id == id }) {
                if withoutGrid[index].duty.isWorking { working -= 1 }
                withoutGrid.remove(at: index)
            }
            return nil
        }
        if let index = byGrid.lists[g].firstIndex(where: { $0.id == id }) {
            if byGrid.lists[g][index].duty.isWorking { working -= 1 }
            byGrid.lists[g].remove(at: index)
        }
        return g
    }
}

/// Each grid's staff, looked up by grid code: one list per grid in an array, so a duty change
/// copies the array of lists (when a snapshot holds it), not a dictionary of them.
public struct StaffByGrid: Sendable {
    let index: [String: Int]
    var lists: [[Staff]]

    /// The staff of the grid with this code, in data-set order; nil for an unknown grid.
    public subscript(code: String) -> [Staff]? {
        index[code].flatMap { lists.indices.contains($0) ? lists[$0] : nil }
    }
}
