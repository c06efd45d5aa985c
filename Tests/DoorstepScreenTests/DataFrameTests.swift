import DoorstepCanvas
import DoorstepDomain
import DoorstepSeeds
import Foundation
import Testing

@testable import DoorstepScreen

@Suite("Data frames: only the panes fresh data moved")
struct DataFrameTests {
    /// Random changes to the demo street, as the engine would hand them on: each step's frame
    /// drawn from the last one (only the panes that moved) must equal a full render.
    @Test("a frame drawn from the last one equals a full render, in every focus, above the streets and inside one")
    func partialEqualsFull() throws {
        let districtData = StreetLevelTests.districtData()
        var district = WallState(
            overview: Overview(data: districtData, now: Fixtures.now, calendar: Fixtures.calendar), language: .zh, now: Fixtures.now,
            timeZone: Fixtures.calendar.timeZone, size: Size(width: 200, height: 60))
        let aboveStreets = district  // all streets as tiles
        district.enterStreet(1)
        var ticketsFocused = try Fixtures.demoState(Size(width: 200, height: 60))
        ticketsFocused.focus = .tickets
        var eventsFocused = try Fixtures.demoState(Size(width: 80, height: 24), language: .en)
        eventsFocused.focus = .events
        var staffFocused = try Fixtures.demoState(Size(width: 120, height: 40))
        staffFocused.focus = .staff
        var withoutGrids = 0
        let demo = try DataSet.load(from: .embeddedDemo, now: Fixtures.now)
        for (n, initial) in [try Fixtures.demoState(Size(width: 200, height: 60)), ticketsFocused, eventsFocused, staffFocused, district,
                             aboveStreets].enumerated() {
            var data = n >= 4 ? districtData : demo
            // the model the first frame was drawn from, kept current from then on
            var live = LiveOverview(data: data, now: Fixtures.now, calendar: Fixtures.calendar)
            var state = initial
            state.update(.overview(live.overview(at: state.now)))
            var random = SeededRandom(seed: UInt64(n + 1))
            var events: [ChangeEvent] = []
            var frame = WallView.render(state)
            let workers = data.staff.filter { $0.gridCode != nil }
            for step in 0..<60 {
                let now = state.now.addingTimeInterval(Double(Int.random(in: 0...3, using: &random)))
                var change: Change
                switch Int.random(in: 0..<4, using: &random) {
                case 0:
                    let grid = data.grids[Int.random(in: 0..<data.grids.count, using: &random)]
                    let ticket = Ticket(
                        id: "DF\(step)", gridCode: grid.code, categoryCode: data.categories[step % data.categories.count].code,
                        source: .resident, priority: .normal, state: .ordered, title: "新单", residentName: "", residentPhone: "",
                        createdAt: now, stateSince: now)
                    data.tickets.append(ticket)
                    live.update(tickets: [ticket])
                    change = .ticket(id: ticket.id, .ordered(title: ticket.title))
                case 1:
                    let index = Int.random(in: 0..<data.staff.count, using: &random)
                    data.staff[index].duty = DutyState.allCases.randomElement(using: &random) ?? .off
                    live.update(staff: [data.staff[index]])
                    change = .duty(staffID: data.staff[index].id, data.staff[index].duty)
                case 2:
                    let person = workers[Int.random(in: 0..<workers.count, using: &random)]
                    let call = Call(id: "DC\(step)", staffID: person.id, gridCode: person.gridCode, placedBy: "op", placedAt: now,
                                    state: .answered, stateSince: now)
                    live.update(calls: [call])
                    change = .callPlaced(callID: call.id, staffID: person.id)
                default:  // something that moves no grid: the ticker alone
                    change = .revealed(subject: "T00001")
                }
                events.insert(ChangeEvent(sequence: Int64(step + 1), at: now, actor: "operator", change: change), at: 0)
                let before = state
                state.update(.tick(now))
                state.update(.overview(live.overview(at: now)))
                state.update(.events(Array(events.prefix(50))))
                let full = WallView.render(state)
                let panes = try #require(WallView.panesMoved(from: before, to: state), "state \(n) step \(step): no data frame offered")
                if !panes.contains(.grids) { withoutGrids += 1 }
                var partial = frame
                let areas = WallView.redraw(panes, of: state, from: before, onto: &partial)
                #expect(partial == full, "state \(n) step \(step): panes \(panes.rawValue) drawn again differ from a full render")
                // every cell that moved is in an area drawn again
                let outside = Fixtures.cellsChanged(from: frame, to: full).filter { cell in !areas.contains { $0.contains(column: cell.x, row: cell.y) } }
                #expect(outside.isEmpty, "state \(n) step \(step): cells \(outside.prefix(5)) moved outside \(areas)")
                frame = full
            }
        }
        // a change that moves no grid (a reveal, a call answered elsewhere) leaves the tiles alone
        #expect(withoutGrids > 20)
    }

