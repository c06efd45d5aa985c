import DoorstepCanvas
import DoorstepDomain
import DoorstepSeeds
import Foundation
import Testing
@testable import DoorstepScreen

@Suite("交接班 on the wall")
struct HandoverScreenTests {
    /// The demo street's desk, handed over an hour ago with two tickets fewer open than now.
    static func state(_ size: Size, _ language: Language, handedOver: Bool = true) throws -> WallState {
        var state = try Fixtures.demoState(size, language: language)
        state.desk = Desk(operatorID: "duty-night", name: "夜班值班员", role: .streetDuty, scope: .street)
        state.operatorNames = ["duty": "街道值班员", "duty-night": "夜班值班员", "jb-dispatch": "张鹏超"]
        state.operatorDesks = ["duty": "street", "duty-night": "street", "jb-dispatch": "JB"]
        if handedOver {
            var then = HandoverSummary(state.overview, at: Fixtures.now)
            then.openTickets -= 2
            then.overdueTickets = ["T00070"]
            state.overview.handovers["street"] = Handover(
                id: "H000001", at: Fixtures.now.addingTimeInterval(-3_600), desk: "street", fromOperator: "duty", toOperator: "duty-night",
                note: "JB03 燃气异味待燃气公司回复", inherited: then)
        }
        return state
    }

    @Test("the page shows the last handover, each figure then and now with the change, and how to make one; both languages")
    func page() throws {
        for language in Language.allCases {
            var state = try Self.state(Size(width: 200, height: 60), language)
            _ = state.update(.key(.character("H")))
            #expect(state.page == .handover)
            let canvas = WallView.render(state)
            #expect(misalignedRow(canvas) == nil)
            try assertSnapshot(canvas.text, named: "handover-page-200x60-\(language.rawValue)")
        }
        var none = try Self.state(Size(width: 80, height: 24), .zh, handedOver: false)
        _ = none.update(.key(.character("H")))
        let text = WallView.render(none).text
        #expect(text.contains("交接班 · 尚无交接记录") && text.contains("待办工单"))
        try assertSnapshot(text, named: "handover-page-80x24-none-zh")
    }

    @Test("Enter writes one: ←→ choose who takes the desk (this desk's operators first), keys make the note, Enter records, Esc drops")
    func form() throws {
        var state = try Self.state(Size(width: 200, height: 60), .zh)
        _ = state.update(.key(.character("H")))
        #expect(state.update(.key(.enter)) == nil)
        #expect(state.handoverForm == HandoverForm())
        #expect(state.handoverCandidates == ["duty", "jb-dispatch"], "the street's own operator first; never the one at the desk")
        // q and H are letters of the note here, not quit or another page
        for key in ["夜", "q", "H"] { _ = state.update(.key(.character(Character(key)))) }
        _ = state.update(.key(.backspace))
        #expect(state.handoverForm?.note == "夜q")
        _ = state.update(.key(.right))
        _ = state.update(.key(.left))
        let text = WallView.render(state).text
        #expect(text.contains("接班人 ◀ 街道值班员 (duty) ▶") && text.contains("交班备注 夜q_"))
        #expect(state.update(.key(.enter)) == .handover(to: "duty", note: "夜q"))
        #expect(state.handoverForm == nil && state.page == .handover)
        // dropped: nothing asked of the store
        _ = state.update(.key(.enter))
        _ = state.update(.key(.character("x")))
        #expect(state.update(.key(.escape)) == nil && state.handoverForm == nil)
    }

    @Test("a lobby screen shows the page but writes no handover")
    func readOnly() throws {
        var state = try Self.state(Size(width: 200, height: 60), .zh)
        state.desk = Desk(operatorID: "lobby", name: "大厅大屏", role: .viewer, scope: .street)
        _ = state.update(.key(.character("H")))
        #expect(state.update(.key(.enter)) == nil && state.handoverForm == nil)
        #expect(WallView.render(state).text.contains("此屏只读"))
    }

    @Test("what a desk hands on: the centre's figures, or a community's grids alone")
    func summary() throws {
        let state = try Self.state(Size(width: 200, height: 60), .zh, handedOver: false)
        let street = HandoverSummary(state.overview, at: Fixtures.now)
        #expect(street.openTickets == state.overview.figures.openTickets && street.overdue == state.overview.figures.overdue)
        let communities = state.overview.communities.map { community in
            HandoverSummary(state.overview, at: Fixtures.now, grids: Set(state.overview.grids.filter { $0.grid.communityCode == community.code }.map(\.grid.code)))
        }
        #expect(communities.map(\.openTickets).reduce(0, +) == street.openTickets)
        #expect(communities.map(\.overdue).reduce(0, +) == street.overdue)
        #expect(communities.map(\.severeHazards).reduce(0, +) == street.severeHazards)
        #expect(Set(communities.flatMap(\.overdueTickets)) == Set(street.overdueTickets))
    }
}
