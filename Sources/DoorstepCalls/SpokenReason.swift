import DoorstepDomain

extension StatusReason {
    /// The reason as a worker called about it hears it, in Chinese (the tile's reason words,
    /// written out for a voice: "3件工单超时").
    public var spokenChinese: String {
        switch self {
        case .overdueTickets(let n): return "\(n)件工单超时"
        case .unansweredCalls(let n): return "\(n)个呼叫未接"
        case .nobodyOnDuty: return "网格无人在岗"
        case .severeHazards(let n): return "\(n)处严重隐患未处置"
        case .nearDeadline(let n): return "\(n)件工单临近时限"
        case .mustVisitsBehind(let done, let due): return "本月必访完成\(done)户,应访\(due)户"
        case .staffingIncomplete: return "网格力量不全"
        case .partyBranchVacant: return "网格党支部空缺"
        case .partiesNotAnswering(let n): return "\(n)个联动部门未响应"
        case .callInsLate(let n): return "\(n)个联动超时"
        case .careMissed(let n): return "\(n)次关爱服务未按时完成"
        case .fourClearsBehind(let clear, let total): return "四清\(clear)户,共\(total)户"
        }
    }
}
