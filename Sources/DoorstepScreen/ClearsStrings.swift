import DoorstepDomain

/// The words of 四清 on the wall, one table per language.
public struct ClearsStrings: Sendable {
    public var facet: @Sendable (FourClears.Facet) -> String
    /// A grid's completeness: "四清 93% (45/48)".
    public var completeness: @Sendable (_ clear: Int, _ total: Int) -> String
    /// The household page's heading: clear or not.
    public var heading: @Sendable (_ clear: Bool) -> String
    public var confirmed: @Sendable (String) -> String
    public var stale: String
    public var missing: String

    public static let chinese = ClearsStrings(
        facet: { facet in
            switch facet {
            case .family: return "家庭情况"
            case .category: return "人员类别"
            case .needs: return "服务事项"
            case .hazards: return "隐患矛盾"
            }
        },
        completeness: { clear, total in "四清 \(total > 0 ? clear * 100 / total : 0)% (\(clear)/\(total))" },
        heading: { $0 ? "四清 · 已清" : "四清 · 未清" },
        confirmed: { "确认于 \($0)" }, stale: "已过半年,待重新确认", missing: "未录入"
    )

    public static let english = ClearsStrings(
        facet: { facet in
            switch facet {
            case .family: return "Family"
            case .category: return "Category"
            case .needs: return "Needs"
            case .hazards: return "Hazards"
            }
        },
        completeness: { clear, total in "4 clears \(total > 0 ? clear * 100 / total : 0)% (\(clear)/\(total))" },
        heading: { $0 ? "Four clears · clear" : "Four clears · not clear" },
        confirmed: { "confirmed \($0)" }, stale: "over half a year old: confirm again", missing: "not recorded"
    )
}

extension Language {
    public var clearsStrings: ClearsStrings { self == .zh ? .chinese : .english }
}
