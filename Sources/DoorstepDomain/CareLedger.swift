import Foundation

/// The care plans, held once by id, with each grid's and each household's plans: the grid
/// page's care section, the household page, the live map's cells, and each grid's services
/// owed for its rules.
public struct CareLedger: Sendable {
    private var byID: [String: CarePlan] = [:]
    private var idsByGrid: [String: [String]] = [:]
    private var idsByHousehold: [String: [String]] = [:]
    /// When each service of a running plan counts as missed, in order: the count each second is
    /// one binary search.
    private var missedAts: [Date] = []

    public init(_ plans: [CarePlan] = []) { _ = apply(plans) }

    public var isEmpty: Bool { byID.isEmpty }
    public var count: Int { byID.count }
    public func plan(_ id: String) -> CarePlan? { byID[id] }
    /// A grid's plans, in id order.
    public func plans(ofGrid code: String) -> [CarePlan] { idsByGrid[code]?.compactMap { byID[$0] } ?? [] }
    public func plans(ofHousehold id: String) -> [CarePlan] { idsByHousehold[id]?.compactMap { byID[$0] } ?? [] }
    /// The services a grid owes now: those of its running plans.
    public func runningServices(ofGrid code: String) -> [CareService] {
        plans(ofGrid: code).lazy.filter(\.state.isRunning).flatMap(\.services)
    }

    /// Services missed across every running plan at `now`.
    public func missed(at now: Date) -> Int { missedAts.partitionPoint { $0 < now } }

    /// Puts fresh plans in place (with their services); returns the grids whose plans changed.
    public mutating func apply(_ fresh: [CarePlan]) -> Set<String> {
        var touched = Set<String>()
        for plan in fresh {
            if let old = byID[plan.id] {
                if old.gridCode != plan.gridCode {
                    idsByGrid[old.gridCode]?.removeAll { $0 == plan.id }
                    Self.insert(plan.id, into: &idsByGrid[plan.gridCode, default: []])
                }
                touched.insert(old.gridCode)
            } else {
                Self.insert(plan.id, into: &idsByGrid[plan.gridCode, default: []])
                Self.insert(plan.id, into: &idsByHousehold[plan.householdID, default: []])
            }
            byID[plan.id] = plan
            touched.insert(plan.gridCode)
        }
        if !fresh.isEmpty {
            missedAts = byID.values.filter(\.state.isRunning).flatMap { $0.services.map(\.missedAt) }.sorted()
        }
        return touched
    }

    private static func insert(_ id: String, into list: inout [String]) {
        list.insert(id, at: list.firstIndex { $0 > id } ?? list.count)
    }
}
