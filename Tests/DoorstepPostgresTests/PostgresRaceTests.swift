import DoorstepDomain
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Synchronization
import Testing
@testable import DoorstepPostgres

/// Two machines' stores on one PostgreSQL database race to accept the same ticket: one wins,
/// the other is told who won, and the event log holds one acceptance.
@Suite("PostgreSQL races", .enabled(if: TestServer.isAvailable))
struct PostgresRaceTests {
    let now = StoreFixtures.now

    @Test("25 rounds of two stores accepting one ticket at once: one winner each round, the loser told who won")
    func acceptRace() throws {
        let location = try TestServer.demoDatabase(now: now)
        let left = try PostgresStore.open(location, logger: TestServer.logger)
        defer { left.close() }
        let right = try PostgresStore.open(location, logger: TestServer.logger)
        defer { right.close() }
        for round in 0..<25 {
            let ticket = try left.order(OrderRequest(gridCode: "JB01", categoryCode: "convenience", title: "抢单 \(round)"), by: "resident", at: now)
            _ = try left.act(on: ticket.id, .dispatch(gridCode: "JB01", assigneeID: nil), by: "S0001", at: now)
            let start = DispatchSemaphore(value: 0)
            let results = Mutex<[String: Result<Ticket, StoreError>]>([:])
            DispatchQueue.concurrentPerform(iterations: 2) { side in
                let (store, staff) = side == 0 ? (left, "S0002") : (right, "S0003")
                if side == 0 { start.signal() } else { start.wait() }
                let result: Result<Ticket, StoreError>
                do {
                    result = .success(try store.act(on: ticket.id, .accept(staffID: staff), by: staff, at: now.addingTimeInterval(60)))
                } catch {
                    result = .failure(error as? StoreError ?? .unavailable("\(error)"))
                }
                results.withLock { $0[staff] = result }
            }
            let outcome = results.withLock { $0 }
            let winners = outcome.filter { (try? $0.value.get()) != nil }.map(\.key)
            #expect(winners.count == 1, "round \(round): \(outcome)")
            guard let winner = winners.first, let loser = outcome.keys.first(where: { $0 != winner }) else { continue }
            if case .failure(.conflict(_, let last))? = outcome[loser] {
                #expect(last?.actor == winner, "round \(round)")
            } else {
                Issue.record("round \(round): the loser was not told of a conflict: \(String(describing: outcome[loser]))")
            }
            let accepted = try left.history(of: ticket.id).filter { $0.to == .accepted }
            #expect(accepted.map(\.actor) == [winner])
        }
    }
}
