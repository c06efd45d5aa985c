import DoorstepCanvas
import DoorstepDomain
import DoorstepSeeds
import Foundation
import Testing

@testable import DoorstepScreen

/// A district centre's wall: streets as tiles by district, drilling down and back.
@Suite("Street level")
struct StreetLevelTests {
    /// The synthetic district (1,000 grids in 10 streets) spread over three districts, with
    /// its 300 most recent tickets (all open).
    /// A district of three streets, with 300 open tickets.
    static func districtData() -> CentreData {
        var set = Synthetic(scale: .district)
        set.districts = 3
        var data = set.centre(now: Fixtures.now)
        data.tickets = ((set.tickets - 300)..<set.tickets).map { set.ticket($0, now: Fixtures.now) }
        return data
    }

    static func districtState(_ size: Size) -> WallState {
        let data = districtData()
        return WallState(
            overview: Overview(data: data, now: Fixtures.now, calendar: Fixtures.calendar), language: .zh, now: Fixtures.now,
            timeZone: Fixtures.calendar.timeZone, size: size)
    }

    @Test("streets are tiles under their districts, with a tally each, and the street pane sums the communities")
    func streetsAsTiles() throws {
        let state = Self.districtState(Size(width: 200, height: 60))
        #expect(state.atStreetLevel)
        let overview = state.overview
        #expect(overview.streets.count == 10 && overview.streetTallies.map(\.grids).reduce(0, +) == 1_000)
        #expect(overview.streetTallies.map(\.openTickets).reduce(0, +) == overview.figures.openTickets)
        let screen = WallView.render(state)
        try assertSnapshot(screen.text, named: "streets-200x60-zh")
        #expect(screen.text.contains("全部街道 · 10 · 全部网格 1000"))
        #expect(screen.text.contains("街道概况 · "))
        #expect(misalignedRow(screen) == nil)
        // ticket numbers longer than the demo's are shown whole
        let firstTicket = try #require(state.ticket(atRow: 0))
        #expect(firstTicket.id.count > 6 && screen.text.contains("■ \(firstTicket.id) "))
        // each district's heading sums its streets
        let first = overview.streets[0].district
        var sum = StatusTally()
        for (index, street) in overview.streets.enumerated() where street.district == first { sum.add(overview.streetTallies[index]) }
        let heading = try #require(screen.text.split(separator: "\n").first { $0.contains("▌\(first) · ") })
        #expect(heading.contains(state.strings.communityLine(sum.grids, sum.alarm, sum.attention, sum.openTickets, sum.overdue)), "\(heading)")
    }

    @Test("Enter opens the highlighted street's grids; Esc climbs back to the streets")
    func drillDownAndBack() throws {
        var state = Self.districtState(Size(width: 200, height: 60))
        state.update(.key(.right))
        #expect(state.selectedStreet == 1)
        state.update(.key(.enter))
        #expect(state.streetScope == 1 && !state.atStreetLevel)
        let street = state.overview.streets[1]
        let grids = state.tileGroups.flatMap(\.members)
        #expect(grids.count == 100)
        #expect(grids.allSatisfy { state.overview.communities[state.overview.grids[$0].communityIndex(in: state.overview)].streetCode == street.code })
        #expect(state.selectedGrid == grids.first)
        let inside = WallView.render(state)
        #expect(inside.text.contains("\(street.name) · 全部网格 100"))
        #expect(misalignedRow(inside) == nil)
        // the tickets pane lists the street's tickets alone, with the street's counts
        let codes = Set(grids.map { state.overview.grids[$0].grid.code })
        let theirs = state.overview.openTickets.filter { codes.contains($0.ticket.gridCode) }
        #expect(!theirs.isEmpty && theirs.count < state.overview.openTickets.count)
        #expect(state.ticketCount == theirs.count)
        #expect((0..<state.ticketCount).compactMap { state.ticket(atRow: $0)?.id } == theirs.map(\.id))
        #expect(inside.text.contains("待办工单 · \(theirs.count) · 超时 \(state.overview.streetTallies[1].overdue) · \(street.name)"))
        state.update(.key(.tab))
        state.update(.key(.tab))
        state.update(.key(.down))
        #expect(state.selectedTicket?.id == theirs.dropFirst().first?.id)
        // fresh data keeps the cursor on the same ticket
        state.update(.overview(state.overview))
        #expect(state.selectedTicket?.id == theirs.dropFirst().first?.id)
        state.update(.key(.backTab))
        state.update(.key(.backTab))
        state.update(.key(.escape))
        #expect(state.atStreetLevel && state.selectedStreet == 1)
        #expect(state.ticketCount == state.overview.openTickets.count)
        #expect(WallView.render(state).text.contains("待办工单 · \(state.overview.figures.openTickets) · 超时"))
    }

    @Test("C above a street says to open one first; / finds grids across every street")
    func callAndFilterAboveAStreet() {
        var state = Self.districtState(Size(width: 200, height: 60))
        #expect(state.update(.key(.character("C"))) == nil)
        #expect(state.pendingCall == nil && state.notice?.isProblem == true)
        state.update(.key(.character("/")))
        for c in "G00099" { state.update(.key(.character(c))) }
        #expect(!state.atStreetLevel)
        #expect(state.visibleGrids.map { $0.map { state.overview.grids[$0].grid.code } } == ["G00099"])
        #expect(WallView.render(state).text.contains("全部网格 · 1/1000 · /G00099"))
    }

