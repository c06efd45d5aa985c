import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing
@testable import DoorstepScreen

@Suite("The clock set back")
struct ClockSetBackScreenTests {
    @Test("a call placed after the wall's time (a clock set back) shows just placed, not an age counted backwards")
    func callAge() throws {
        var state = try Fixtures.demoStateWithCall(.ringing, placedAgo: -45, sinceAgo: -45)
        state.update(.resize(Size(width: 200, height: 60)))
        let text = WallView.render(state).text
        #expect(text.contains("0:00:00"), "\(text)")
        #expect(!text.contains("0:00:45"))
    }
}
