import DoorstepDomain
import DoorstepSeeds
import Foundation
import Testing

/// The live read model, changed in place, must always say what a model built afresh from the
/// same data at the same instant says.
@Suite("Live overview")
struct LiveOverviewTests {
    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        return calendar
    }

    /// What the wall shows, in a form that compares.
    static func digest(_ overview: Overview) -> [String] {
        var lines = overview.grids.map { "\($0.grid.code) \($0.assessment) \($0.openTickets) \($0.working)/\($0.staffCount)" }
        lines.append("figures \(overview.figures)")
        lines.append("tickets " + overview.openTickets.map(\.id).joined(separator: ","))
        lines.append("communities \(overview.communityTallies)")
        lines.append("calls " + overview.calls.map { "\($0.id):\($0.state)" }.joined(separator: ","))
        lines.append("visits \(overview.visitsByHousehold.values.map(\.count).reduce(0, +))")
        lines.append("alarms out of step " + overview.alarmsOutOfStep.sorted().joined(separator: ","))
        lines.append("alarms standing \(overview.alarms.standingCount) untaken \(overview.alarms.unacknowledgedCount)")
        return lines
    }

    @Test("random changes and clock jumps applied in place agree with a fresh build every time")
    func agreesWithFreshBuild() throws {
        let start = Date(timeIntervalSince1970: 1_795_000_000)  // a Friday morning in Shanghai
        var data = try DataSet.load(from: .embeddedDemo, now: start)
        var live = LiveOverview(data: data, now: start, calendar: Self.calendar)
        var random = SeededRandom(seed: 7)
        var now = start
        let workers = data.staff.filter { $0.gridCode != nil }
        var calls = 0, visits = 0, orders = 0, alarms = 0
        for step in 0..<160 {
            now = now.addingTimeInterval(Double(Int.random(in: 1...900, using: &random)))
            switch Int.random(in: 0..<7, using: &random) {
            case 0:  // a new order
                orders += 1
                let grid = data.grids[Int.random(in: 0..<data.grids.count, using: &random)]
                let ticket = Ticket(
                    id: "LT\(orders)", gridCode: grid.code, categoryCode: data.categories[orders % data.categories.count].code,
                    source: .resident, priority: .normal, state: .ordered, title: "t", residentName: "", residentPhone: "",
                    createdAt: now, stateSince: now)
                data.tickets.append(ticket)
                live.update(tickets: [ticket])
            case 1:  // move an open ticket on
                let open = data.tickets.indices.filter { data.tickets[$0].state.isOpen }
                guard let index = open.randomElement(using: &random) else { continue }
                let ticket = data.tickets[index]
                let worker = workers[step % workers.count].id
                let actions: [TicketAction] = [
                    .dispatch(gridCode: ticket.gridCode, assigneeID: nil), .accept(staffID: worker),
                    .resolve(staffID: worker, note: "done"), .escalate,
                ]
                guard let moved = actions.lazy.compactMap({ try? ticket.applying($0, by: "test", at: now).0 }).first else { continue }
                data.tickets[index] = moved
                live.update(tickets: [moved])
            case 2:  // rate a resolved ticket
                guard let index = data.tickets.indices.first(where: { data.tickets[$0].state == .resolved }),
                      let (rated, _) = try? data.tickets[index].applying(.rate(score: 4), by: "resident", at: now) else { continue }
                data.tickets[index] = rated
                live.update(tickets: [rated])
            case 3:  // duty changes
                let index = Int.random(in: 0..<data.staff.count, using: &random)
                data.staff[index].duty = DutyState.allCases.randomElement(using: &random) ?? .off
                live.update(staff: [data.staff[index]])
            case 4:  // a call placed, answered later or not
                calls += 1
                let person = workers[Int.random(in: 0..<workers.count, using: &random)]
                var call = Call(id: "LC\(calls)", staffID: person.id, gridCode: person.gridCode, placedBy: "op", placedAt: now,
                                state: .ringing, stateSince: now)
                data.calls.append(call)
                live.update(calls: [call])
                if Bool.random(using: &random) {
                    call.state = .answered
                    call.stateSince = now.addingTimeInterval(5)
                    data.calls[data.calls.count - 1] = call
                    live.update(calls: [call])
                }
            case 5:  // an alarm raised on a grid without one (in alarm or not: a wall's desk puts it right), or one cleared
                if let index = data.alarms.indices.filter({ data.alarms[$0].isOpen }).randomElement(using: &random), Bool.random(using: &random) {
                    data.alarms[index].clearedAt = now
                    live.update(alarms: [data.alarms[index]])
                } else {
                    let standing = Set(data.alarms.filter(\.isOpen).map(\.gridCode))
                    guard let grid = data.grids.map(\.code).filter({ !standing.contains($0) }).randomElement(using: &random) else { continue }
                    alarms += 1
                    let alarm = Alarm(id: "LA\(alarms)", gridCode: grid, raisedAt: now, reasons: ["overdue"])
                    data.alarms.append(alarm)
                    live.update(alarms: [alarm])
                }
            default:  // a must-visit
                guard let household = data.households.filter({ !$0.mustVisit.isEmpty }).randomElement(using: &random) else { continue }
                visits += 1
                let visit = Visit(id: "LV\(visits)", householdID: household.id, staffID: workers[0].id, at: now)
                data.visits.append(visit)
                live.update(visits: [visit])
            }
            let fresh = Overview(data: data, now: now, calendar: Self.calendar)
            let kept = live.overview(at: now)
            #expect(Self.digest(kept) == Self.digest(fresh), "step \(step) at \(now)")
        }
    }

    @Test("a poll with nothing due re-assesses no grid: the next instant is the earliest a rule can change")
    func revisitInstant() throws {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let category = TicketCategory(code: "c", nameZh: "类", nameEn: "c", dispatchMinutes: 100, acceptMinutes: 60, resolveMinutes: 60)
        let ticket = Ticket(id: "T1", gridCode: "G", categoryCode: "c", source: .resident, priority: .normal, state: .ordered,
                            title: "t", residentName: "", residentPhone: "", createdAt: now, stateSince: now)
        let context = StatusContext(now: now, minuteOfDay: 9 * 60, dutyHours: 8 * 60 ..< 20 * 60, categories: ["c": category])
        // due in 100 min; near from the last fifth (20 min) before it
        #expect(StatusRules.revisit(GridFacts(openTickets: [ticket]), in: context) == now.addingTimeInterval(80 * 60))
        let later = StatusContext(now: now.addingTimeInterval(90 * 60), minuteOfDay: 10 * 60, dutyHours: 8 * 60 ..< 20 * 60,
                                  categories: ["c": category])
        let overdueFrom = StatusRules.revisit(GridFacts(openTickets: [ticket]), in: later)
        #expect(overdueFrom > now.addingTimeInterval(100 * 60) && overdueFrom < now.addingTimeInterval(100 * 60 + 0.001))
        #expect(StatusRules.revisit(GridFacts(), in: context) == .distantFuture)
    }
}
