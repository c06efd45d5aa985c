import DoorstepCanvas
import DoorstepDomain
import DoorstepSeeds
import Foundation
import Testing

@testable import DoorstepScreen

/// An unattended wall: it turns through its views every interval; a new alarm holds it on the
/// alarm's grid until the alarm is taken (or its hold is up), then it turns again.
@Suite("Unattended wall: turning and holding")
struct CycleTests {
    @Test("the street's wall turns through all grids, then each community, and back")
    func turns() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.startCycle(every: 10)
        let cycle = try #require(state.cycle)
        #expect(cycle.views.count == 1 + state.overview.communities.count && cycle.views[0] == .grids(.street))
        state.update(.tick(Fixtures.now.addingTimeInterval(9)))
        #expect(state.viewScope == nil)
        state.update(.tick(Fixtures.now.addingTimeInterval(10)))
        #expect(state.viewScope == .community("JB"))
        let text = WallView.render(state).text
        #expect(text.contains("轮播 2/9") && text.contains("江滨一网格") && !text.contains("北固一网格"))
        for k in 2...9 { state.update(.tick(Fixtures.now.addingTimeInterval(Double(10 * k)))) }
        #expect(state.viewScope == nil && state.cycle?.index == 0)
    }

    @Test("a new alarm holds the wall on its grid; taken, the turning goes on; untaken, its hold runs out")
    func holds() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.startCycle(every: 10)
        state.update(.tick(Fixtures.now.addingTimeInterval(10)))  // on 江滨社区
        let alarm = Alarm(id: "A1", gridCode: "BG06", raisedAt: Fixtures.now.addingTimeInterval(10), reasons: ["severe_hazard"])
        var data = try DataSet.load(from: .embeddedDemo, now: Fixtures.now)
        data.alarms = [alarm]
        state.update(.overview(Overview(data: data, now: Fixtures.now, calendar: Fixtures.calendar)))
        state.holdCycle(on: alarm)
        #expect(state.viewScope == nil && state.selectedSummary?.grid.code == "BG06")
        #expect(WallView.render(state).text.contains("轮播暂停 · 告警"))
        state.update(.tick(Fixtures.now.addingTimeInterval(60)))
        #expect(state.cycle?.holding != nil && state.selectedSummary?.grid.code == "BG06")  // held while untaken
        // taken: the next tick lets go, and the turning goes on from where it was
        var taken = alarm
        taken.acknowledgedAt = Fixtures.now.addingTimeInterval(61)
        data.alarms = [taken]
        state.update(.overview(Overview(data: data, now: Fixtures.now, calendar: Fixtures.calendar)))
        state.update(.tick(Fixtures.now.addingTimeInterval(62)))
        #expect(state.cycle?.holding == nil && state.viewScope == .community("JB"))
        // another, never taken: held until its hold runs out
        let second = Alarm(id: "A2", gridCode: "XH06", raisedAt: Fixtures.now.addingTimeInterval(70), reasons: ["overdue"])
        data.alarms = [taken, second]
        state.update(.overview(Overview(data: data, now: Fixtures.now, calendar: Fixtures.calendar)))
        state.update(.tick(Fixtures.now.addingTimeInterval(70)))
        state.holdCycle(on: second)
        state.update(.tick(Fixtures.now.addingTimeInterval(70 + Cycle.holdFor - 1)))
        #expect(state.cycle?.holding != nil)
        state.update(.tick(Fixtures.now.addingTimeInterval(70 + Cycle.holdFor)))
        #expect(state.cycle?.holding == nil)
    }

    @Test("a key holds the turning for one interval, so an operator who steps up is not pulled away")
    func keyHolds() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.startCycle(every: 10)
        state.update(.tick(Fixtures.now.addingTimeInterval(9)))
        state.update(.key(.down))
        state.update(.tick(Fixtures.now.addingTimeInterval(10)))
        #expect(state.viewScope == nil)
        state.update(.tick(Fixtures.now.addingTimeInterval(19)))
        #expect(state.viewScope == .community("JB"))
    }

    @Test("a schedule chooses the views by time of day: the night shift turns through the alarms and the calls only")
    func schedule() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        let day = state.minuteOfDay, night = (state.minuteOfDay + 1) % 1440
        let schedule = try #require(CycleSchedule([
            .init(fromMinute: night, views: [.alarms, .calls]), .init(fromMinute: day, views: [.grids, .communities]),
        ]))
        #expect(schedule.entries.map(\.fromMinute) == [day, night].sorted())
        state.startCycle(every: 20, schedule: schedule)
        #expect(state.cycle?.views.count == 9 && state.page == nil)
        // the next minute is the night shift: its first view at once, whatever the interval
        state.update(.tick(Fixtures.now.addingTimeInterval(60)))
        #expect(state.page == .alarms && state.cycle?.views == [.page(.alarms), .page(.calls)])
        let alarms = WallView.render(state).text
        #expect(alarms.contains("告警 · 近 12 小时") && alarms.contains("轮播 1/2"))
        state.update(.tick(Fixtures.now.addingTimeInterval(80)))
        #expect(state.page == .calls)
        let calls = WallView.render(state)
        #expect(calls.text.contains("呼叫 · ") && calls.text.contains("轮播 2/2"))
        #expect(misalignedRow(calls) == nil)
        state.update(.tick(Fixtures.now.addingTimeInterval(100)))
        #expect(state.page == .alarms)
        // a day later the day shift is back, on all grids
        state.update(.tick(Fixtures.now.addingTimeInterval(86_400)))
        #expect(state.page == nil && state.viewScope == nil && state.cycle?.views.count == 9)
        // a schedule that names nothing is no schedule
        #expect(CycleSchedule([]) == nil && CycleSchedule([.init(fromMinute: 1440, views: [.grids])]) == nil)
        #expect(CycleSchedule([.init(fromMinute: 0, views: [])]) == nil)
    }

    @Test("a community's desk has no communities to turn through; its pages it does")
    func communityDesk() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.desk = Desk(Operator(id: "jb-dispatch", name: "江滨派单", role: .communityDispatcher, scope: .community("JB")))
        let schedule = try #require(CycleSchedule([.init(fromMinute: 0, views: [.grids, .communities, .joint])]))
        state.startCycle(every: 10, schedule: schedule)
        #expect(state.cycle?.views == [.grids(.community("JB")), .page(.joint)])
    }
}
