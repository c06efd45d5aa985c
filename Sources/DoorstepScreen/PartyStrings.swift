import DoorstepDomain

/// The words of the Party chain on the drill-down pages, one table per language.
public struct PartyStrings: Sendable {
    /// A grid's Party section title: the branch, its secretary (nil: vacant) and its members.
    public var branchTitle: @Sendable (_ secretary: String?, _ members: Int) -> String
    /// The section's title for a grid with no branch.
    public var noBranch: String
    public var post: @Sendable (PartyPost) -> String
    /// Marks a member who also holds a grid post (人员交叉任职), before the post's name.
    public var alsoHolds: String
    /// A community's chain in one line.
    public var chain: @Sendable (PartyChainSummary) -> String
    /// How many grid stations (网格微家) a community has.
    public var stations: @Sendable (Int) -> String
    /// The five pioneer volunteer teams (先锋队).
    public var team: @Sendable (VanguardTeam) -> String
    /// The street's Party-led network page.
    public var networkTitle: String
    public var functionalTitle: @Sendable (Int) -> String
    public var membersFromGrids: @Sendable (_ members: Int, _ grids: Int) -> String
    public var teamsTitle: String
    public var volunteers: @Sendable (_ all: Int, _ working: Int) -> String
    public var serviceTitle: @Sendable (Int) -> String
    public var noneYet: String

    public static let chinese = PartyStrings(
        branchTitle: { secretary, members in "网格党支部 · " + (secretary.map { "书记 \($0)" } ?? "缺书记") + " · 党员 \(members)" },
        noBranch: "网格党支部 · 未建立",
        post: { post in
            switch post {
            case .secretary: return "书记"
            case .deputy: return "副书记"
            case .groupLeader: return "组长"
            case .centralHousehold: return "中心户"
            case .member: return "党员"
            }
        },
        alsoHolds: "兼",
        chain: { c in
            (c.committee.map { $0.name + (c.secretary.map { " 书记 \($0.name)" } ?? " 缺书记") } ?? "社区党委未建立")
                + " · 网格党支部 \(c.branches)" + (c.vacantBranches > 0 ? "(缺书记或未建 \(c.vacantBranches))" : "")
                + " · 楼栋党小组 \(c.groups) · 党员 \(c.members) · 党员中心户覆盖楼栋 \(c.buildings - c.buildingsWithoutCentralHousehold)/\(c.buildings)"
        },
        stations: { "网格微家 \($0)" },
        team: { team in
            switch team {
            case .building: return "楼栋先锋"
            case .selfGovernance: return "自治先锋"
            case .property: return "红管先锋"
            case .socialWork: return "社工先锋"
            case .newOrganisations: return "两新先锋"
            }
        },
        networkTitle: "党建引领", functionalTitle: { "功能型党组织 · \($0)" }, membersFromGrids: { "党员 \($0) · 来自 \($1) 个网格" },
        teamsTitle: "五支先锋队", volunteers: { "志愿者 \($0) · 在岗 \($1)" }, serviceTitle: { "三级党群服务体系 · \($0) 处" },
        noneYet: "数据集中尚无")

    public static let english = PartyStrings(
        branchTitle: { secretary, members in "Party branch · " + (secretary.map { "secretary \($0)" } ?? "no secretary") + " · \(members) members" },
        noBranch: "Party branch · none",
        post: { post in
            switch post {
            case .secretary: return "secretary"
            case .deputy: return "deputy"
            case .groupLeader: return "group lead"
            case .centralHousehold: return "central hh"
            case .member: return "member"
            }
        },
        alsoHolds: "also ",
        chain: { c in
            (c.committee.map { $0.name + (c.secretary.map { " secretary \($0.name)" } ?? " no secretary") } ?? "no Party committee")
                + " · branches \(c.branches)" + (c.vacantBranches > 0 ? " (\(c.vacantBranches) vacant)" : "")
                + " · building groups \(c.groups) · members \(c.members)"
                + " · buildings with a central household \(c.buildings - c.buildingsWithoutCentralHousehold)/\(c.buildings)"
        },
        stations: { "grid stations \($0)" },
        team: { team in
            switch team {
            case .building: return "building vanguard"
            case .selfGovernance: return "self-governance vanguard"
            case .property: return "property vanguard"
            case .socialWork: return "social-work vanguard"
            case .newOrganisations: return "new-orgs vanguard"
            }
        },
        networkTitle: "Party-led network", functionalTitle: { "Functional Party organisations · \($0)" },
        membersFromGrids: { "\($0) members from \($1) grids" }, teamsTitle: "The five pioneer teams",
        volunteers: { "\($0) volunteers · \($1) working" }, serviceTitle: { "Party-and-people service network · \($0) places" },
        noneYet: "none in the data set")
}

extension Language {
    public var partyStrings: PartyStrings { self == .zh ? .chinese : .english }
}
