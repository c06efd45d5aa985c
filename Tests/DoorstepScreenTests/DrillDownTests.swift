import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

@Suite("Drill-down: grid, household, ticket")
struct DrillDownTests {
    @Test("Enter on a tile opens the grid's page: roster, must-visits, tickets and hazards")
    func gridPage() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.character("2")))
        for _ in 0..<5 { state.update(.key(.right)) }  // BG06: the severe hazard
        #expect(state.update(.key(.enter)) == nil)
        #expect(state.page == .grid(code: "BG06"))
        let screen = WallView.render(state)
        try assertSnapshot(screen.text, named: "grid-page-200x60-zh")
        #expect(misalignedRow(screen) == nil)
        #expect(screen.text.contains("北固六网格 BG06 · 北固社区 · ■ 重大隐患1"))
        #expect(screen.text.contains("地下车库积水漏电"))
        #expect(screen.text.contains("六必访 · 本月"))

        // at 80×24 the roster keeps half the width (a role's whole name) and the must-visits sit
        // above the tickets and hazards
        state.update(.resize(Size(width: 80, height: 24)))
        let small = WallView.render(state)
        try assertSnapshot(small.text, named: "grid-page-80x24-zh")
        #expect(misalignedRow(small) == nil)
        #expect(small.text.contains("党员中心户") || small.text.contains("专职网格员"), "\(small.text)")
        #expect(small.text.contains("地下车库积水漏电"))
        state.update(.key(.escape))
        #expect(state.page == nil)
    }

    @Test("households are masked; r asks to record the reveal, and only then are they shown")
    func householdPrivacy() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.enter))
        state.update(.key(.tab))
        #expect(state.detailSection == .households)
        let household = try #require(state.gridHouseholds("JB01").first)
        #expect(state.update(.key(.enter)) == nil)
        #expect(state.page == .household(id: household.id))
        let masked = WallView.render(state).text
        #expect(!masked.contains(household.headName) || household.headName.count < 2)
        #expect(masked.contains(Formatting.maskName(household.headName)))
        #expect(!masked.contains(household.phone))
        #expect(state.update(.key(.character("r"))) == .reveal(subject: household.id))
        #expect(!WallView.render(state).text.contains(household.phone))  // not before the store has recorded it
        state.update(.revealed(subject: household.id))
        #expect(WallView.render(state).text.contains(household.phone))
        state.update(.key(.backspace))
        #expect(state.page == .grid(code: "JB01"))
    }

    @Test("Enter on a ticket asks for its history and shows it when it arrives")
    func ticketPage() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60), language: .en)
        state.update(.key(.tab))
        state.update(.key(.tab))
        let open = try #require(state.selectedTicket)
        #expect(state.update(.key(.enter)) == .loadHistory(ticketID: open.id))
        #expect(WallView.render(state).text.contains("loading…"))
        let t0 = open.ticket.createdAt
        state.update(.history(ticketID: open.id, [
            TicketHistoryEntry(from: nil, to: .ordered, change: .ordered(title: open.ticket.title), actor: "resident", at: t0),
            TicketHistoryEntry(
                from: .ordered, to: .dispatched, change: .dispatched(gridCode: open.ticket.gridCode, assigneeID: nil), actor: "S0001",
                at: t0.addingTimeInterval(600)),
            TicketHistoryEntry(from: .dispatched, to: .accepted, change: .accepted(staffID: "S0030"), actor: "S0030", at: t0.addingTimeInterval(900)),
        ]))
        let screen = WallView.render(state)
        try assertSnapshot(screen.text, named: "ticket-page-200x60-en")
        #expect(misalignedRow(screen) == nil)
        #expect(screen.text.contains("ordered → dispatched"))
        #expect(screen.text.contains("张鹏超"))  // S0001's name, not the id
        #expect(!screen.text.contains(open.ticket.residentPhone))

        // at 80×24 the times are shortened to fit, never cut mid-number
        state.update(.resize(Size(width: 80, height: 24)))
        let small = WallView.render(state)
        #expect(misalignedRow(small) == nil)
        let created = Formatting.clock(open.ticket.createdAt, timeZone: state.timeZone, weekdays: state.strings.weekdays).split(separator: " ")
        #expect(small.text.contains("\(created[0]) \(created[2])"), "\(small.text)")
        let dispatched = Formatting.clock(t0.addingTimeInterval(600), timeZone: state.timeZone, weekdays: state.strings.weekdays).split(separator: " ")
        #expect(small.text.contains("\(dispatched[0].dropFirst(5)) \(dispatched[2].prefix(5))  ordered → dispatched"), "\(small.text)")
    }

    @Test("the grid page's sections take Tab, arrows and c")
    func gridKeys() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.enter))
        state.update(.key(.down))
        #expect(state.detailCursor == 1)
        state.update(.key(.character("c")))
        #expect(state.pendingCall?.staffIDs == [state.gridRoster("JB01")[1].id])
        state.update(.key(.escape))  // cancels the call first
        #expect(state.page == .grid(code: "JB01"))
        state.update(.key(.backTab))
        #expect(state.detailSection == .tickets)
    }
}

@Suite("Drill-down: community")
struct CommunityPageTests {
    @Test("u opens the selected grid's community: every grid with why, and Enter goes down to one")
    func communityPage() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.character("4")))
        #expect(state.update(.key(.character("u"))) == nil)
        #expect(state.page == .community(code: "YS"))
        let screen = WallView.render(state)
        try assertSnapshot(screen.text, named: "community-page-200x60-zh")
        #expect(misalignedRow(screen) == nil)
        #expect(screen.text.contains("银山社区 · 网格 7"))
        #expect(screen.text.contains("银山五网格  YS05"))
        #expect(screen.text.contains("无人在岗"))
        for _ in 0..<4 { state.update(.key(.down)) }
        state.update(.key(.enter))
        #expect(state.page == .grid(code: "YS05"))
        state.update(.key(.character("u")))
        #expect(state.page == .community(code: "YS"))
        state.update(.key(.escape))
        #expect(state.page == .community(code: "YS") || state.page == nil)
    }

    @Test("the grid and household pages in English")
    func english() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60), language: .en)
        state.update(.key(.enter))
        let grid = WallView.render(state)
        try assertSnapshot(grid.text, named: "grid-page-200x60-en")
        #expect(grid.text.contains("Grid staff 1+1+2+N"))
        state.update(.key(.tab))
        state.update(.key(.enter))
        let household = WallView.render(state)
        try assertSnapshot(household.text, named: "household-page-200x60-en")
        #expect(household.text.contains("r reveal resident details (recorded)"))
        #expect(misalignedRow(household) == nil)
    }
}