    @Test("seconds passing while a call rings redraw the clock, the countdowns and the call's age, equal to a full render")
    func ringingSeconds() throws {
        var state = try Fixtures.demoStateWithCall(.ringing, placedAgo: 20, sinceAgo: 20)
        var frame = WallView.render(state)
        var staffDrawn = 0
        for _ in 0..<90 {
            let before = state
            state.update(.tick(state.now.addingTimeInterval(1)))
            var ticked = frame
            #expect(WallView.renderClockTick(state, from: before.now, onto: &ticked) == nil)  // a ringing call: not the clock path
            let panes = try #require(WallView.panesMoved(from: before, to: state))
            #expect(!panes.contains(.grids) && !panes.contains(.events))
            if panes.contains(.staff) { staffDrawn += 1 }
            var partial = frame
            _ = WallView.redraw(panes, of: state, from: before, onto: &partial)
            let full = WallView.render(state)
            #expect(partial == full, "at \(state.now)")
            frame = full
        }
        #expect(staffDrawn > 0)
    }

    @Test("a page, an overlay, a new size or language, or a model built afresh takes a full render")
    func fullWhenNeeded() throws {
        let state = try Fixtures.demoState(Size(width: 200, height: 60))
        var help = state
        help.showHelp = true
        #expect(WallView.panesMoved(from: state, to: help) == nil)
        var resized = state
        resized.size = Size(width: 120, height: 40)
        #expect(WallView.panesMoved(from: state, to: resized) == nil)
        var english = state
        english.language = .en
        #expect(WallView.panesMoved(from: state, to: english) == nil)
        var rebuilt = state
        rebuilt.overview = Overview(data: try DataSet.load(from: .embeddedDemo, now: Fixtures.now), now: Fixtures.now, calendar: Fixtures.calendar)
        #expect(WallView.panesMoved(from: state, to: rebuilt) == nil)
        #expect(WallView.panesMoved(from: state, to: state) == [.header, .footer])
    }
}

@Suite("Data frames: the tickets pane's rows shifting")
struct TicketRowsShiftTests {
    @Test("tickets leaving the top and arriving above others shift the rows: the frame drawn from the last equals a full render")
    func shiftedRows() throws {
        var data = try DataSet.load(from: .embeddedDemo, now: Fixtures.now)
        var live = LiveOverview(data: data, now: Fixtures.now, calendar: Fixtures.calendar)
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.overview(live.overview(at: state.now)))
        var frame = WallView.render(state)
        var shifted = 0
        for step in 0..<12 {
            let now = state.now.addingTimeInterval(1)
            let rowsBefore = (0..<state.ticketCount).compactMap { state.ticket(atRow: $0)?.id }
            if step % 2 == 0 {
                // the most urgent ticket is resolved: every row under it moves up one
                let id = try #require(rowsBefore.first)
                let index = try #require(data.tickets.firstIndex { $0.id == id })
                data.tickets[index].state = .resolved
                data.tickets[index].stateSince = now
                live.update(tickets: [data.tickets[index]])
            } else {
                // an order placed long ago, overdue: it goes in above the others
                let grid = data.grids[step % data.grids.count]
                let ticket = Ticket(
                    id: "SH\(step)", gridCode: grid.code, categoryCode: data.categories[step % data.categories.count].code,
                    source: .resident, priority: .normal, state: .ordered, title: "楼道积水\(step)", residentName: "", residentPhone: "",
                    createdAt: now.addingTimeInterval(-86_400), stateSince: now.addingTimeInterval(-86_400))
                data.tickets.append(ticket)
                live.update(tickets: [ticket])
            }
            let before = state
            state.update(.tick(now))
            state.update(.overview(live.overview(at: now)))
            let rowsAfter = (0..<state.ticketCount).compactMap { state.ticket(atRow: $0)?.id }
            if rowsAfter.first != rowsBefore.first, Set(rowsAfter.prefix(10)).intersection(rowsBefore.prefix(10)).count >= 5 { shifted += 1 }
            let panes = try #require(WallView.panesMoved(from: before, to: state))
            #expect(panes.contains(.tickets))
            var partial = frame
            _ = WallView.redraw(panes, of: state, from: before, onto: &partial)
            let full = WallView.render(state)
            #expect(partial == full, "step \(step): the rows drawn again differ from a full render")
            frame = full
        }
        #expect(shifted >= 10)  // the rows did shift, step after step
    }
}
