import DoorstepCanvas
import DoorstepDomain
import Foundation

/// 党建引领 · the street's Party-led network on one page: the functional organisations and
/// the grids their members come from, the five pioneer volunteer teams, and the service
/// network's places. Opened with `p` from the wall.
enum PartyNetworkPage {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in area: Rect) {
        let p = state.language.partyStrings
        let overview = state.overview
        let inner = canvas.box(area, title: "\(p.networkTitle) · \(overview.centre.name)", style: Style(.title, bold: true))
        // side by side on a wide screen; stacked on a narrow one, the five teams always whole
        let columns = inner.width < 110
            ? Layout.rows(inner, [.fixed(min(overview.party.functional.count, 4) + 2), .fixed(VanguardTeam.allCases.count + 2), .fill(1)])
            : Layout.columns(inner, [.percent(34), .percent(30), .fill(1)], spacing: 1)

        // functional organisations, with how many members and from how many grids
        let party = overview.party
        let functional = party.functional.map { org -> (String, Style) in
            let members = party.members(of: org)
            let grids = Set(members.compactMap { party.grid(of: $0) }).count
            return ("\(org.name) · \(p.membersFromGrids(members.count, grids))", Style(.normal))
        }
        rows(&canvas, title: p.functionalTitle(functional.count), functional.isEmpty ? [(p.noneYet, Style(.muted))] : functional,
             in: columns[0])

        // the five pioneer teams: volunteers, and how many are working now
        var teams: [VanguardTeam: (all: Int, working: Int)] = [:]
        for person in overview.grids.lazy.flatMap({ overview.staffByGrid[$0.grid.code] ?? [] }) {
            guard let team = person.team else { continue }
            teams[team, default: (0, 0)].all += 1
            if person.duty.isWorking { teams[team, default: (0, 0)].working += 1 }
        }
        rows(&canvas, title: p.teamsTitle, VanguardTeam.allCases.map { team in
            let count = teams[team] ?? (0, 0)
            return (Columns.pad(p.team(team), to: 26) + p.volunteers(count.all, count.working), count.all == 0 ? Style(.muted) : Style(.normal))
        }, in: columns[1])

        // the service network: the street's centre, then each community's, with its stations
        let service = overview.serviceNetwork
        // every community centre offers the five kinds as a rule: its stations and hours say more
        let network = service.streetCentres.map { (DetailViews.servicePointLine($0, state), Style(.normal, bold: true)) }
            + service.communityCentres.map { point in
                ("\(point.name) · \(p.stations(service.stationCount(inCommunity: point.communityCode ?? ""))) · \(point.hours)", Style(.normal))
            }
        rows(&canvas, title: p.serviceTitle(service.points.count), network.isEmpty ? [(p.noneYet, Style(.muted))] : network, in: columns[2])
    }

    /// A boxed list of lines (no cursor: the page is read, not walked).
    private static func rows(_ canvas: inout Canvas, title: String, _ lines: [(String, Style)], in rect: Rect) {
        let inner = canvas.box(rect, title: title, style: Style(.border))
        for (row, line) in lines.prefix(max(0, inner.height)).enumerated() {
            canvas.write(line.0, x: inner.x, y: inner.y + row, clip: inner, style: line.1)
        }
    }
}
