import Foundation

/// 重点场所 — a place of a grid that needs a visit every month (the sixth of the 六必访): a
/// shop, a construction site, a school gate.
public struct KeyPlace: Hashable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        /// 沿街商铺
        case shop
        /// 建筑工地
        case constructionSite = "construction_site"
        /// 校园周边
        case schoolGate = "school_gate"
        /// 农贸市场
        case market
        /// 出租屋、群租房
        case rental
        /// 其他
        case other
    }

    public var code: String
    public var gridCode: String
    public var name: String
    public var kind: Kind
    /// Who answers for it there, and how to reach them.
    public var contact: String
    public var phone: String
    public var id: String { code }

    public init(code: String, gridCode: String, name: String, kind: Kind, contact: String = "", phone: String = "") {
        self.code = code
        self.gridCode = gridCode
        self.name = name
        self.kind = kind
        self.contact = contact
        self.phone = phone
    }
}

/// A visit to a key place.
public struct PlaceVisit: Hashable, Sendable, Identifiable {
    public var id: String
    public var placeCode: String
    public var staffID: String
    public var at: Date
    /// What the worker found.
    public var note: String?

    public init(id: String, placeCode: String, staffID: String, at: Date, note: String? = nil) {
        self.id = id
        self.placeCode = placeCode
        self.staffID = staffID
        self.at = at
        self.note = note
    }
}

/// The key places by grid, their visits newest first, and each grid's places visited this
/// month: the places' share of the must-visits.
public struct KeyPlaceLedger: Sendable {
    public private(set) var byGrid: [String: [KeyPlace]] = [:]
    private var byCode: [String: KeyPlace] = [:]
    public private(set) var visitsByPlace: [String: [PlaceVisit]] = [:]
    private var visitedThisMonth: Set<String> = []
    /// Per grid code: places, and those visited this month.
    private(set) var dueByGrid: [String: Int] = [:]
    private(set) var doneByGrid: [String: Int] = [:]
    public private(set) var due = 0
    public private(set) var done = 0

    public init(places: [KeyPlace] = [], visits: [PlaceVisit] = [], month: DateInterval) {
        for place in places {
            byGrid[place.gridCode, default: []].append(place)
            byCode[place.code] = place
            dueByGrid[place.gridCode, default: 0] += 1
            due += 1
        }
        _ = apply(visits, month: month)
    }

    /// Adds visits made since; returns the grids whose progress moved.
    public mutating func apply(_ visits: [PlaceVisit], month: DateInterval) -> Set<String> {
        var touched = Set<String>()
        for visit in visits where !(visitsByPlace[visit.placeCode]?.contains { $0.id == visit.id } ?? false) {
            var list = visitsByPlace[visit.placeCode] ?? []
            list.insert(visit, at: list.firstIndex { $0.at <= visit.at } ?? list.count)
            visitsByPlace[visit.placeCode] = list
            guard month.contains(visit.at), let grid = byCode[visit.placeCode]?.gridCode, visitedThisMonth.insert(visit.placeCode).inserted else { continue }
            done += 1
            doneByGrid[grid, default: 0] += 1
            touched.insert(grid)
        }
        return touched
    }

    public func place(_ code: String) -> KeyPlace? { byCode[code] }
    public func visited(_ code: String) -> Bool { visitedThisMonth.contains(code) }
    public func due(ofGrid code: String) -> Int { dueByGrid[code] ?? 0 }
    public func done(ofGrid code: String) -> Int { doneByGrid[code] ?? 0 }
}
