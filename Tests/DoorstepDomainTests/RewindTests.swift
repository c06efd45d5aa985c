import DoorstepDomain
import Foundation
import Testing

/// 回放's rules: a row as it stood at an instant, from the row today and the log.
@Suite("Rewind")
struct RewindTests {
    let t0 = Date(timeIntervalSince1970: 1_796_032_800)  // 2026-11-30 10:00 UTC
    func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

    func event(_ sequence: Int64, _ minutes: Double, _ change: Change, prior: Prior? = nil) -> ChangeEvent {
        ChangeEvent(sequence: sequence, at: at(minutes), actor: "x", change: change, prior: prior)
    }

    func ticket(_ state: TicketState = .ordered, since: Double = 0) -> Ticket {
        Ticket(id: "T1", gridCode: "JB01", categoryCode: "mediation", source: .resident, priority: .normal, state: state, title: "漏水",
               residentName: "", residentPhone: "", createdAt: at(0), stateSince: at(since))
    }

    @Test("a ticket is put back through the standings its later moves kept, newest first; one ordered later did not exist")
    func ticketByStandings() throws {
        var seeded = ticket(.dispatched, since: -30)  // as a data set left it: its standing is in no history
        seeded.dispatchedAt = at(-30)
        let accepted = try seeded.applying(.accept(staffID: "S1"), by: "S1", at: at(10)).0
        let resolved = try accepted.applying(.resolve(staffID: "S1", note: "修好了"), by: "S1", at: at(20)).0
        let log = [event(1, 10, .ticket(id: "T1", .accepted(staffID: "S1")), prior: .ticket(TicketStanding(seeded))),
                   event(2, 20, .ticket(id: "T1", .resolved(note: "修好了")), prior: .ticket(TicketStanding(accepted)))]
        let noHistory: () throws -> [TicketHistoryEntry] = { Issue.record("the history was read"); return [] }
        #expect(try Rewind(instant: at(5), log: log).ticket(resolved, history: noHistory) == seeded)
        #expect(try Rewind(instant: at(15), log: log).ticket(resolved, history: noHistory) == accepted)
        #expect(try Rewind(instant: at(25), log: log).ticket(resolved, history: noHistory) == resolved)
        #expect(try Rewind(instant: at(-1), log: log).ticket(resolved, history: noHistory) == nil)
    }

    @Test("a log written before standings were kept: the ticket's history is folded up to the instant")
    func ticketByHistory() throws {
        let dispatched = try ticket().applying(.dispatch(gridCode: "JB02", assigneeID: nil), by: "d", at: at(5)).0
        let accepted = try dispatched.applying(.accept(staffID: "S2"), by: "S2", at: at(9)).0
        let log = [event(1, 5, .ticket(id: "T1", .dispatched(gridCode: "JB02", assigneeID: nil))), event(2, 9, .ticket(id: "T1", .accepted(staffID: "S2")))]
        let history = [
            TicketHistoryEntry(from: nil, to: .ordered, change: .ordered(title: "漏水"), actor: "resident", at: at(0)),
            TicketHistoryEntry(from: .ordered, to: .dispatched, change: .dispatched(gridCode: "JB02", assigneeID: nil), actor: "d", at: at(5)),
            TicketHistoryEntry(from: .dispatched, to: .accepted, change: .accepted(staffID: "S2"), actor: "S2", at: at(9)),
        ]
        #expect(Rewind(instant: at(7), log: log).ticket(accepted) { history } == dispatched)
        #expect(Rewind(instant: at(1), log: log).ticket(accepted) { history }?.state == .ordered)
    }

