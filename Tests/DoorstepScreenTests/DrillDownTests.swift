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
        // the micro-grid chiefs and building chiefs with what they answer for
        #expect(screen.text.contains("微网格长     第1微网格"))
        #expect(screen.text.contains("楼栋长       北固公寓1栋"))

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
        #expect(state.detailSection == .party)
        state.update(.key(.tab))
        #expect(state.detailSection == .households)
        let household = try #require(state.gridHouseholds("JB01").first)
        #expect(state.update(.key(.enter)) == .loadHouseholds(gridCode: "JB01"), "the page reads its grid's households afresh")
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
        #expect(grid.text.contains("Party branch · secretary "))
        state.update(.key(.tab))
        state.update(.key(.tab))
        state.update(.key(.enter))
        let household = WallView.render(state)
        try assertSnapshot(household.text, named: "household-page-200x60-en")
        #expect(household.text.contains("r reveal resident details (recorded)"))
        #expect(misalignedRow(household) == nil)
    }

    @Test("a grid's page shows its Party branch beside the roster; c on a member who holds a grid post calls that person")
    func partyBranch() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.enter))
        let code = try #require({ if case .grid(let code) = state.page { return code } else { return nil } }())
        let members = state.gridPartyMembers(code)
        let secretary = try #require(members.first)
        #expect(secretary.post == .secretary)
        let page = WallView.render(state)
        #expect(page.text.contains("网格党支部 · 书记 \(secretary.name) · 党员 \(members.count)"))
        #expect(page.text.contains("兼双全社工"))
        // volunteers with their pioneer team (先锋队)
        let volunteer = try #require(state.gridRoster(code).first { $0.team != nil })
        #expect(page.text.contains(Language.zh.partyStrings.team(volunteer.team ?? .building)))
        #expect(misalignedRow(page) == nil)
        state.update(.key(.tab))
        #expect(state.detailSection == .party)
        state.update(.key(.character("c")))
        #expect(state.pendingCall?.staffIDs == [secretary.staffID ?? ""])
        // a member with no grid post is called as a member, on the phone the chain lists
        state.pendingCall = nil
        let plain = try #require(members.firstIndex { $0.staffID == nil })
        for _ in 0..<plain { state.update(.key(.down)) }
        state.update(.key(.character("c")))
        #expect(state.pendingCall?.staffIDs == [members[plain].id] && state.pendingCall?.gridCode == code)
        #expect(state.pendingCall?.label == "\(members[plain].name) · \(Language.zh.partyStrings.post(members[plain].post))")
    }

    @Test("a branch without a secretary says so on the tile, the grid's page and its community's chain")
    func vacantBranch() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        #expect(state.overview.grids.first { $0.grid.code == "YT06" }?.assessment.reasons.contains(.partyBranchVacant) == true)
        _ = state.open(.grid(code: "YT06"))
        let page = WallView.render(state).text
        #expect(page.contains("▲ 缺支书") && page.contains("网格党支部 · 缺书记"))
        _ = state.open(.community(code: "YT"))
        let community = WallView.render(state).text
        #expect(community.contains("云台社区党委 书记") && community.contains("(缺书记或未建 1)"))
        #expect(community.contains("云台社区党群服务中心 · 周一至周六 08:30-18:00 · 党群政务、便民服务"))
        try assertSnapshot(community, named: "community-page-party-200x60")
    }
}
