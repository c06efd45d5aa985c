/// A department or outside body the street can call in for a hard case (多方力量下沉): public
/// security, justice, the court, health, civil affairs, the mass organisations, the mediation
/// centre … as the data set lists them, each with the hours it is given to answer.
public struct Department: Hashable, Sendable, Identifiable {
    public var code: String
    public var nameZh: String
    public var nameEn: String
    /// Hours a party of this department has to handle a case it is called in for, unless the
    /// call-in sets its own.
    public var answerHours: Int
    public var id: String { code }

    public init(code: String, nameZh: String, nameEn: String, answerHours: Int) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.answerHours = answerHours
    }
}

/// Who an outside party is.
public enum ResponderKind: String, CaseIterable, Hashable, Sendable {
    /// 三官一律: a judge, a prosecutor, a police officer, a lawyer.
    case judge, prosecutor, police, lawyer
    /// 两代表一委员: a Party congress deputy, a people's congress deputy, a CPPCC member.
    case partyDeputy = "party_deputy"
    case congressDeputy = "congress_deputy"
    case cppccMember = "cppcc_member"
    /// 共建单位: a unit that partners the street.
    case partnerUnit = "partner_unit"
    /// 社会组织
    case socialOrganisation = "social_organisation"
    /// 职能部门: a department called in as a whole (its duty desk).
    case department
    /// 矛盾纠纷调处中心: where disputes go.
    case mediationCentre = "mediation_centre"
}

/// A person or unit that can be called in on a ticket (外部力量).
public struct Responder: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var kind: ResponderKind
    /// The department it answers for (the slowest-department figure counts by this).
    public var departmentCode: String
    public var phone: String
    /// The community it serves (nil: the whole street).
    public var communityCode: String?

    public init(id: String, name: String, kind: ResponderKind, departmentCode: String, phone: String = "", communityCode: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.departmentCode = departmentCode
        self.phone = phone
        self.communityCode = communityCode
    }
}

extension ResponderKind {
    /// The kinds to offer first for a ticket of `category` (by the demo's category codes):
    /// disputes go to the mediation centre, then the police, lawyers and judges; hazards to the
    /// departments and the police; care requests to social organisations and departments.
    public static func suggested(forCategory category: String) -> [ResponderKind] {
        switch category {
        case "mediation": return [.mediationCentre, .police, .lawyer, .judge]
        case "hazard": return [.department, .police]
        case "care": return [.socialOrganisation, .department]
        default: return []
        }
    }
}
