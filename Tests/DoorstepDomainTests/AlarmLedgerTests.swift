import DoorstepDomain
import Foundation
import Testing

/// The alarms the wall knows: each grid's standing one, the queue newest first, the untaken,
/// and closed ones forgotten after the hours kept.
@Suite("Alarm ledger")
struct AlarmLedgerTests {
    let t0 = Date(timeIntervalSince1970: 1_796_032_800)

    @Test("a grid's standing alarm follows its rows; the queue is newest first; closed ones age out")
    func ledger() {
        var ledger = AlarmLedger([
            Alarm(id: "A1", gridCode: "JB03", raisedAt: t0, reasons: ["overdue"]),
            Alarm(id: "A2", gridCode: "BG06", raisedAt: t0.addingTimeInterval(60), reasons: ["severe_hazard"]),
        ])
        #expect(ledger.standing(ofGrid: "JB03")?.id == "A1")
        #expect(ledger.queue.map(\.id) == ["A2", "A1"])
        #expect(ledger.unacknowledged.count == 2)
        ledger.apply([Alarm(id: "A1", gridCode: "JB03", raisedAt: t0, reasons: ["overdue"], acknowledgedBy: "duty", acknowledgedAt: t0)])
        #expect(ledger.unacknowledged.map(\.id) == ["A2"])
        #expect(ledger.standing(ofGrid: "JB03")?.isNew == false)
        ledger.apply([Alarm(id: "A1", gridCode: "JB03", raisedAt: t0, reasons: ["overdue"], acknowledgedBy: "duty", acknowledgedAt: t0, clearedAt: t0.addingTimeInterval(120))])
        #expect(ledger.standing(ofGrid: "JB03") == nil)
        #expect(ledger.alarm("A1")?.isOpen == false)
        ledger.drop(closedBefore: t0.addingTimeInterval(100))
        #expect(ledger.alarm("A1") != nil)
        ledger.drop(closedBefore: t0.addingTimeInterval(121))
        #expect(ledger.alarm("A1") == nil && ledger.queue.map(\.id) == ["A2"])
    }

    @Test("an alarm is due to go up only when standing, untaken, not yet escalated and old enough")
    func escalationDue() {
        let alarm = Alarm(id: "A1", gridCode: "JB03", raisedAt: t0, reasons: [])
        #expect(!alarm.isDueForEscalation(at: t0.addingTimeInterval(599), after: 600))
        #expect(alarm.isDueForEscalation(at: t0.addingTimeInterval(600), after: 600))
        var taken = alarm
        taken.acknowledgedAt = t0
        #expect(!taken.isDueForEscalation(at: t0.addingTimeInterval(900), after: 600))
        var sent = alarm
        sent.escalatedAt = t0.addingTimeInterval(600)
        #expect(!sent.isDueForEscalation(at: t0.addingTimeInterval(900), after: 600))
    }
}
