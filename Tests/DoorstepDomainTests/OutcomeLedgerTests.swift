@testable import DoorstepDomain
import Foundation
import Testing

/// The figures' ledger keeps only what a window can still count.
struct OutcomeLedgerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func resolved(_ id: String, daysAgo: Double) -> TicketOutcome {
        let at = now.addingTimeInterval(-daysAgo * 86_400)
        return TicketOutcome(id: id, state: .resolved, stateSince: at, dispatchedAt: at.addingTimeInterval(-3_600), acceptedAt: at.addingTimeInterval(-1_800))
    }

    @Test("a ticket resolved and never rated is let go once all it added is older than every window; rated later, it counts anew")
    func letsGo() {
        var ledger = OutcomeLedger(tickets: [], closed: [resolved("T1", daysAgo: 40), resolved("T2", daysAgo: 2), resolved("T3", daysAgo: 0.1)])
        #expect(ledger.held == 3)
        ledger.drop(before: now.addingTimeInterval(-31 * 86_400))
        #expect(ledger.held == 2)
        #expect(ledger.resolved.since(now.addingTimeInterval(-31 * 86_400)).count == 2)
        // within the hour, no second pass (a poll a second must not walk every ticket)
        ledger.apply(Ticket.outcomeOnly(resolved("T4", daysAgo: 40)))
        ledger.drop(before: now.addingTimeInterval(-31 * 86_400 + 60))
        #expect(ledger.held == 3)
        // T1 rated today: its rating counts, its old resolution is not counted twice
        var rated = resolved("T1", daysAgo: 0)
        rated.state = .rated
        rated.rating = 5
        ledger.apply(Ticket.outcomeOnly(rated))
        #expect(ledger.ratings.since(now.addingTimeInterval(-86_400)).count == 1)
        ledger.drop(before: now.addingTimeInterval(-31 * 86_400 + 7_200))
        #expect(ledger.held == 2)  // T2, T3 (T1 rated is final; T4 is old)
        #expect(ledger.resolved.since(now.addingTimeInterval(-86_400)).count == 2)  // T3 and T1's rating day
    }
}

extension Ticket {
    /// A ticket carrying only what an outcome holds.
    static func outcomeOnly(_ outcome: TicketOutcome) -> Ticket {
        Ticket(id: outcome.id, gridCode: "JB01", categoryCode: "convenience", source: .resident, priority: .normal, state: outcome.state,
               title: "", residentName: "", residentPhone: "", createdAt: outcome.stateSince, stateSince: outcome.stateSince,
               rating: outcome.rating, dispatchedAt: outcome.dispatchedAt, acceptedAt: outcome.acceptedAt)
    }
}
