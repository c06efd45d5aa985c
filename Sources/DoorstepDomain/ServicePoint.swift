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
