import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

@Suite("Joint handling on the wall: the ticket's parties, the call-in picker, the waiting page")
struct JointHandlingTests {
    /// The demo's ticket T00047 (a dispute in 南湖八网格): the mediation centre arrived, the
    /// community's police officer not yet answered.
    static let dispute = "T00047"

    @Test("a ticket's page lists every party called in with its state, deadline and what it said")
    func ticketPage() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        #expect(state.open(.ticket(id: Self.dispute)) == .loadHistory(ticketID: Self.dispute))
        state.update(.history(ticketID: Self.dispute, []))
        let screen = WallView.render(state)
        try assertSnapshot(screen.text, named: "ticket-joint-200x60-zh")
        #expect(misalignedRow(screen) == nil)
        #expect(screen.text.contains("联动处置 · 2 方 · 待办结 2"))
        #expect(screen.text.contains("已到场 街道矛盾纠纷调处中心 · 矛盾纠纷调处中心 · 剩"))
        #expect(screen.text.contains("待响应"))
        #expect(screen.text.contains("(社区民警) · 公安"))

        // a declined party says why, in English at 80×24 too
        state.update(.key(.escape))
        _ = state.open(.ticket(id: "T00042"))
        state.update(.history(ticketID: "T00042", []))
        state.language = .en
        state.update(.resize(Size(width: 80, height: 24)))
        let small = WallView.render(state)
        try assertSnapshot(small.text, named: "ticket-joint-80x24-en")
        #expect(misalignedRow(small) == nil)
        #expect(small.text.contains("Joint handling · 2 parties · 1 pending"), "\(small.text)")
        #expect(small.text.contains("declined"))
        #expect(small.text.contains("当事人已委托"))
    }

    @Test("i on a ticket opens the picker, the mediation centre suggested first for a dispute; Space ticks, Enter calls them in")
    func picker() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        _ = state.open(.ticket(id: "T00045"))
        #expect(state.update(.key(.character("i"))) == nil)
        let picker = try #require(state.callInPicker)
        let options = state.callInOptions(for: picker.ticketID)
        #expect(options.first?.responder.kind == .mediationCentre)
        #expect(options.first?.pending == true, "the mediation centre is already pending on T00045")
        #expect(options.dropFirst().first?.responder.kind == .police)
        // only the parties serving the ticket's community, or the whole street
        let community = "JB"
        #expect(options.allSatisfy { $0.responder.communityCode == nil || $0.responder.communityCode == community })
        let screen = WallView.render(state)
        try assertSnapshot(screen.text, named: "callin-picker-200x60-zh")
        #expect(misalignedRow(screen) == nil)
        #expect(screen.text.contains("联动 T00045:呼叫外部力量"))
        #expect(screen.text.contains("已在联动中"))

        // Enter on a party already pending does nothing; Space there ticks nothing
        state.update(.key(.character(" ")))
        #expect(state.callInPicker?.chosen.isEmpty == true)
        #expect(state.update(.key(.enter)) == nil)
        // the police officer and the lawyer, ticked
        state.update(.key(.down))
        state.update(.key(.character(" ")))
        state.update(.key(.down))
        state.update(.key(.character(" ")))
        let police = options[1].responder.id, lawyer = options[2].responder.id
        #expect(state.update(.key(.enter)) == .callIn(ticketID: "T00045", responderIDs: [police, lawyer]))
        #expect(state.callInPicker == nil)

        // Esc closes it without calling anyone
        _ = state.update(.key(.character("i")))
        #expect(state.callInPicker != nil)
        #expect(state.update(.key(.escape)) == nil)
        #expect(state.callInPicker == nil)
        #expect(state.page == .ticket(id: "T00045"))
    }

    @Test("o shows the tickets waiting on outside parties, late first, and the slowest department this week")
    func waitingPage() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        #expect(state.update(.key(.character("o"))) == nil)
        #expect(state.page == .joint)
        let screen = WallView.render(state)
        try assertSnapshot(screen.text, named: "joint-page-200x60-zh")
        #expect(misalignedRow(screen) == nil)
        let pace = state.overview.departmentPace()
        let slowest = try #require(pace.first)
        #expect(pace.allSatisfy { $0.meanHours <= slowest.meanHours })
        let name = try #require(state.overview.departments[slowest.departmentCode]?.nameZh)
        #expect(screen.text.contains("本周最慢:\(name)"))
        // the late one (the emergency office on T00072, given two hours four hours ago) leads
        let waiting = state.jointWaiting()
        #expect(waiting.first?.0.id == "T00072")
        #expect(waiting.count == state.overview.joint.waiting.count)
        #expect(screen.text.contains("等待外部力量的工单 · \(waiting.count)"))
        #expect(state.update(.key(.enter)) == .loadHistory(ticketID: "T00072"))
        #expect(state.page == .ticket(id: "T00072"))
        state.update(.key(.escape))

        state.language = .en
        state.update(.resize(Size(width: 80, height: 24)))
        let small = WallView.render(state)
        try assertSnapshot(small.text, named: "joint-page-80x24-en")
        #expect(misalignedRow(small) == nil)
        #expect(small.text.contains("Slowest this week"))
    }

    @Test("a party that never answered turns its grid to alarm with the reason on the tile, and the tickets pane tags waiting tickets")
    func tileAndTag() throws {
        let state = try Fixtures.demoState(Size(width: 200, height: 60))
        let wt02 = try #require(state.overview.grids.first { $0.grid.code == "WT02" })
        #expect(wt02.assessment.status == .alarm && wt02.assessment.reasons.contains(.partiesNotAnswering(1)))
        #expect(state.overview.figures.callInsLate == 1)
        #expect(state.overview.figures.callInsPending == state.overview.joint.pendingCount)
        let text = WallView.render(state).text
        #expect(text.contains("联 燃气异味"))
        #expect(StatusReason.callInsLate(2).status == .attention)
        #expect(WallView.reasonText(.callInsLate(2), Language.zh.strings) == "联动超时2")
        #expect(WallView.reasonText(.callInsLate(2), Language.en.strings) == "call-in late 2")
        #expect(WallView.reasonText(.partiesNotAnswering(1), Language.zh.strings) == "联动未响应1")
        #expect(text.contains("WT02 联动未响…") || text.contains("WT02 联动未响应1"))
    }
}
