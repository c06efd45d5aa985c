import DoorstepDomain
import DoorstepStore
import Foundation

/// Realistic activity through the store's normal paths, as the three ends would make it:
/// residents order, the community dispatches, the grid accepts, resolves and residents rate;
/// workers log must-visits and change duty; the command centre calls and workers answer.
/// The same seed over the same starting data makes the same choices.
///
/// `@unchecked Sendable` because it is confined, not locked (its random generator moves with
/// every step): the demo steps it on the calling thread for the warm-up and then only on its
/// `BackgroundLoop`; `doorstep simulate` on the main thread alone.
public final class Simulator: @unchecked Sendable {
    let store: any DoorstepStore
    let clock: any Clock
    var random: SeededRandom
    let callTimeout: TimeInterval
    private let grids: [Grid]
    private let categories: [TicketCategory]
    private let gridStaff: [String: [Staff]]
    private let mustVisit: [Household]
    private let coreStaff: [Staff]
    private let responders: [Responder]
    /// The tickets of each state it may move next, as last read, and when: read again after
    /// `candidateLife` seconds or once used up. Reading and decoding fifty tickets for every
    /// step was a third of the demo's simulator time at a change a second. A ticket moved
    /// meanwhile by someone else makes that step a refusal, as a stale screen would.
    private var candidates: [TicketState: (readAt: Date, tickets: [Ticket], found: Int)] = [:]
    static let candidateLife: TimeInterval = 60
    /// Accepted tickets the grids keep in hand (the simulator resolves none below this many).
    static let acceptedInHand = 12

    static let titles: [String: [String]] = [
        "party_public": ["办理居住证明", "老年优待证咨询", "医保缴费咨询", "开具困难证明"],
        "convenience": ["楼道灯不亮", "下水道堵塞", "单元门禁损坏", "电梯异响", "垃圾清运不及时"],
        "mediation": ["邻里噪音纠纷", "楼上漏水纠纷", "停车位占用纠纷", "装修扰民"],
        "hazard": ["电动车楼道充电", "消防通道堵塞", "窨井盖破损", "燃气异味"],
        "care": ["独居老人助餐", "空巢老人探视", "留守儿童课后托管", "老人就医陪护"],
    ]
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
    static let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平")

    /// Reads the street once (its grids, people and households do not change while it runs).
    public init(store: any DoorstepStore, clock: any Clock, seed: UInt64, callTimeout: TimeInterval = Call.defaultTimeout) throws {
        self.store = store
        self.clock = clock
        self.random = SeededRandom(seed: seed)
        self.callTimeout = callTimeout
        let data = try store.loadAll(at: clock.now())
        grids = data.grids
        categories = data.categories
        var byGrid: [String: [Staff]] = [:]
        for person in data.staff { if let grid = person.gridCode { byGrid[grid, default: []].append(person) } }
        gridStaff = byGrid
        mustVisit = data.households.filter { !$0.mustVisit.isEmpty }
        coreStaff = data.staff.filter { $0.role.isGridCore || $0.role == .fullTimeGridWorker }
        responders = data.responders
    }

    /// Makes one change; returns what it did (for logs), or nil when the chosen kind of change
    /// had nothing to act on. A refusal from a racing operator is not an error here.
    @discardableResult
    public func step() throws -> String? {
        let now = clock.now()
        let roll = Int.random(in: 0..<100, using: &random)
        do {
            // The shares are balanced so that the open tickets stay level over a long run: the
            // grids accept and resolve a little faster than residents order (at 14 orders to 9
            // resolutions the accepted tickets grew without end); a few accepted tickets are
            // always left in hand, as a real street has.
            switch roll {
            case 0..<12: return try order(at: now)
            case 12..<27: return try advance(.ordered, at: now) { ticket in
                    .dispatch(gridCode: ticket.gridCode, assigneeID: nil)
                }
            case 27..<42: return try advance(.dispatched, at: now) { [self] ticket in
                    pickWorker(in: ticket.gridCode).map { .accept(staffID: $0.id) }
                }
            case 42..<57:
                if try inHand(.accepted, at: now) < Self.acceptedInHand { return try visit(at: now) }
                return try advance(.accepted, at: now) { ticket in
                    ticket.assigneeID.map { .resolve(staffID: $0, note: "已上门处理,居民确认") }
                }
            case 57..<64: return try advance(.resolved, at: now) { [self] _ in
                    .rate(score: [5, 5, 5, 4, 4, 3].randomElement(using: &random) ?? 5)
                }
            case 64..<65: return try advance(.ordered, at: now) { _ in .escalate }
            case 65..<66: return try advance(.escalated, at: now) { ticket in
                    .dispatch(gridCode: ticket.gridCode, assigneeID: nil)  // the street sends it back down
                }
            case 66..<76: return try visit(at: now)
            case 76..<78: return try careDone(at: now)
            case 78..<85: return try duty(at: now)
            case 85..<89: return try call(at: now)
            case 89..<91: return try callIn(at: now)
            case 91..<94: return try answerCallIn(at: now)
            default: return try answer(at: now)
            }
        } catch StoreError.conflict {
            return nil  // someone else moved it first: exactly what a busy street looks like
        } catch StoreError.invalid {
            return nil  // a party called in got there first (or an operator did): the same
        }
    }

    /// 联动: the dispatcher calls a party in on an accepted dispute or hazard, one its
    /// category suggests.
    private func callIn(at now: Date) throws -> String? {
        let open = try store.tickets(state: .accepted, limit: 50).filter { $0.categoryCode == "mediation" || $0.categoryCode == "hazard" }
        guard let ticket = open.randomElement(using: &random) else { return nil }
        let kinds = ResponderKind.suggested(forCategory: ticket.categoryCode)
        guard let party = responders.filter({ kinds.contains($0.kind) }).randomElement(using: &random) else { return nil }
        let made = try store.callIn(ticketID: ticket.id, responderIDs: [party.id], hours: nil, by: "dispatcher", at: now)
        return "call-in \(made.map(\.id).joined(separator: ","))"
    }

