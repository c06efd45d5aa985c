import Foundation
import Testing

@testable import DoorstepDomain

@Suite("Grid status rules")
struct StatusRulesTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let grid = Grid(code: "G1", name: "一网格", communityCode: "C1")
    let hazard = TicketCategory(code: "hazard", nameZh: "安全隐患", nameEn: "Hazard", dispatchMinutes: 10, acceptMinutes: 20, resolveMinutes: 240)

    func person(_ id: String, _ role: StaffRole, _ duty: DutyState = .onDuty) -> Staff {
        Staff(id: id, name: id, role: role, gridCode: "G1", communityCode: "C1", phone: "", duty: duty)
    }

    var fullCrew: [Staff] {
        [person("a", .allRoundSocialWorker), person("b", .professionalSocialWorker), person("c", .partyCentralHousehold),
         person("d", .partyCentralHousehold), person("e", .volunteer)]
    }

    func ticket(_ state: TicketState, minutesInState: Double) -> Ticket {
        Ticket(
            id: "T1", gridCode: "G1", categoryCode: "hazard", source: .resident, priority: .normal, state: state, title: "燃气异味",
            residentName: "王五", residentPhone: "", createdAt: now.addingTimeInterval(-minutesInState * 60 - 60),
            stateSince: now.addingTimeInterval(-minutesInState * 60))
    }

    func context(minuteOfDay: Int = 10 * 60, monthElapsed: Double = 0) -> StatusContext {
        StatusContext(
            now: now, minuteOfDay: minuteOfDay, dutyHours: 8 * 60 ..< 20 * 60, monthElapsed: monthElapsed, callTimeout: 60,
            categories: ["hazard": hazard])
    }

    func assess(staff: [Staff], tickets: [Ticket], minuteOfDay: Int = 10 * 60) -> GridAssessment {
        StatusRules.assess(GridFacts(staff: staff, openTickets: tickets.filter { $0.gridCode == grid.code }), in: context(minuteOfDay: minuteOfDay))
    }

    @Test("a full crew on duty with no deadlines near is normal")
    func normal() {
        let result = assess(staff: fullCrew, tickets: [ticket(.accepted, minutesInState: 10)])
        #expect(result.status == .normal)
        #expect(result.reasons.isEmpty)
    }

    @Test("a ticket past its stage deadline is an alarm, and says how many")
    func overdue() {
        let result = assess(staff: fullCrew, tickets: [ticket(.ordered, minutesInState: 11), ticket(.dispatched, minutesInState: 21)])
        #expect(result.status == .alarm)
        #expect(result.reasons == [.overdueTickets(2)])
    }

    @Test("near the deadline is the last fifth of the allowance, at most an hour")
    func nearDeadline() {
        #expect(assess(staff: fullCrew, tickets: [ticket(.ordered, minutesInState: 7.9)]).status == .normal)
        #expect(assess(staff: fullCrew, tickets: [ticket(.ordered, minutesInState: 8.1)]).reasons == [.nearDeadline(1)])
        // 240 minutes to resolve: a fifth is 48 minutes
        #expect(assess(staff: fullCrew, tickets: [ticket(.accepted, minutesInState: 191)]).status == .normal)
        #expect(assess(staff: fullCrew, tickets: [ticket(.accepted, minutesInState: 193)]).status == .attention)
        #expect(StatusRules.isNearDeadline(secondsLeft: 61 * 60, allowanceMinutes: 1440) == false)
        #expect(StatusRules.isNearDeadline(secondsLeft: 59 * 60, allowanceMinutes: 1440))
    }

    @Test("resolved, rated and cancelled tickets run no clock")
    func closedTickets() {
        for state in [TicketState.resolved, .rated, .cancelled] {
            #expect(assess(staff: fullCrew, tickets: [ticket(state, minutesInState: 10_000)]).status == .normal)
        }
    }

    @Test("nobody working in duty hours is an alarm; outside duty hours it is not")
    func nobodyOnDuty() {
        let offCrew = fullCrew.map { var p = $0; p.duty = .off; return p }
        #expect(assess(staff: offCrew, tickets: []).reasons == [.nobodyOnDuty])
        #expect(assess(staff: offCrew, tickets: [], minuteOfDay: 22 * 60).status == .normal)
        let oneVisiting = [offCrew[0]] + offCrew.dropFirst().map { $0 } + [person("f", .volunteer, .visiting)]
        #expect(assess(staff: oneVisiting, tickets: []).status == .normal)
    }

    @Test("an incomplete 1+1+2+N raises attention")
    func staffing() {
        let missingProfessional = fullCrew.filter { $0.role != .professionalSocialWorker }
        #expect(assess(staff: missingProfessional, tickets: []).reasons == [.staffingIncomplete])
        let oneParty = fullCrew.filter { $0.id != "d" }
        #expect(assess(staff: oneParty, tickets: []).status == .attention)
    }

    @Test("every rule that fired is kept, most severe first")
    func severityOrder() {
        let result = assess(
            staff: fullCrew.filter { $0.role != .volunteer },
            tickets: [ticket(.ordered, minutesInState: 9), ticket(.ordered, minutesInState: 12)])
        #expect(result.status == .alarm)
        #expect(result.reasons == [.overdueTickets(1), .nearDeadline(1), .staffingIncomplete])
    }

    @Test("a call still ringing past the timeout is missed, and an alarm")
    func missedCall() {
        let call = Call(id: "C1", staffID: "a", gridCode: "G1", placedBy: "op", placedAt: now.addingTimeInterval(-61), state: .ringing, stateSince: now.addingTimeInterval(-61))
        #expect(call.state(at: now, timeout: 60) == .missed)
        #expect(call.state(at: now.addingTimeInterval(-2), timeout: 60) == .ringing)
        #expect(StatusRules.assess(GridFacts(staff: fullCrew, calls: [call]), in: context()).reasons == [.unansweredCalls(1)])
        var answered = call
        answered.state = .answered
        #expect(StatusRules.assess(GridFacts(staff: fullCrew, calls: [answered]), in: context()).status == .normal)
        if case .failure(let error) = call.answering(accept: true, at: now, timeout: 60) {
            #expect(error.description == "cannot acknowledge C1: it is missed")
        } else {
            Issue.record("a missed call was answered")
        }
    }

    @Test("an open severe hazard is an alarm; a resolved or milder one is not")
    func hazards() {
        let severe = Hazard(id: "Z1", gridCode: "G1", kind: .hazard, severity: .severe, status: .open, title: "燃气", openedAt: now)
        var resolved = severe
        resolved.status = .resolved
        var medium = severe
        medium.severity = .medium
        #expect(StatusRules.assess(GridFacts(staff: fullCrew, hazards: [severe]), in: context()).reasons == [.severeHazards(1)])
        #expect(StatusRules.assess(GridFacts(staff: fullCrew, hazards: [resolved, medium]), in: context()).status == .normal)
    }

    @Test("must-visits behind the month's pace raise attention")
    func mustVisitPace() {
        // halfway through the month, 20 due: pace wants floor(20 × 0.5 × 0.8) = 8 done
        let behind = GridFacts(staff: fullCrew, mustVisitDue: 20, mustVisitDone: 7)
        #expect(StatusRules.assess(behind, in: context(monthElapsed: 0.5)).reasons == [.mustVisitsBehind(done: 7, due: 20)])
        let onPace = GridFacts(staff: fullCrew, mustVisitDue: 20, mustVisitDone: 8)
        #expect(StatusRules.assess(onPace, in: context(monthElapsed: 0.5)).status == .normal)
        #expect(StatusRules.assess(behind, in: context(monthElapsed: 0.02)).status == .normal)
    }
}
