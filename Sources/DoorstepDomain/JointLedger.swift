import Foundation

/// The parties called in on tickets (联动处置), held once by id, with each ticket's call-ins
/// and how many are still pending: the ticket page's parties, the grids' late call-ins, the
/// tickets waiting on a department and each department's pace.
public struct JointLedger: Sendable {
    private var byID: [String: CallIn] = [:]
    /// Each ticket's call-ins, in the order they were requested.
    private var idsByTicket: [String: [String]] = [:]
    /// Tickets with at least one pending call-in.
    public private(set) var waiting: Set<String> = []
    /// The deadlines of the pending call-ins, in order: the late count each second is one
    /// binary search.
    private var pendingDues: [Date] = []
    public var pendingCount: Int { pendingDues.count }

    public init(_ callIns: [CallIn] = []) {
        _ = apply(callIns.sorted { ($0.requestedAt, $0.id) < ($1.requestedAt, $1.id) })
    }

    /// A ticket's call-ins, in the order they were requested.
    public func callIns(ofTicket id: String) -> [CallIn] { idsByTicket[id]?.compactMap { byID[$0] } ?? [] }

    /// A ticket's call-ins still pending.
    public func pending(ofTicket id: String) -> [CallIn] {
        waiting.contains(id) ? callIns(ofTicket: id).filter(\.state.isPending) : []
    }

    /// Every call-in held, in no particular order.
    public var all: Dictionary<String, CallIn>.Values { byID.values }

    /// Puts fresh rows in place; returns the tickets whose call-ins changed.
    public mutating func apply(_ fresh: [CallIn]) -> Set<String> {
        var touched = Set<String>()
        for callIn in fresh {
            if byID[callIn.id] == nil { idsByTicket[callIn.ticketID, default: []].append(callIn.id) }
            byID[callIn.id] = callIn
            touched.insert(callIn.ticketID)
        }
        for ticket in touched {
            if callIns(ofTicket: ticket).contains(where: \.state.isPending) { waiting.insert(ticket) } else { waiting.remove(ticket) }
        }
        if !fresh.isEmpty { pendingDues = byID.values.filter(\.state.isPending).map(\.dueAt).sorted() }
        return touched
    }

    /// Pending call-ins past their deadline at `now`.
    public func late(at now: Date) -> Int { pendingDues.partitionPoint { $0 < now } }

    /// Each department's pace over the call-ins requested in the `days` before `now`, slowest
    /// first: the mean hours from request to the answer that ended it (a pending one counts
    /// the hours so far), then the most late.
    public func pace(at now: Date, days: Double = 7, departmentOf: (String) -> String?) -> [DepartmentPace] {
        let since = now.addingTimeInterval(-days * 86_400)
        var byDepartment: [String: DepartmentPace] = [:]
        for callIn in byID.values where callIn.requestedAt >= since {
            let code = departmentOf(callIn.responderID) ?? ""
            var pace = byDepartment[code] ?? DepartmentPace(departmentCode: code)
            pace.count += 1
            pace.totalHours += callIn.hoursTaken(at: now)
            if callIn.state.isPending { pace.pending += 1 }
            if callIn.isLate(at: now) { pace.late += 1 }
            if callIn.state == .declined { pace.declined += 1 }
            byDepartment[code] = pace
        }
        return byDepartment.values.sorted { a, b in
            if a.meanHours != b.meanHours { return a.meanHours > b.meanHours }
            if a.late != b.late { return a.late > b.late }
            return a.departmentCode < b.departmentCode
        }
    }
}

/// How one department answered its call-ins over a window.
public struct DepartmentPace: Hashable, Sendable {
    public var departmentCode: String
    public var count = 0
    public var pending = 0
    public var late = 0
    public var declined = 0
    public var totalHours = 0.0

    public init(departmentCode: String) { self.departmentCode = departmentCode }

    /// Mean hours per call-in (0 for none).
    public var meanHours: Double { count > 0 ? totalHours / Double(count) : 0 }
}
