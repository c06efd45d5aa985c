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

/// The queue moved into place a few rows at a time is the queue sorted whole.
@Suite("Alarm ledger, row by row")
struct AlarmLedgerIncrementalTests {
    let t0 = Date(timeIntervalSince1970: 1_796_032_800)

    @Test("rows applied one or two at a time, new and changed, in any order, leave the queue a fresh ledger sorts")
    func rowByRow() {
        // the same instant for several ids (ties by id), and changes to rows already held
        let rows = (0..<600).map { n in
            Alarm(id: String(format: "A%03d", n), gridCode: "G\(n)", raisedAt: t0.addingTimeInterval(Double((n * 37) % 50) * 60), reasons: [])
        }
        var generator = SeededRandom(seed: 7)  // a failure repeats
        var ledger = AlarmLedger()
        var latest: [String: Alarm] = [:]
        var pending = rows.shuffled(using: &generator)
        while !pending.isEmpty {
            var batch = [pending.removeLast()]
            if let next = pending.popLast() { batch.append(next) }
            // now and then a row already held comes back changed: taken, or cleared
            if let held = latest.values.randomElement(using: &generator), Bool.random(using: &generator) {
                var changed = held
                if changed.acknowledgedAt == nil { changed.acknowledgedAt = t0 } else { changed.clearedAt = t0.addingTimeInterval(3_600) }
                batch.append(changed)
            }
            ledger.apply(batch)
            for row in batch { latest[row.id] = row }
        }
        let fresh = AlarmLedger(Array(latest.values))
        #expect(ledger.queue == fresh.queue)
        #expect(ledger.queue.count == 600)  // past one chunk of the queue (128, split at 256)
        #expect(ledger.unacknowledgedCount == fresh.unacknowledgedCount)
        #expect(Self.standing(ledger) == Self.standing(fresh))
        #expect(ledger == fresh)
    }

    static func standing(_ ledger: AlarmLedger) -> [String: String] {
        Dictionary(uniqueKeysWithValues: ledger.standingByGrid.map { ($0.key, $0.value) })
    }
}
