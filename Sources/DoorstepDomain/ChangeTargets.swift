import Foundation

/// The rows a run of changes names, to be read again after them, and the 四清 moves they carry
/// whole; or that one of them replaced the territory or its people wholesale (an
/// initialisation, an import: build afresh).
public struct ChangeTargets: Sendable, Equatable {
    public var tickets: Set<String> = []
    public var staff: Set<String> = []
    public var calls: Set<String> = []
    public var visits: Set<String> = []
    public var callIns: Set<String> = []
    public var carePlans: Set<String> = []
    public var placeVisits: Set<String> = []
    public var alarms: Set<String> = []
    /// Households' 四清 confirmed, in order: nothing to read, the events say it all.
    public var clearsMoves: [FourClearsMove] = []
    public var rebuild = false
    /// Handovers made (交接班).
    public var handovers: Set<String> = []

    public init(_ events: [ChangeEvent]) {
        for event in events {
            switch event.change {
            case .initialised, .imported: rebuild = true
            case .ticket(let id, _): tickets.insert(id)
            case .callPlaced(let id, _), .callAnswered(let id, _, _), .callEscalated(let id, _), .callFailed(let id, _), .callConfirmed(let id, _): calls.insert(id)
            case .duty(let id, _): staff.insert(id)
            case .visit(let id, _): visits.insert(id)
            case .callIn(let id, _, _), .callInAnswered(let id, _, _): callIns.insert(id)
            case .carePlan(let id, _), .careServiceDone(_, let id): carePlans.insert(id)
            case .fourClears(_, let grid, let from, let to): clearsMoves.append(FourClearsMove(gridCode: grid, from: from, to: to))
            case .placeVisit(let id, _): placeVisits.insert(id)
            case .alarm(let id, _, _): alarms.insert(id)
            case .handover(let id, _, _): handovers.insert(id)
            case .revealed, .operatorAdded, .operatorRemoved, .keyIssued, .keyRevoked, .unreadable: break  // nothing the wall reads changed (or none this version can read)
            }
        }
    }
}

/// A household of a grid clear until `to` now, until `from` before (nil: not clear).
public struct FourClearsMove: Hashable, Sendable {
    public var gridCode: String
    public var from: Date?
    public var to: Date?

    public init(gridCode: String, from: Date?, to: Date?) {
        self.gridCode = gridCode
        self.from = from
        self.to = to
    }
}
