import Foundation

/// Every grid's summary as its tile shows it, when each must be judged again, and what the
/// groups of grids add up to (each community, each street, the whole centre), adjusted by
/// difference when a grid is judged differently.
struct GridJudgements: Sendable {
    private(set) var summaries: ChunkedArray<Overview.GridSummary>
    private var revisitAt: [Date]
    /// The earliest of `revisitAt`: before it, no grid needs looking at.
    private var earliestRevisit = Date.distantPast
    /// Grids whose facts changed since they were last judged.
    private var dirty: Set<Int>
    private(set) var communityTallies: [StatusTally]
    private(set) var streetTallies: [StatusTally]
    /// All grids together (the headline's alarm and attention).
    private(set) var total = StatusTally()
    /// Counts every grid judged differently.
    private(set) var changes = 0
    /// The codes of the grids in alarm (the alarm desk compares them with the standing alarms).
    private(set) var inAlarm = Set<String>()
    /// The grids that entered or left alarm since `takeAlarmMoves` was last asked.
    private var alarmMoves: [String] = []

    init(territory: TerritoryIndex) {
        // small chunks: a summary holds four counted references, and a chunk the last snapshot
        // still shares is copied whole when one of its grids is judged differently (in a city
        // a deadline passes most seconds)
        summaries = ChunkedArray(territory.grids.map {
            Overview.GridSummary(grid: $0, assessment: GridAssessment(reasons: []), openTickets: 0, working: 0, staffCount: 0)
        }, chunkSize: 32)
        revisitAt = Array(repeating: .distantPast, count: territory.grids.count)
        communityTallies = Array(repeating: StatusTally(), count: territory.communities.count)
        streetTallies = Array(repeating: StatusTally(), count: territory.streets.count)
        dirty = Set(territory.grids.indices)
        for (index, summary) in summaries.enumerated() { tally(index, summary, sign: 1, territory: territory) }
    }

    mutating func markDirty<S: Sequence>(_ grids: S) where S.Element == Int { dirty.formUnion(grids) }

    /// Judges the grids whose facts changed and those whose time-driven rules came due.
    mutating func bringUp(to context: StatusContext, territory: TerritoryIndex, facts: @Sendable (Int) -> GridFacts) {
        if context.now >= earliestRevisit {
            for index in revisitAt.indices where revisitAt[index] <= context.now { dirty.insert(index) }
        }
        guard !dirty.isEmpty else { return }
        let indices = Array(dirty)
        dirty.removeAll(keepingCapacity: true)
        // many at once (a first build, a new month): gathered and judged on all cores, then put
        // in place
        if indices.count >= 4_096 {
            let grids = territory.grids
            let judged = Parallel.map(indices.count) { Self.judge(facts(indices[$0]), grid: grids[indices[$0]], in: context) }
            for (k, index) in indices.enumerated() { apply(judged[k].0, revisit: judged[k].1, to: index, territory: territory) }
        } else {
            for index in indices {
                let (fresh, revisit) = Self.judge(facts(index), grid: territory.grids[index], in: context)
                apply(fresh, revisit: revisit, to: index, territory: territory)
            }
        }
        earliestRevisit = revisitAt.min() ?? .distantFuture
    }

    /// A grid's summary from its facts, and when it must be looked at again.
    private static func judge(_ facts: GridFacts, grid: Grid, in context: StatusContext) -> (Overview.GridSummary, Date) {
        let working = facts.staff.reduce(0) { $0 + ($1.duty.isWorking ? 1 : 0) }
        let summary = Overview.GridSummary(
            grid: grid, assessment: StatusRules.assess(facts, in: context), openTickets: facts.openTickets.count,
            working: working, staffCount: facts.staff.count)
        return (summary, StatusRules.revisit(facts, in: context))
    }

    private mutating func apply(_ fresh: Overview.GridSummary, revisit: Date, to index: Int, territory: TerritoryIndex) {
        revisitAt[index] = revisit
        let old = summaries[index]
        guard old.assessment != fresh.assessment || old.openTickets != fresh.openTickets || old.working != fresh.working
            || old.staffCount != fresh.staffCount else { return }
        tally(index, old, sign: -1, territory: territory)
        tally(index, fresh, sign: 1, territory: territory)
        if (old.assessment.status == .alarm) != (fresh.assessment.status == .alarm) {
            if fresh.assessment.status == .alarm { inAlarm.insert(fresh.grid.code) } else { inAlarm.remove(fresh.grid.code) }
            alarmMoves.append(fresh.grid.code)
        }
        summaries[index] = fresh
        changes += 1
    }

    /// The grids that entered or left alarm since the last ask.
    mutating func takeAlarmMoves() -> [String] {
        defer { alarmMoves.removeAll(keepingCapacity: true) }
        return alarmMoves
    }

    private mutating func tally(_ index: Int, _ summary: Overview.GridSummary, sign: Int, territory: TerritoryIndex) {
        total.count(summary, sign: sign)
        let community = territory.communityOfGrid[index]
        guard community >= 0 else { return }
        communityTallies[community].count(summary, sign: sign)
        let street = territory.streetOfCommunity[community]
        if street >= 0 { streetTallies[street].count(summary, sign: sign) }
    }
}
