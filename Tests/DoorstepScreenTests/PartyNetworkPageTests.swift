import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

/// 党建引领 · the street's Party-led network page, opened with p from the wall.
@Suite("Party-led network page")
struct PartyNetworkPageTests {
    @Test("p opens the functional organisations, the five pioneer teams and the service network; Esc closes it")
    func page() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        #expect(state.update(.key(.character("p"))) == nil)
        #expect(state.page == .partyNetwork)
        let page = WallView.render(state)
        try assertSnapshot(page.text, named: "party-network-200x60-zh")
        #expect(misalignedRow(page) == nil)
        #expect(page.text.contains("功能型党组织 · 3") && page.text.contains("暖新驿站快递员党支部 · 党员 "))
        #expect(VanguardTeam.allCases.allSatisfy { page.text.contains(Language.zh.partyStrings.team($0)) })
        #expect(page.text.contains("三级党群服务体系 · 73 处") && page.text.contains("江滨社区党群服务中心 · 网格微家 9 · "))
        state.update(.key(.escape))
        #expect(state.page == nil)
    }

    @Test("in English at 80×24 the three lists stack and every border lines up")
    func small() throws {
        var state = try Fixtures.demoState(Size(width: 80, height: 24), language: .en)
        state.update(.key(.character("p")))
        let page = WallView.render(state)
        try assertSnapshot(page.text, named: "party-network-80x24-en")
        #expect(misalignedRow(page) == nil)
        #expect(page.text.contains("Functional Party organisations · 3") && page.text.contains("The five pioneer teams"))
    }
}
