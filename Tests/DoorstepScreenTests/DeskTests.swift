import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

/// The three ends as terminals (街道端、社区端、网格端) and the lobby screen: each desk shows its
/// own part of the territory, its queue first, and offers only what its role may do.
@Suite("Desks: the community end, the grid end, the lobby")
struct DeskTests {
    static let community = Desk(operatorID: "jb-dispatch", name: "张鹏超", role: .communityDispatcher, scope: .community("JB"), staffID: "S0001")
    static let grid = Desk(operatorID: "jb03-worker", name: "冯强琴", role: .gridWorker, scope: .grid("JB03"), staffID: "S0030")
    static let lobby = Desk(operatorID: "lobby", name: "大厅大屏", role: .viewer, scope: .street)

    func state(_ desk: Desk, _ size: Size = Size(width: 200, height: 60), language: Language = .zh) throws -> WallState {
        var state = try Fixtures.demoState(size, language: language)
        state.desk = desk
        return state
    }

    @Test("each desk in both languages at 200×60 and 80×24, every border in line")
    func snapshots() throws {
        for (desk, name) in [(Self.community, "community"), (Self.grid, "grid"), (Self.lobby, "lobby")] {
            for language in [Language.zh, .en] {
                for size in [Size(width: 200, height: 60), Size(width: 80, height: 24)] {
                    let canvas = WallView.render(try state(desk, size, language: language))
                    try assertSnapshot(canvas.text, named: "desk-\(name)-\(size.width)x\(size.height)-\(language == .zh ? "zh" : "en")")
                    #expect(misalignedRow(canvas) == nil, "\(name) \(size) \(language)")
                }
            }
        }
    }

    @Test("a community's desk shows its own grids, its tickets with the orders to dispatch first")
    func communityDesk() throws {
        let state = try state(Self.community)
        let text = WallView.render(state).text
        #expect(text.contains("社区端 · 江滨社区 · 派单 张鹏超(jb-dispatch)"))
        #expect(text.contains("江滨一网格") && !text.contains("北固一网格"))
        // every ticket listed is the community's, those waiting to be dispatched first
        let listed = (0..<state.ticketCount).compactMap { state.ticket(atRow: $0)?.ticket }
        #expect(!listed.isEmpty && listed.allSatisfy { $0.gridCode.hasPrefix("JB") })
        let firstOther = listed.firstIndex { $0.state != .ordered } ?? listed.count
        #expect(listed.prefix(firstOther).allSatisfy { $0.state == .ordered } && listed.dropFirst(firstOther).allSatisfy { $0.state != .ordered })
        #expect(state.overview.openTickets.contains { !$0.ticket.gridCode.hasPrefix("JB") })
    }

    @Test("a grid's desk shows its one grid and its tickets, to accept first; a and v take and finish them as its worker")
    func gridDesk() throws {
        var state = try state(Self.grid)
        #expect(WallView.render(state).text.contains("网格端 · 江滨三网格 · 冯强琴(jb03-worker)"))
        let listed = (0..<state.ticketCount).compactMap { state.ticket(atRow: $0)?.ticket }
        #expect(!listed.isEmpty && listed.allSatisfy { $0.gridCode == "JB03" })
        state.focus = .tickets
        let ticket = try #require(state.selectedTicket)
        #expect(state.update(.key(.character("a"))) == .act(ticketID: ticket.id, action: .accept(staffID: "S0030")))
        #expect(state.update(.key(.character("v"))) == nil)
        for c in "送到了" { state.update(.key(.character(c))) }
        #expect(state.update(.key(.enter)) == .act(ticketID: ticket.id, action: .resolve(staffID: "S0030", note: "送到了")))
        // no call is ringing for JB03 in the demo
        #expect(state.update(.key(.character("y"))) == nil)
        #expect(state.notice?.message == .noCallRinging)
    }

