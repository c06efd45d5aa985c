/// The roles people hold in and above a grid. A grid's core is "1+1+2+N": one all-round
/// social worker, one professional social worker, two Party-member central households and
/// N volunteers.
public enum StaffRole: String, CaseIterable, Hashable, Sendable {
    /// 双全社工 — handles government affairs for the grid.
    case allRoundSocialWorker = "all_round"
    /// 专业社工 — bought-in professional service.
    case professionalSocialWorker = "professional"
    /// 党员中心户 — Party-member central household.
    case partyCentralHousehold = "party_household"
    /// 网格志愿者 — volunteer, usually in one of the five vanguard teams.
    case volunteer = "volunteer"
    /// 专职网格员 — full-time grid worker.
    case fullTimeGridWorker = "grid_worker"
    /// 微网格长
    case microGridChief = "micro_chief"
    /// 楼栋长
    case buildingChief = "building_chief"
    /// 社区派单员 — community dispatcher.
    case communityDispatcher = "dispatcher"
    /// 街道值班员 — street command-centre operator.
    case streetOperator = "operator"

    /// True for the four roles that make up a grid's 1+1+2+N.
    public var isGridCore: Bool {
        switch self {
        case .allRoundSocialWorker, .professionalSocialWorker, .partyCentralHousehold, .volunteer: return true
        default: return false
        }
    }
}

/// Where a staff member is right now.
public enum DutyState: String, CaseIterable, Hashable, Sendable {
    /// 在岗
    case onDuty = "on"
    /// 忙碌
    case busy = "busy"
    /// 走访中
    case visiting = "visit"
    /// 离岗
    case off = "off"

    /// Reachable and working (on duty, busy or on a visit).
    public var isWorking: Bool { self != .off }
}

/// 先锋队 — the five volunteer vanguard teams.
public enum VanguardTeam: String, CaseIterable, Hashable, Sendable {
    /// 楼栋先锋
    case building
    /// 自治先锋
    case selfGovernance = "self_governance"
    /// 红管先锋
    case property
    /// 社工先锋
    case socialWork = "social_work"
    /// 两新先锋
    case newOrganisations = "new_organisations"
}

/// A person who works in or above a grid.
public struct Staff: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var role: StaffRole
    /// The grid the person serves, if any (dispatchers and operators have none).
    public var gridCode: String?
    public var communityCode: String?
    public var phone: String
    public var duty: DutyState
    public var team: VanguardTeam?
    /// Shift, in minutes after local midnight.
    public var shift: Range<Int>

    public init(
        id: String, name: String, role: StaffRole, gridCode: String?, communityCode: String?, phone: String,
        duty: DutyState, team: VanguardTeam? = nil, shift: Range<Int> = 8 * 60 ..< 18 * 60
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.gridCode = gridCode
        self.communityCode = communityCode
        self.phone = phone
        self.duty = duty
        self.team = team
        self.shift = shift
    }
}
