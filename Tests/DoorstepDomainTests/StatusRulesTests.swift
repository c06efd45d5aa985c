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

    func assess(staff: [Staff], tickets: [Ticket], minuteOfDay: Int = 10 * 60) -> GridAssessment {
        StatusRules.assess(
            grid: grid, staff: staff, tickets: tickets, categories: ["hazard": hazard], now: now, minuteOfDay: minuteOfDay,
            dutyHours: 8 * 60 ..< 20 * 60)
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

    @Test("only the grid's own staff and tickets count")
    func otherGrids() {
        var elsewhere = ticket(.ordered, minutesInState: 100)
        elsewhere.gridCode = "G2"
        #expect(assess(staff: fullCrew, tickets: [elsewhere]).status == .normal)
    }
}
