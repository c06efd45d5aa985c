/// The levels of the Party chain (四级组织链条), and the functional organisations beside it.
public enum PartyOrgKind: String, CaseIterable, Hashable, Sendable {
    /// 社区党委 — a community's Party committee, the top of its chain.
    case committee
    /// 网格党支部 — a grid's Party branch, under its community's committee.
    case branch
    /// 楼栋党小组 — a building's Party group, under its grid's branch.
    case group
    /// 功能型党组织 — a branch by interest, trade or cause (趣缘、业缘、志缘), whose members come
    /// from many grids; it sits under a committee or directly under the street.
    case functional
}

/// A Party organisation: one link of the chain, or a functional branch.
public struct PartyOrganisation: Hashable, Sendable, Identifiable {
    public var code: String
    public var kind: PartyOrgKind
    public var name: String
    /// The community it belongs to (every kind but a street-level functional branch).
    public var communityCode: String?
    /// A branch's grid.
    public var gridCode: String?
    /// A group's building.
    public var buildingCode: String?
    /// The organisation above it: a branch's committee, a group's branch.
    public var parentCode: String?
    public var id: String { code }

    public init(code: String, kind: PartyOrgKind, name: String, communityCode: String? = nil, gridCode: String? = nil,
                buildingCode: String? = nil, parentCode: String? = nil) {
        self.code = code
        self.kind = kind
        self.name = name
        self.communityCode = communityCode
        self.gridCode = gridCode
        self.buildingCode = buildingCode
        self.parentCode = parentCode
    }
}

/// What a Party member does in the organisation they belong to.
public enum PartyPost: String, CaseIterable, Hashable, Sendable, Comparable {
    /// 书记 — secretary of a committee or branch.
    case secretary
    /// 副书记
    case deputy
    /// 组长 — leader of a building's Party group.
    case groupLeader = "group_leader"
    /// 党员中心户 — the Party-member household a building's residents go to first.
    case centralHousehold = "central_household"
    /// 党员
    case member

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? Self.allCases.count }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// 党员 — a Party member, in one territorial organisation (a committee, branch or group) and
/// perhaps also in a functional one. A member who also holds a grid post (人员交叉任职) is one
/// person with both roles: `staffID` names the staff record, whose name and phone are theirs.
public struct PartyMember: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var phone: String
    /// The committee, branch or group the member belongs to.
    public var orgCode: String
    public var post: PartyPost
    /// The building the member lives in (a central household's building).
    public var buildingCode: String?
    /// A functional organisation the member also belongs to.
    public var functionalCode: String?
    /// The staff record of the same person, when they also hold a grid post.
    public var staffID: String?

    public init(id: String, name: String, phone: String, orgCode: String, post: PartyPost = .member, buildingCode: String? = nil,
                functionalCode: String? = nil, staffID: String? = nil) {
        self.id = id
        self.name = name
        self.phone = phone
        self.orgCode = orgCode
        self.post = post
        self.buildingCode = buildingCode
        self.functionalCode = functionalCode
        self.staffID = staffID
    }
}
