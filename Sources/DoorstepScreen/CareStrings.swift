import DoorstepDomain
import Foundation

/// The words of care plans (个性化服务方案) on the wall, one table per language.
public struct CareStrings: Sendable {
    public var group: @Sendable (CareGroup) -> String
    public var state: @Sendable (CarePlan.State) -> String
    /// "3次/周", "3 a week".
    public var cadence: @Sendable (CareCadence) -> String
    public var sectionTitle: @Sendable (_ plans: Int, _ missed: Int) -> String
    public var due: String
    public var missed: String
    public var reviewOverdue: String
    public var review: @Sendable (String) -> String
    public var lastDone: @Sendable (String) -> String
    public var never: String
    public var socialWorker: String
    public var householdTitle: String
    /// The live map's legend word for a care service due.
    public var mapDue: String

    public static let chinese = CareStrings(
        group: { group in
            switch group {
            case .emptyNestElder: return "空巢老人"
            case .disability: return "残障人士"
            case .familyInDifficulty: return "困难家庭"
            case .leftBehindChild: return "留守儿童"
            }
        },
        state: { state in
            switch state {
            case .ordered: return "待派单"
            case .dispatched: return "待接单"
            case .accepted: return "服务中"
            case .closed: return "已结束"
            }
        },
        cadence: { c in
            switch c.period {
            case .day: return "\(c.times)次/日"
            case .week: return "\(c.times)次/周"
            case .month: return "\(c.times)次/月"
            }
        },
        sectionTitle: { plans, missed in "关爱帮扶 · 方案 \(plans)" + (missed > 0 ? " · 逾期 \(missed)" : "") },
        due: "到期", missed: "逾期", reviewOverdue: "复评逾期", review: { "复评 \($0)" }, lastDone: { "上次 \($0)" }, never: "尚未服务",
        socialWorker: "社工", householdTitle: "个性化服务方案", mapDue: "帮扶服务到期"
    )

    public static let english = CareStrings(
        group: { group in
            switch group {
            case .emptyNestElder: return "elder alone"
            case .disability: return "disability"
            case .familyInDifficulty: return "family in need"
            case .leftBehindChild: return "child left behind"
            }
        },
        state: { state in
            switch state {
            case .ordered: return "to dispatch"
            case .dispatched: return "to accept"
            case .accepted: return "running"
            case .closed: return "closed"
            }
        },
        cadence: { c in "\(c.times)/\(c.period.rawValue)" },
        sectionTitle: { plans, missed in "Care plans · \(plans)" + (missed > 0 ? " · \(missed) missed" : "") },
        due: "due", missed: "missed", reviewOverdue: "review overdue", review: { "review \($0)" }, lastDone: { "last \($0)" }, never: "not yet given",
        socialWorker: "social worker", householdTitle: "Care plans", mapDue: "care service due"
    )

    /// A service in a few words, with what is owed now: "助餐 3次/周 逾期".
    func service(_ service: CareService, running: Bool, at now: Date) -> (String, Bool) {
        let owed = running && service.isMissed(at: now) ? " " + missed : running && service.isDue(at: now) ? " " + due : ""
        return (service.name + " " + cadence(service.cadence) + owed, running && service.isMissed(at: now))
    }
}

extension Language {
    public var careStrings: CareStrings { self == .zh ? .chinese : .english }
}
