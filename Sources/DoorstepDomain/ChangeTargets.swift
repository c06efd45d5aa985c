/// The rows a run of changes names, to be read again after them; or that one of them replaced
/// the territory or its people wholesale (an initialisation, an import: build afresh).
public struct ChangeTargets: Sendable, Equatable {
    public var tickets: Set<String> = []
    public var staff: Set<String> = []
    public var calls: Set<String> = []
    public var visits: Set<String> = []
    public var callIns: Set<String> = []
    public var carePlans: Set<String> = []
    public var placeVisits: Set<String> = []
    public var rebuild = false

    public init(_ events: [ChangeEvent]) {
        for event in events {
            switch event.change {
            case .initialised, .imported: rebuild = true
            case .ticket(let id, _): tickets.insert(id)
            case .callPlaced(let id, _), .callAnswered(let id, _), .callEscalated(let id, _): calls.insert(id)
            case .duty(let id, _): staff.insert(id)
            case .visit(let id, _): visits.insert(id)
            case .callIn(let id, _, _), .callInAnswered(let id, _, _): callIns.insert(id)
            case .carePlan(let id, _), .careServiceDone(_, let id): carePlans.insert(id)
            case .fourClears: break  // the event carries what changed
            case .placeVisit(let id, _): placeVisits.insert(id)
            case .revealed, .unreadable: break  // no data changed (or none this version can read)
            }
        }
    }
}