    @Test("a call ringing for the grid's people is answered from its desk")
    func answerFromDesk() throws {
        var state = try Fixtures.demoStateWithCall(.ringing, placedAgo: 10, sinceAgo: 10)
        state.desk = Desk(operatorID: "jb01-worker", role: .gridWorker, scope: .grid("JB01"), staffID: "S0002")
        let staff = try #require(state.overview.calls.first?.call.staffID)
        #expect(state.update(.key(.character("y"))) == .answerCall(callID: "C1", staffID: staff, accept: true))
        #expect(state.update(.key(.character("n"))) == .answerCall(callID: "C1", staffID: staff, accept: false))
        state.desk = Desk(operatorID: "bg01-worker", role: .gridWorker, scope: .grid("BG01"), staffID: "S0124")
        #expect(state.update(.key(.character("y"))) == nil)
    }

    @Test("s sends the selected order as suggested, in one key: its grid and the person the picker stars")
    func sendAsSuggested() throws {
        var state = try state(Self.community)
        state.focus = .tickets
        let order = try #require(state.selectedTicket)
        #expect(order.ticket.state == .ordered)
        var picker = state
        picker.update(.key(.character("d")))
        let starred = try #require(picker.picker.flatMap { picker.candidates(for: $0).first { $0.suggested } })
        #expect(state.update(.key(.character("s"))) == .act(ticketID: order.id, action: .dispatch(gridCode: order.ticket.gridCode, assigneeID: starred.staff.id)))
        // not an order waiting: nothing to send
        state.ticketCursor = try #require((0..<state.ticketCount).first { state.ticket(atRow: $0)?.ticket.state != .ordered })
        #expect(state.update(.key(.character("s"))) == nil)
    }

    @Test("a community's dispatch picker moves only between its own grids")
    func pickerStaysInCommunity() throws {
        var state = try state(Self.community)
        state.focus = .tickets
        state.update(.key(.character("d")))
        var seen = Set<String>()
        for _ in 0..<20 {
            state.update(.key(.right))
            let picker = try #require(state.picker)
            seen.insert(state.overview.grids[picker.gridIndex].grid.code)
        }
        #expect(seen.count == 9 && seen.allSatisfy { $0.hasPrefix("JB") })
    }

    @Test("a desk's ticker shows the events of its grids only; the street's shows all")
    func tickerOnDesk() throws {
        let events = [
            ChangeEvent(sequence: 3, at: Fixtures.now, actor: "S0124", change: .duty(staffID: "S0124", .busy), gridCode: "BG01"),
            ChangeEvent(sequence: 2, at: Fixtures.now, actor: "S0002", change: .duty(staffID: "S0002", .busy), gridCode: "JB01"),
            ChangeEvent(sequence: 1, at: Fixtures.now, actor: "duty", change: .operatorRemoved(id: "x")),
        ]
        var community = try state(Self.community)
        community.update(.events(events))
        #expect(community.events.map(\.sequence) == [2])
        var street = try state(.street)
        street.update(.events(events))
        #expect(street.events.count == 3)
        // an operator is named by name in the ticker
        let dispatched = ChangeEvent(sequence: 4, at: Fixtures.now, actor: "jb-dispatch",
                                     change: .ticket(id: "T00031", .dispatched(gridCode: "JB06", assigneeID: nil)), gridCode: "JB06")
        #expect(EventsPane.describe(dispatched, street.overview, street.strings, operators: ["jb-dispatch": "张鹏超"]).contains("张鹏超"))
        #expect(!EventsPane.describe(dispatched, street.overview, street.strings).contains("张鹏超"))
    }

    @Test("the lobby screen refuses every action key and never reveals a resident")
    func lobbyReadOnly() throws {
        var state = try state(Self.lobby)
        state.focus = .tickets
        for key in ["d", "x", "e", "i", "c", "C", "a", "v", "y"] {
            #expect(state.update(.key(.character(Character(key)))) == nil)
            #expect(state.notice?.message == .readOnly)
            #expect(state.picker == nil && state.reasonInput == nil && state.pendingCall == nil)
        }
        let ticket = try #require(state.selectedTicket)
        #expect(state.update(.key(.enter)) != nil || state.page == .ticket(id: ticket.id))
        #expect(state.update(.key(.character("r"))) == nil)
        let text = WallView.render(state).text
        #expect(text.contains("大屏 · 临江街道 · 只读"))
    }
}
