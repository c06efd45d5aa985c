/// The three levels of the Party-and-people service network (三级党群服务体系).
public enum ServiceLevel: String, CaseIterable, Hashable, Sendable {
    /// 街道党群服务中心
    case street
    /// 社区党群服务中心
    case community
    /// 网格党群服务站 / 网格微家
    case grid
}

/// A place of the service network: where it is, when it is open and which of the five kinds
/// of service (五大类服务清单, the ticket categories) it offers.
public struct ServicePoint: Hashable, Sendable, Identifiable {
    public var code: String
    public var level: ServiceLevel
    public var name: String
    public var communityCode: String?
    public var gridCode: String?
    /// Opening hours as the data set words them ("周一至周五 09:00-17:00").
    public var hours: String
    /// Category codes of the services offered.
    public var services: [String]
    public var id: String { code }

    public init(code: String, level: ServiceLevel, name: String, communityCode: String? = nil, gridCode: String? = nil, hours: String,
                services: [String]) {
        self.code = code
        self.level = level
        self.name = name
        self.communityCode = communityCode
        self.gridCode = gridCode
        self.hours = hours
        self.services = services
    }
}

/// The service network as the screens read it, indexed once with the territory: the street's
/// centre, each community's centre and how many grid stations it has, each grid's station.
public struct ServiceNetwork: Sendable {
    public let points: [ServicePoint]
    public let streetCentres: [ServicePoint]
    public let communityCentres: [ServicePoint]
    private let centreOfCommunity: [String: ServicePoint]
    private let stationOfGrid: [String: ServicePoint]
    private let stationsInCommunity: [String: Int]

    public init(_ points: [ServicePoint]) {
        self.points = points
        streetCentres = points.filter { $0.level == .street }
        communityCentres = points.filter { $0.level == .community }
        centreOfCommunity = Dictionary(communityCentres.compactMap { p in p.communityCode.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        let stations = points.filter { $0.level == .grid }
        stationOfGrid = Dictionary(stations.compactMap { p in p.gridCode.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        stationsInCommunity = Dictionary(stations.compactMap { p in p.communityCode.map { ($0, 1) } }, uniquingKeysWith: +)
    }

    public func centre(ofCommunity code: String) -> ServicePoint? { centreOfCommunity[code] }
    public func station(ofGrid code: String) -> ServicePoint? { stationOfGrid[code] }
    public func stationCount(inCommunity code: String) -> Int { stationsInCommunity[code] ?? 0 }
}