    /// A social worker gives a service of a running care plan that is due (the most overdue).
    private func careDone(at now: Date) throws -> String? {
        let owed = try store.carePlans(gridCode: nil, includeClosed: false).filter(\.state.isRunning)
            .flatMap { plan in plan.due(at: now).map { (plan, $0) } }
        guard let (plan, service) = owed.min(by: { $0.1.dueAt < $1.1.dueAt }), let worker = plan.socialWorkerID else { return nil }
        let done = try store.serviceDone(serviceID: service.id, staffID: worker, note: nil, at: now)
        return "care \(done.id)"
    }

    /// A pending call-in's party answers: it arrives, or handles its part.
    private func answerCallIn(at now: Date) throws -> String? {
        guard let pending = try store.callIns(ticketID: nil, pendingOnly: true, limit: 20).randomElement(using: &random) else { return nil }
        let answer: CallInAnswer = pending.state == .requested && Bool.random(using: &random) ? .arrived : .handled(note: "已到场处置,情况已告知网格")
        let done = try store.answer(callInID: pending.id, answer, by: pending.responderID, at: now)
        return "\(done.state.rawValue) \(done.id)"
    }

    private func order(at now: Date) throws -> String? {
        guard let grid = grids.randomElement(using: &random), let category = categories.randomElement(using: &random) else { return nil }
        let title = Self.titles[category.code]?.randomElement(using: &random) ?? category.nameZh
        let name = String(Self.surnames.randomElement(using: &random) ?? "王") + String(Self.given.randomElement(using: &random) ?? "明")
        let phone = "15500" + String(Int.random(in: 100_000...999_999, using: &random))
        let ticket = try store.order(
            OrderRequest(gridCode: grid.code, categoryCode: category.code, title: title, residentName: name, residentPhone: phone),
            by: "resident", at: now)
        return "order \(ticket.id)"
    }

    /// The tickets of a state as last read (at most fifty), read again when stale or used up.
    private func known(_ state: TicketState, at now: Date) throws -> (readAt: Date, tickets: [Ticket], found: Int) {
        let known = candidates[state] ?? (.distantPast, [], 0)
        if known.tickets.isEmpty || now.timeIntervalSince(known.readAt) >= Self.candidateLife || now < known.readAt {
            let read = try store.tickets(state: state, limit: 50)
            candidates[state] = (now, read, read.count)
            return (now, read, read.count)
        }
        return known
    }

    /// How many tickets of a state there were at the last read; a count below what is kept in
    /// hand is read again after a sixth of the usual time, so the grids do not sit idle for a
    /// minute on a count that new accepts have already raised.
    private func inHand(_ state: TicketState, at now: Date) throws -> Int {
        if let last = candidates[state], last.found < Self.acceptedInHand, now.timeIntervalSince(last.readAt) >= Self.candidateLife / 6 {
            candidates[state] = nil
        }
        return try known(state, at: now).found
    }

    private func advance(_ state: TicketState, at now: Date, _ action: (Ticket) -> TicketAction?) throws -> String? {
        var known = try known(state, at: now)
        guard let index = known.tickets.indices.randomElement(using: &random) else { return nil }
        let ticket = known.tickets.remove(at: index)
        candidates[state] = known
        guard let chosen = action(ticket) else { return nil }
        let actor: String
        switch chosen {
        case .accept(let staff), .resolve(let staff, _): actor = staff
        case .rate: actor = "resident"
        default: actor = "dispatcher"
        }
        _ = try store.act(on: ticket.id, chosen, by: actor, at: now)
        return "\(chosen.verb) \(ticket.id)"
    }

    private func pickWorker(in grid: String) -> Staff? {
        let people = (gridStaff[grid] ?? []).filter { $0.role == .allRoundSocialWorker || $0.role == .professionalSocialWorker || $0.role == .fullTimeGridWorker }
        return people.randomElement(using: &random)
    }

    private func visit(at now: Date) throws -> String? {
        guard let household = mustVisit.randomElement(using: &random), let worker = pickWorker(in: household.gridCode) else { return nil }
        let visit = try store.logVisit(householdID: household.id, staffID: worker.id, at: now)
        return "visit \(visit.id)"
    }

    private func duty(at now: Date) throws -> String? {
        guard let person = coreStaff.randomElement(using: &random) else { return nil }
        let duty = [DutyState.onDuty, .onDuty, .busy, .visiting, .off].randomElement(using: &random) ?? .onDuty
        _ = try store.setDuty(staffID: person.id, duty, by: person.id, at: now)
        return "duty \(person.id) \(duty.rawValue)"
    }

    private func call(at now: Date) throws -> String? {
        guard let person = coreStaff.randomElement(using: &random) else { return nil }
        let calls = try store.placeCalls(to: [person.id], gridCode: person.gridCode, by: "simulator", at: now)
        return "call \(calls.map(\.id).joined(separator: ","))"
    }

    private func answer(at now: Date) throws -> String? {
        let ringing = try store.ringingCalls().filter { $0.state(at: now, timeout: callTimeout) == .ringing }
        guard let call = ringing.randomElement(using: &random) else { return nil }
        // most calls are answered, some declined; the ones never picked up go missed
        let accept = Int.random(in: 0..<10, using: &random) < 8
        do {
            _ = try store.acknowledge(callID: call.id, staffID: call.staffID, accept: accept, timeout: callTimeout, at: now)
        } catch StoreError.call {
            return nil
        }
        return "\(accept ? "answer" : "decline") \(call.id)"
    }
}
