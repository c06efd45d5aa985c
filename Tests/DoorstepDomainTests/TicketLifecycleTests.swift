import Foundation
import Testing

@testable import DoorstepDomain

@Suite("Ticket lifecycle")
struct TicketLifecycleTests {
    let t0 = Date(timeIntervalSince1970: 1_795_000_000)

    func ordered() -> Ticket {
        Ticket(
            id: "T1", gridCode: "G1", categoryCode: "care", source: .resident, priority: .normal, state: .ordered,
            title: "独居老人助餐", residentName: "王五", residentPhone: "", createdAt: t0, stateSince: t0)
    }

    @Test("the loop 点单 → 派单 → 接单 → 办结 → 评价 runs, each step timestamped with who did it")
    func fullLoop() throws {
        var ticket = ordered()
        var log: [TicketTransition] = []
        let steps: [(TicketAction, String)] = [
            (.dispatch(gridCode: "G2", assigneeID: nil), "dispatcher"), (.accept(staffID: "S1"), "S1"),
            (.resolve(staffID: "S1", note: "已送餐"), "S1"), (.rate(score: 5), "resident"),
        ]
        for (n, (action, actor)) in steps.enumerated() {
            let (next, transition) = try ticket.applying(action, by: actor, at: t0.addingTimeInterval(Double(n + 1) * 60))
            log.append(transition)
            ticket = next
        }
        #expect(ticket.state == .rated)
        #expect(ticket.gridCode == "G2")
        #expect(ticket.assigneeID == "S1")
        #expect(ticket.resolutionNote == "已送餐")
        #expect(ticket.rating == 5)
        #expect(ticket.stateSince == t0.addingTimeInterval(240))
        #expect(log.map(\.to) == [.dispatched, .accepted, .resolved, .rated])
        #expect(log.map(\.from) == [.ordered, .dispatched, .accepted, .resolved])
        #expect(log.map(\.actor) == ["dispatcher", "S1", "S1", "resident"])
    }

    @Test("accept before dispatch is refused, saying what to do")
    func acceptBeforeDispatch() {
        let error = #expect(throws: TransitionError.self) { try ordered().applying(.accept(staffID: "S1"), by: "S1", at: t0) }
        #expect(error?.description == "cannot accept T1: it is ordered and not yet dispatched (dispatch it first)")
    }

    @Test("rating twice, or out of 1–5, is refused")
    func rating() throws {
        var ticket = ordered()
        ticket.state = .resolved
        #expect(throws: TransitionError.self) { try ticket.applying(.rate(score: 6), by: "r", at: t0) }
        #expect(throws: TransitionError.self) { try ticket.applying(.rate(score: 0), by: "r", at: t0) }
        let (rated, _) = try ticket.applying(.rate(score: 4), by: "r", at: t0)
        let error = #expect(throws: TransitionError.self) { try rated.applying(.rate(score: 4), by: "r", at: t0) }
        #expect(error?.reason == "it is rated already")
    }

    @Test("a cancelled ticket cannot be resolved, dispatched or cancelled again")
    func cancelled() throws {
        let (cancelled, transition) = try ordered().applying(.cancel(reason: "重复"), by: "dispatcher", at: t0)
        #expect(transition.to == .cancelled)
        for action in [TicketAction.resolve(staffID: "S1", note: "x"), .dispatch(gridCode: "G1", assigneeID: nil), .cancel(reason: "x")] {
            let error = #expect(throws: TransitionError.self) { try cancelled.applying(action, by: "x", at: t0) }
            #expect(error?.reason == "it was cancelled")
        }
    }

    @Test("escalation leaves the loop, and an escalated ticket can be dispatched again or resolved")
    func escalation() throws {
        let (escalated, _) = try ordered().applying(.escalate, by: "dispatcher", at: t0)
        #expect(escalated.state == .escalated)
        #expect(escalated.state.isOpen)
        #expect(try escalated.applying(.dispatch(gridCode: "G3", assigneeID: "S9"), by: "street", at: t0).0.state == .dispatched)
        #expect(try escalated.applying(.resolve(staffID: "S9", note: "街道协调解决"), by: "S9", at: t0).0.state == .resolved)
        #expect(throws: TransitionError.self) { try escalated.applying(.escalate, by: "x", at: t0) }
    }

    @Test("a resolution needs a note")
    func resolutionNote() throws {
        var accepted = ordered()
        accepted.state = .accepted
        let error = #expect(throws: TransitionError.self) { try accepted.applying(.resolve(staffID: "S1", note: "  "), by: "S1", at: t0) }
        #expect(error?.reason == "a resolution needs a note saying what was done")
    }

    @Test("every action's allowed states match the lifecycle table")
    func table() {
        for action in [TicketAction.dispatch(gridCode: "G", assigneeID: nil), .accept(staffID: "S"), .resolve(staffID: "S", note: "n"),
                       .rate(score: 3), .escalate, .cancel(reason: "r")] {
            #expect(!action.allowedFrom.contains(action.target) || action.target == .dispatched, "\(action.verb)")
            #expect(!action.allowedFrom.contains(.rated), "\(action.verb) must not reopen a rated ticket")
            #expect(!action.allowedFrom.contains(.cancelled), "\(action.verb) must not reopen a cancelled ticket")
        }
    }
}
