import DoorstepDomain
import DoorstepStore
import Foundation
import Synchronization

/// Who is called next when a call goes unanswered, in order.
public enum EscalationStep: String, CaseIterable, Sendable {
    /// The rest of the grid's 1+1+2+N and its full-time grid worker.
    case gridCrew = "grid"
    /// The community's dispatcher(s).
    case communityDispatcher = "dispatcher"
    /// The street's duty officer(s) at the command centre.
    case streetOperator = "operator"

    public static let defaultChain: [EscalationStep] = [.gridCrew, .communityDispatcher, .streetOperator]
}

/// The wall's telephone: places calls (store first, then the notifier), and escalates calls
/// that went unanswered along the chain. Safe from any thread (the escalations it has made are
/// kept under a lock); the wall uses it from its effects' one serial queue.
public final class CallDesk: Sendable {
    let store: any LifecycleCommands
    let notifier: any Notifier
    let clock: any Clock
    public let timeout: TimeInterval
    let chain: [EscalationStep]
    let actor: String
    /// (chain root, level) pairs this desk has escalated: one escalation per level of a chain.
    private let handled = Mutex<Set<String>>([])

    public init(store: any LifecycleCommands, notifier: any Notifier, clock: any Clock, timeout: TimeInterval,
                chain: [EscalationStep] = EscalationStep.defaultChain, actor: String) {
        self.store = store
        self.notifier = notifier
        self.clock = clock
        self.timeout = timeout
        self.chain = chain
        self.actor = actor
    }

    /// What a placement or an escalation did, in words for the operator.
    public struct Report: Sendable {
        public var calls: [Call]
        public var problems: [String]
    }

    /// Places one call per person and hands each to the notifier. A store refusal throws; a
    /// notifier failure is reported (the call stays in the log, ringing).
    public func place(staffIDs: [String], gridCode: String?, overview: Overview) throws -> Report {
        let calls = try store.placeCalls(to: staffIDs, gridCode: gridCode, by: actor, at: clock.now())
        return Report(calls: calls, problems: notify(calls, overview))
    }

    /// Whether any call in `overview` is missed or failed now (nothing for `supervise` to do otherwise).
    public func anyMissed(in overview: Overview) -> Bool {
        let now = clock.now()
        return overview.calls.contains { $0.call.isUnanswered(at: now, timeout: timeout) }
    }

    /// Escalates every call that is missed now (or failed to reach the phone), one step of the
    /// chain per level.
    public func supervise(_ overview: Overview) -> Report {
        let now = clock.now()
        let byID = Dictionary(overview.calls.map { ($0.call.id, $0.call) }, uniquingKeysWith: { a, _ in a })
        var placed: [Call] = []
        var problems: [String] = []
        for summary in overview.calls where summary.call.isUnanswered(at: now, timeout: timeout) {
            let call = summary.call
            var root = call
            var level = 0
            while let parent = root.escalatedFrom.flatMap({ byID[$0] }), level < 16 {
                root = parent
                level += 1
            }
            // calls placed together (a whole grid's 1+1+2+N) are one chain
            let chain = chainKey(root)
            let key = "\(chain)#\(level)"
            let alreadyCalled = Set(overview.calls.filter { chainKey(chainRoot(of: $0.call, byID)) == chain }.map(\.call.staffID))
            let next = handled.withLock { $0.contains(key) } ? [] : recipients(afterLevel: level, of: call, overview: overview, excluding: alreadyCalled)
            do {
                let calls = try store.escalate(callID: call.id, to: next, timeout: timeout, by: actor, at: now)
                handled.withLock { _ = $0.insert(key) }
                placed += calls
                problems += notify(calls, overview)
            } catch StoreError.call {
                continue  // answered meanwhile, or another wall escalated it first
            } catch {
                problems.append("\(error)")
            }
        }
        return Report(calls: placed, problems: problems)
    }

    private func chainRoot(of call: Call, _ byID: [String: Call]) -> Call {
        var current = call
        var hops = 0
        while let parent = current.escalatedFrom.flatMap({ byID[$0] }), hops < 16 {
            current = parent
            hops += 1
        }
        return current
    }

    /// What identifies one placement: who placed it, for which grid, when.
    private func chainKey(_ root: Call) -> String {
        "\(root.placedBy)|\(root.gridCode ?? "-")|\(root.placedAt.timeIntervalSince1970)"
    }

    /// The people of the first step at or after `level` that has anyone not yet called.
    func recipients(afterLevel level: Int, of call: Call, overview: Overview, excluding called: Set<String>) -> [String] {
        let grid = call.gridCode ?? overview.callee(id: call.staffID)?.gridCode
        let community = grid.flatMap { code in overview.grids.first { $0.grid.code == code }?.grid.communityCode }
        for step in chain.dropFirst(min(level, chain.count)) {
            let people: [Staff]
            switch step {
            case .gridCrew:
                people = grid.map { code in
                    (overview.staffByGrid[code] ?? []).filter { $0.role.isGridCore || $0.role == .fullTimeGridWorker }
                } ?? []
            case .communityDispatcher:
                people = overview.staffWithoutGrid.filter { $0.role == .communityDispatcher && $0.communityCode == community }
            case .streetOperator:
                people = overview.staffWithoutGrid.filter { $0.role == .streetOperator }
            }
            let fresh = people.map(\.id).filter { !called.contains($0) }.sorted()
            if !fresh.isEmpty { return fresh }
        }
        return []
    }

    private func notify(_ calls: [Call], _ overview: Overview) -> [String] {
        var problems: [String] = []
        for call in calls {
            let person = overview.callee(id: call.staffID)
            let grid = call.gridCode ?? person?.gridCode ?? ""
            let summary = overview.grids.first { $0.grid.code == grid }
            let notice = CallNotice(
                callID: call.id, name: person?.name ?? call.staffID, role: person?.role ?? "",
                phone: person?.phone ?? "", gridCode: grid, gridName: summary?.grid.name ?? grid, staffID: call.staffID,
                reason: (summary?.assessment.reasons ?? []).prefix(2).map(\.spokenChinese).joined(separator: ","),
                caller: overview.centre.name)
            do {
                try notifier.deliver(notice)
            } catch {
                problems.append("\(call.id): \(error)")
            }
        }
        return problems
    }
}
