import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepEngine

@Suite("Rounds that keep time with the clock")
struct PaceTests {
    let pace = BackgroundLoop.Pace.beforeTheSecond(ManualClock(Date(timeIntervalSince1970: 0)))

    @Test("a one-second round runs 50 ms before each second turns")
    func beforeTheSecond() {
        #expect(abs(pace.wait(at: Date(timeIntervalSince1970: 1_000_012.3), interval: 1) - 0.65) < 1e-6)
        #expect(abs(pace.wait(at: Date(timeIntervalSince1970: 1_000_012.0), interval: 1) - 0.95) < 1e-6)
    }

    @Test("a round that ends just before its mark waits for the next one, not zero")
    func noDoubleRound() {
        let wait = pace.wait(at: Date(timeIntervalSince1970: 1_000_012.949), interval: 1)
        #expect(wait > 1 && wait < 1.01)
    }

    @Test("longer intervals keep to whole multiples of themselves")
    func longer() {
        // marks at 15 s, 20 s…: from 12.3 s the next round is at 14.95 s
        #expect(abs(pace.wait(at: Date(timeIntervalSince1970: 1_000_012.3), interval: 5) - 2.65) < 1e-6)
    }
}
