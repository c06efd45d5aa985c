/// 指挥中心 — the command centre's whole territory, its name and its duty hours: one street
/// (街道社会治理现代化指挥中心), or a district's or a city's centre over many streets.
public struct Centre: Hashable, Sendable {
    public var code: String
    public var name: String
    /// Start and end of duty hours, in minutes after local midnight (nobody on duty inside
    /// these hours is an alarm).
    public var dutyHours: Range<Int>

    public init(code: String, name: String, dutyHours: Range<Int> = 8 * 60 ..< 20 * 60) {
        self.code = code
        self.name = name
        self.dutyHours = dutyHours
    }
}

/// 街道 — a street (sub-district) under a district or city centre. A wall over more than one
/// shows them as aggregated tiles, grouped by district (区), and drills down into one; a
/// street's own centre lists none.
public struct Street: Hashable, Sendable, Identifiable {
    public var code: String
    public var name: String
    /// The district (区) it belongs to, by name ("" when the centre is a single district).
    public var district: String
    public var id: String { code }

    public init(code: String, name: String, district: String = "") {
        self.code = code
        self.name = name
        self.district = district
    }
}

/// 社区 — a neighbourhood under the street.
public struct Community: Hashable, Sendable, Identifiable {
    public var code: String
    public var name: String
    /// The street it belongs to, when the data set has more than one street.
    public var streetCode: String?
    public var id: String { code }

    public init(code: String, name: String, streetCode: String? = nil) {
        self.code = code
        self.name = name
        self.streetCode = streetCode
    }
}

/// 网格 — the basic governance cell inside a community.
public struct Grid: Hashable, Sendable, Identifiable {
    public var code: String
    public var name: String
    public var communityCode: String
    public var id: String { code }

    public init(code: String, name: String, communityCode: String) {
        self.code = code
        self.name = name
        self.communityCode = communityCode
    }
}

/// 微网格 — a finer cell inside a grid, led by a micro-grid chief (微网格长).
public struct MicroGrid: Hashable, Sendable, Identifiable {
    public var code: String
    public var name: String
    public var gridCode: String
    /// Staff id of the micro-grid chief, if one is appointed.
    public var chiefID: String?
    public var id: String { code }

    public init(code: String, name: String, gridCode: String, chiefID: String? = nil) {
        self.code = code
        self.name = name
        self.gridCode = gridCode
        self.chiefID = chiefID
    }
}

/// 楼栋 — a residential building, led by a building chief (楼栋长).
public struct Building: Hashable, Sendable, Identifiable {
    public var code: String
    public var name: String
    public var gridCode: String
    public var microGridCode: String
    public var chiefID: String?
    public var id: String { code }

    public init(code: String, name: String, gridCode: String, microGridCode: String, chiefID: String? = nil) {
        self.code = code
        self.name = name
        self.gridCode = gridCode
        self.microGridCode = microGridCode
        self.chiefID = chiefID
    }
}

/// 六必访 — the six kinds of household or place a grid worker must visit every month.
public enum MustVisitKind: String, CaseIterable, Hashable, Sendable {
    /// 高龄党员
    case elderlyPartyMember = "elderly_party_member"
    /// 独居老人
    case elderlyAlone = "elderly_alone"
    /// 帮扶对象
    case aidRecipient = "aid_recipient"
    /// 困难家庭
    case difficultFamily = "difficult_family"
    /// 特殊群体
    case specialGroup = "special_group"
    /// 重点场所
    case keyPlace = "key_place"
}

/// 户 — a household, with the must-visit kinds it is tagged with.
public struct Household: Hashable, Sendable, Identifiable {
    public var id: String
    public var buildingCode: String
    public var gridCode: String
    /// The head of household's name (personal information: masked on the wall).
    public var headName: String
    /// Contact phone (personal information: masked on the wall).
    public var phone: String
    public var mustVisit: Set<MustVisitKind>
    /// 四清: what is known of it and when it was confirmed (nil: nothing recorded, or not read).
    public var clears: FourClears?

    public init(id: String, buildingCode: String, gridCode: String, headName: String, phone: String, mustVisit: Set<MustVisitKind>,
                clears: FourClears? = nil) {
        self.clears = clears
        self.id = id
        self.buildingCode = buildingCode
        self.gridCode = gridCode
        self.headName = headName
        self.phone = phone
        self.mustVisit = mustVisit
    }
}
