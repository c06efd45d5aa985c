import DoorstepDomain
import Foundation
import Testing

@Suite("Joint handling rules")
struct JointHandlingRulesTests {
    let t0 = Date(timeIntervalSince1970: 1_796_032_800)

    func callIn(_ id: String, ticket: String = "T1", responder: String = "R1", hours: Double = 24, state: CallIn.State = .requested,
                requestedAgo: Double = 0, answeredAgo: Double? = nil) -> CallIn {
        let requested = t0.addingTimeInterval(-requestedAgo * 3600)
        return CallIn(id: id, ticketID: ticket, responderID: responder, requestedBy: "ops", requestedAt: requested,
                      dueAt: requested.addingTimeInterval(hours * 3600), state: state,
                      stateSince: answeredAgo.map { t0.addingTimeInterval(-$0 * 3600) } ?? requested)
    }

    @Test("requested → arrived → handled; declined and withdrawn say why; an ended one takes no answer")
    func answering() throws {
        let c = callIn("J1")
        let arrived = try c.answering(.arrived, at: t0)
        #expect(arrived.state == .arrived && arrived.state.isPending)
        #expect(throws: CallInError(callInID: "J1", reason: "it is arrived already")) { try arrived.answering(.arrived, at: t0) }
        let handled = try arrived.answering(.handled(note: " 已调解 "), at: t0.addingTimeInterval(60))
        #expect(handled.state == .handled && !handled.state.isPending)
        #expect(handled.note == "已调解")
        #expect(handled.stateSince == t0.addingTimeInterval(60))
        #expect(throws: CallInError(callInID: "J1", reason: "it is handled already")) { try handled.answering(.declined(reason: "x"), at: t0) }
        #expect(throws: CallInError(callInID: "J1", reason: "declined needs a reason")) { try c.answering(.declined(reason: " \n"), at: t0) }
        #expect(throws: CallInError(callInID: "J1", reason: "handled needs a note saying what was done")) { try c.answering(.handled(note: ""), at: t0) }
        #expect(try c.answering(.withdrawn(reason: "不再需要"), at: t0).state == .withdrawn)
    }

    @Test("late only while pending and past the deadline; hours taken run until the answer")
    func lateness() throws {
        let pending = callIn("J1", hours: 2, requestedAgo: 3)
        #expect(pending.isLate(at: t0))
        #expect(!pending.isLate(at: t0.addingTimeInterval(-3600 - 1)))
        #expect(pending.hoursTaken(at: t0) == 3)
        let answered = callIn("J2", hours: 2, state: .handled, requestedAgo: 3, answeredAgo: 2)
        #expect(!answered.isLate(at: t0))
        #expect(answered.hoursTaken(at: t0) == 1)
    }

    @Test("the ledger keeps each ticket's parties in order, counts the pending and knows which tickets wait")
    func ledger() {
        var ledger = JointLedger([callIn("J2", ticket: "T1", requestedAgo: 1), callIn("J1", ticket: "T1", requestedAgo: 2),
                                  callIn("J3", ticket: "T2", state: .handled, requestedAgo: 1, answeredAgo: 0)])
        #expect(ledger.callIns(ofTicket: "T1").map(\.id) == ["J1", "J2"])
        #expect(ledger.pendingCount == 2)
        #expect(ledger.waiting == ["T1"])
        #expect(ledger.pending(ofTicket: "T2").isEmpty)
        let touched = ledger.apply([callIn("J1", ticket: "T1", state: .handled, requestedAgo: 2, answeredAgo: 0),
                                    callIn("J2", ticket: "T1", state: .declined, requestedAgo: 1, answeredAgo: 0)])
        #expect(touched == ["T1"])
        #expect(ledger.pendingCount == 0)
        #expect(ledger.waiting.isEmpty)
        _ = ledger.apply([callIn("J4", ticket: "T3", hours: 1, requestedAgo: 2)])
        #expect(ledger.late(at: t0) == 1)
    }

    @Test("each department's pace over the week: slowest mean first (pending counted so far), older call-ins left out")
    func pace() {
        let ledger = JointLedger([
            callIn("J1", responder: "police", state: .handled, requestedAgo: 10, answeredAgo: 8),  // 2 h
            callIn("J2", responder: "police", requestedAgo: 4),  // 4 h so far
            callIn("J3", responder: "lawyer", state: .declined, requestedAgo: 6, answeredAgo: 1),  // 5 h
            callIn("J4", responder: "lawyer", state: .handled, requestedAgo: 24 * 8, answeredAgo: 0),  // older than a week
        ])
        let pace = ledger.pace(at: t0) { ["police": "public_security", "lawyer": "justice"][$0] }
        #expect(pace.map(\.departmentCode) == ["justice", "public_security"])
        #expect(pace[0].count == 1 && pace[0].declined == 1 && pace[0].meanHours == 5)
        #expect(pace[1].count == 2 && pace[1].pending == 1 && pace[1].meanHours == 3)
    }

    @Test("a party that never answered by its deadline is an alarm (a department not answering); one at work past it, attention; the deadline is when the grid is judged again")
    func statusRule() {
        let context = StatusContext(now: t0, minuteOfDay: 600, dutyHours: 0..<1, categories: [:])
        let onTime = callIn("J1", hours: 2, requestedAgo: 1)
        let facts = GridFacts(staff: [], pendingCallIns: [onTime])
        // (no staff: every grid here lacks its 1+1+2+N; only the call-ins' reasons are looked at)
        func joint(_ facts: GridFacts) -> [StatusReason] {
            StatusRules.assess(facts, in: context).reasons.filter { $0.code.hasPrefix("party_") || $0.code.hasPrefix("call_in") }
        }
        #expect(joint(facts).isEmpty)
        #expect(StatusRules.revisit(facts, in: context) > onTime.dueAt)
        #expect(StatusRules.revisit(facts, in: context) < onTime.dueAt.addingTimeInterval(1))
        // requested two hours ago with an hour to answer, and not a word: the department is not answering
        let silent = GridFacts(staff: [], pendingCallIns: [callIn("J2", hours: 1, requestedAgo: 2), onTime])
        let alarmed = StatusRules.assess(silent, in: context)
        #expect(alarmed.status == .alarm && joint(silent) == [.partiesNotAnswering(1)])
        #expect(StatusReason.partiesNotAnswering(1).code == "party_not_answering")
        // it arrived but is still at work past the deadline: late, not silent
        let atWork = GridFacts(staff: [], pendingCallIns: [callIn("J3", hours: 1, state: .arrived, requestedAgo: 2, answeredAgo: 1.5), onTime])
        let late = StatusRules.assess(atWork, in: context)
        #expect(late.status == .attention && joint(atWork) == [.callInsLate(1)])
        #expect(StatusReason.callInsLate(1).code == "call_in_late")
        // both at once: each counted once, the alarm first
        #expect(joint(GridFacts(staff: [], pendingCallIns: silent.pendingCallIns + atWork.pendingCallIns)) == [.partiesNotAnswering(1), .callInsLate(1)])
    }

    @Test("a dispute suggests the mediation centre first, then the police, lawyers and judges")
    func suggestions() {
        #expect(ResponderKind.suggested(forCategory: "mediation") == [.mediationCentre, .police, .lawyer, .judge])
        #expect(ResponderKind.suggested(forCategory: "convenience").isEmpty)
    }
}