    @Test("digits jump to a district's first street")
    func digitsJumpToDistricts() {
        var state = Self.districtState(Size(width: 200, height: 60))
        state.update(.key(.character("2")))
        let second = state.streetGroups[1]
        #expect(state.selectedStreet == second.members.first)
    }
}

extension Overview.GridSummary {
    func communityIndex(in overview: Overview) -> Int {
        overview.communities.firstIndex { $0.code == grid.communityCode } ?? -1
    }
}

@Suite("Clock format")
struct ClockFormatTests {
    @Test("the header clock agrees with Foundation's calendar across years, leap days and time zones")
    func agreesWithCalendar() {
        let weekdays = ["日", "一", "二", "三", "四", "五", "六"]
        var random = SeededRandom(seed: 3)
        for zone in ["Asia/Shanghai", "UTC", "America/Los_Angeles"] {
            guard let timeZone = TimeZone(identifier: zone) else { continue }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            for _ in 0..<300 {
                let date = Date(timeIntervalSince1970: Double(Int.random(in: -2_000_000_000...4_000_000_000, using: &random)))
                let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
                let expected = String(format: "%04d-%02d-%02d %@ %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                                      weekdays[(c.weekday ?? 1) - 1], c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
                #expect(Formatting.clock(date, timeZone: timeZone, weekdays: weekdays) == expected, "\(date) in \(zone)")
            }
        }
    }
}

@Suite("Clock-only frames")
struct ClockTickTests {
    @Test("a second's frame drawn from the last one equals a full render whenever it is offered")
    func tickEqualsFullRender() throws {
        // the demo again, with a call answered half a minute ago by someone of the selected grid:
        // its age ticks in the staff pane
        let called = try Fixtures.demoStateWithCall(.answered, placedAgo: 30, sinceAgo: 25)
        // and the demo with the tickets pane focused, its cursor on a row whose countdown moves
        var focused = try Fixtures.demoState(Size(width: 200, height: 60))
        focused.focus = .tickets
        focused.ticketCursor = 2
        // and inside one street of the district, its tickets alone
        var inside = StreetLevelTests.districtState(Size(width: 200, height: 60))
        inside.enterStreet(2)
        let states = [StreetLevelTests.districtState(Size(width: 200, height: 60)), try Fixtures.demoState(Size(width: 120, height: 40)), called, focused,
                      inside]
        for (n, var state) in states.enumerated() {
            var frame = WallView.render(state)
            var offered = 0, refused = 0, ticketRowsDrawn = 0
            for _ in 0..<180 {
                let before = state.now
                state.update(.tick(before.addingTimeInterval(1)))
                let full = WallView.render(state)
                var ticked = frame
                if let areas = WallView.renderClockTick(state, from: before, onto: &ticked) {
                    offered += 1
                    #expect(ticked == full, "at \(state.now)")
                    // every cell that differs from the last frame is in an area said to be drawn
                    // again, and outside the header and the staff pane only rows that moved are
                    let changed = Fixtures.cellsChanged(from: frame, to: full)
                    let outside = changed.filter { cell in !areas.contains { $0.contains(column: cell.x, row: cell.y) } }
                    #expect(outside.isEmpty, "cells \(outside.prefix(5)) not in \(areas)")
                    let differing = Set(changed.map(\.y))
                    let layout = try #require(WallLayout(size: state.size))
                    let ticketRows = areas.flatMap { $0.y..<$0.maxY }.filter { $0 >= layout.tickets.y && $0 < layout.tickets.maxY }
                    #expect(ticketRows.allSatisfy(differing.contains), "ticket rows \(ticketRows) drawn again, \(differing) moved")
                    ticketRowsDrawn += ticketRows.count
                } else {
                    refused += 1
                }
                frame = full
            }
            // with no call ringing and no overlay, every second is drawn this way
            #expect(offered == 180 && refused == 0, "state \(n): offered \(offered), refused \(refused)")
            // countdowns under an hour move every second, so some ticket rows are drawn again
            if n == 1 || n == 3 { #expect(ticketRowsDrawn > 0) }
        }
    }

    @Test("an overlay or a page always takes a full render")
    func overlaysTakeFullRender() throws {
        var state = StreetLevelTests.districtState(Size(width: 200, height: 60))
        let frame = WallView.render(state)
        state.update(.key(.character("?")))
        state.update(.tick(state.now.addingTimeInterval(1)))
        var ticked = frame
        #expect(WallView.renderClockTick(state, from: Fixtures.now, onto: &ticked) == nil)
        #expect(ticked == frame)
    }
}

@Suite("Compact tiles")
struct CompactTileTests {
    @Test("a name longer than a compact tile ends in …, not cut at the edge")
    func longNames() throws {
        var data = try DataSet.load(from: .embeddedDemo, now: Fixtures.now)
        data.grids[0].name = "江滨一号大院网格"
        let state = WallState(
            overview: Overview(data: data, now: Fixtures.now, calendar: Fixtures.calendar), language: .zh, now: Fixtures.now,
            timeZone: Fixtures.calendar.timeZone, size: Size(width: 80, height: 24))
        let canvas = WallView.render(state)
        let shown = Columns.truncate("江滨一号大院网格", to: TileLayout.compactWidth - 1)
        #expect(shown == "江滨一号大…")
        #expect(canvas.text.contains(shown), "\(shown) not on the screen")
        #expect(misalignedRow(canvas) == nil)
    }
}
