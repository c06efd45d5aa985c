import DoorstepDomain
import DoorstepSimulation
import DoorstepTestSupport
import Foundation
import Testing

@Suite("Simulator")
struct SimulatorTests {
    let now = StoreFixtures.now

    @Test("the simulator makes the same choices for the same seed")
    func deterministicSimulator() throws {
        func run() throws -> [String] {
            let (database, store) = try TemporaryDatabase.demo(now: now)
            defer { database.cleanUp() }
            let clock = ManualClock(now)
            let simulator = try Simulator(store: store, clock: clock, seed: 42)
            var log: [String] = []
            for _ in 0..<150 {
                clock.advance(by: 7)
                log.append(try simulator.step() ?? "-")
            }
            return log
        }
        let first = try run()
        #expect(first == (try run()))
        #expect(Set(first.map { $0.split(separator: " ").first.map(String.init) ?? "" }).isSuperset(of: ["order", "dispatch", "accept", "visit", "duty", "call"]))
    }
}