    @Test("a person's duty: the last change by the instant, else what the first later one says it was, else as now")
    func duty() {
        let person = Staff(id: "S1", name: "陶敏", role: .fullTimeGridWorker, gridCode: "JB01", communityCode: "JB", phone: "", duty: .busy)
        let log = [event(1, 10, .duty(staffID: "S1", .visiting), prior: .duty(.onDuty)), event(2, 20, .duty(staffID: "S1", .busy), prior: .duty(.visiting))]
        #expect(Rewind(instant: at(5), log: log).staff(person).duty == .onDuty)
        #expect(Rewind(instant: at(15), log: log).staff(person).duty == .visiting)
        #expect(Rewind(instant: at(25), log: log).staff(person).duty == .busy)
        // (an old log keeps no prior: before its first change the person stays as now)
        let old = [event(1, 10, .duty(staffID: "S1", .visiting))]
        #expect(Rewind(instant: at(5), log: old).staff(person).duty == .busy)
        #expect(Rewind(instant: at(15), log: old).staff(person).duty == .visiting)
    }

    @Test("calls and alarms by their own times: answered later was ringing; acknowledged or cleared later was not")
    func callsAndAlarms() throws {
        let call = Call(id: "C1", staffID: "S1", gridCode: "JB01", placedBy: "op", placedAt: at(0), state: .answered, stateSince: at(1))
        let r = Rewind(instant: at(0.5), log: [])
        #expect(r.call(call)?.state == .ringing && r.call(call)?.stateSince == at(0))
        #expect(Rewind(instant: at(2), log: []).call(call) == call)
        #expect(Rewind(instant: at(-1), log: []).call(call) == nil)
        var alarm = Alarm(id: "A1", gridCode: "JB01", raisedAt: at(0), reasons: ["overdue"])
        alarm.acknowledgedAt = at(3)
        alarm.acknowledgedBy = "duty"
        alarm.clearedAt = at(6)
        let taken = try #require(Rewind(instant: at(4), log: []).alarm(alarm))
        #expect(taken.acknowledgedBy == "duty" && taken.clearedAt == nil)
        let new = try #require(Rewind(instant: at(1), log: []).alarm(alarm))
        #expect(new.isNew)
        #expect(Rewind(instant: at(-1), log: []).alarm(alarm) == nil)
    }

    @Test("a call-in answered later: the state its first later answer came from")
    func callIn() {
        let handled = CallIn(id: "J1", ticketID: "T1", responderID: "R1", requestedBy: "op", requestedAt: at(0), dueAt: at(600), state: .handled,
                             stateSince: at(30), note: "已调解")
        let log = [event(1, 30, .callInAnswered(id: "J1", ticketID: "T1", .handled(note: "已调解")), prior: .callIn(.arrived))]
        #expect(Rewind(instant: at(20), log: log).callIn(handled)?.state == .arrived)
        #expect(Rewind(instant: at(20), log: log).callIn(handled)?.note == nil)
        #expect(Rewind(instant: at(40), log: log).callIn(handled) == handled)
    }
}

/// 回放's clock: the replayed time runs at its speed from where it was set, stands while paused,
/// and stops at the end.
@Suite("Replay clock")
struct ReplayClockTests {
    let start = Date(timeIntervalSince1970: 1_796_032_800)

    @Test("runs at its speed, pauses, changes speed, jumps within the period and stops at its end")
    func replayClock() {
        let real = ManualClock(Date(timeIntervalSince1970: 0))
        let clock = ReplayClock(real: real, start: start, end: start.addingTimeInterval(3_600), speed: 60)
        #expect(clock.now() == start)
        real.advance(by: 2)
        #expect(clock.now() == start.addingTimeInterval(120))
        clock.togglePause()
        real.advance(by: 10)
        #expect(clock.now() == start.addingTimeInterval(120) && clock.isPaused)
        clock.togglePause()
        clock.setSpeed(1)
        real.advance(by: 5)
        #expect(clock.now() == start.addingTimeInterval(125))
        clock.jump(to: start.addingTimeInterval(-500), pause: true)
        #expect(clock.now() == start)
        clock.jump(to: start.addingTimeInterval(99_999), pause: false)
        #expect(clock.now() == start.addingTimeInterval(3_600) && clock.atEnd)
        real.advance(by: 100)
        #expect(clock.now() == start.addingTimeInterval(3_600))
        clock.setSpeed(1e9)
        #expect(clock.speed == 3_600)
    }
}
