import DoorstepCanvas
import DoorstepDomain
import Foundation

/// A page of the drill-down: community → grid → household or ticket.
public enum DetailPage: Equatable, Sendable {
    case community(code: String)
    case grid(code: String)
    case ticket(id: String)
    case household(id: String)
    /// 三活 · a grid's live map: its buildings and every household in them.
    case map(grid: String)
    /// 党建引领 · the street's functional organisations, pioneer teams and service network.
    case partyNetwork
    /// 联动处置 · the tickets waiting on outside parties, and each department's pace this week.
    case joint
    /// 告警 · the desk's alarms of the last hours.
    case alarms
    /// 呼叫 · the desk's calls of the last hours.
    case calls
    /// 民情气象站 · orders over days and weeks, and what is rising.
    case trends
    /// 交接班 · the desk's last handover against now, and a new one.
    case handover
}

/// The sections of a grid's page that Tab moves between.
public enum GridSection: Int, CaseIterable, Sendable {
    case roster, party, households, care, tickets
}

extension WallState {
    /// The page on top of the drill-down, if any.
    public var page: DetailPage? { details.last }

    /// A community's grids, in data-set order.
    func communityGrids(_ code: String) -> [Overview.GridSummary] { overview.grids.filter { $0.grid.communityCode == code } }

    /// The tickets shown on a grid's page: its open ones, most urgent first.
    func gridTickets(_ code: String) -> [Overview.OpenTicket] { overview.openTickets.filter { $0.ticket.gridCode == code } }

    /// The households shown on a grid's page: due a must-visit, those not yet visited this month first.
    func gridHouseholds(_ code: String) -> [Household] {
        (overview.mustVisitByGrid[code] ?? []).sorted { a, b in
            let va = visitedThisMonth(a.id), vb = visitedThisMonth(b.id)
            return va != vb ? !va : a.id < b.id
        }
    }

    func gridRoster(_ code: String) -> [Staff] {
        Self.inRoleOrder(overview.staffByGrid[code] ?? [])
    }

    /// The sections of a grid's page, in Tab order (the Party branch only where the data set
    /// has a Party chain).
    var gridSections: [GridSection] {
        GridSection.allCases.filter { section in
            switch section {
            case .party: return overview.party.hasParty
            case .care: return !overview.care.isEmpty
            case .roster, .households, .tickets: return true
            }
        }
    }

    /// A grid's care plans not closed: those with a service missed first, then due, then by id.
    func gridCarePlans(_ code: String) -> [CarePlan] {
        overview.care.plans(ofGrid: code).filter { $0.state != .closed }.sorted { a, b in
            let ka = (a.missed(at: now).isEmpty ? 1 : 0, a.due(at: now).isEmpty ? 1 : 0), kb = (b.missed(at: now).isEmpty ? 1 : 0, b.due(at: now).isEmpty ? 1 : 0)
            return ka != kb ? ka < kb : a.id < b.id
        }
    }

    /// The members of a grid's Party branch and its building groups, leaders first.
    func gridPartyMembers(_ code: String) -> [PartyMember] { overview.party.members(ofGrid: code) }

    /// A grid's key places: those not yet visited this month first.
    func gridPlaces(_ code: String) -> [KeyPlace] {
        (overview.places.byGrid[code] ?? []).sorted { a, b in
            let va = overview.places.visited(a.code), vb = overview.places.visited(b.code)
            return va != vb ? !va : a.code < b.code
        }
    }

    func visitedThisMonth(_ household: String) -> Bool {
        (overview.visitsByHousehold[household]?.first?.at).map { $0 >= overview.monthStart } ?? false
    }

    /// A resident's name as the wall may show it: masked unless an operator revealed it.
    func shown(name: String, subject: String) -> String { revealed.contains(subject) ? name : Formatting.maskName(name) }
    func shown(phone: String, subject: String) -> String {
        phone.isEmpty ? "—" : (revealed.contains(subject) ? phone : Formatting.maskPhone(phone))
    }

    mutating func open(_ page: DetailPage) -> WallEffect? {
        details.append(page)
        detailSection = .roster
        detailCursor = 0
        if case .ticket(let id) = page { return .loadHistory(ticketID: id) }
        if case .map(let grid) = page { return .loadHouseholds(gridCode: grid) }
        // a household's page reads its grid's households afresh: its 四清 as they are now
        if case .household(let id) = page, let grid = household(id)?.gridCode { return .loadHouseholds(gridCode: grid) }
        return nil
    }

    /// A household the wall knows: as last read for its grid's map or page, else from the
    /// working set (those due a must-visit).
    func household(_ id: String) -> Household? {
        mapHouseholds.values.lazy.flatMap { $0 }.first { $0.id == id }
            ?? overview.mustVisitByGrid.values.lazy.flatMap { $0 }.first { $0.id == id }
    }

    /// Keys while a drill-down page is shown.
    mutating func handleDetail(_ key: Key) -> WallEffect? {
        guard let page else { return nil }
        switch key {
        case .escape, .backspace:
            details.removeLast()
            detailSection = .roster
            detailCursor = 0
            return nil
        case .character("q"), .character("Q"):
            return .quit
        case .character("?"):
            showHelp = true
            return nil
        case .character("L"):
            language = language == .zh ? .en : .zh
            return nil
        case .character("r"):
            switch page {
            case .ticket(let id): return revealed.contains(id) ? nil : .reveal(subject: id)
            case .household(let id): return revealed.contains(id) ? nil : .reveal(subject: id)
            case .grid, .community, .map, .partyNetwork, .joint, .alarms, .calls, .trends, .handover: return nil
            }
        case .character("i"):
            if case .ticket(let id) = page { openCallIn(id) }
            return nil
        case .character("u"):
            if case .grid(let code) = page, let community = overview.summary(ofGrid: code)?.grid.communityCode {
                details.removeLast()
                return open(.community(code: community))
            }
        case .character("m"):
            if case .grid(let code) = page { return open(.map(grid: code)) }
        default:
            break
        }
        if case .map(let code) = page { return LiveMap.handle(key, &self, grid: code) }
        if case .joint = page { return JointPage.handle(key, &self) }
        if case .alarms = page { return AlarmPage.handle(key, &self) }
        if case .calls = page { return CallsPage.handle(key, &self) }
        if case .trends = page { return TrendsView.handle(key, &self) }
        if case .handover = page { return HandoverPage.handle(key, &self) }
        if case .community(let code) = page {
            let grids = communityGrids(code)
            switch key {
            case .enter:
                if grids.indices.contains(detailCursor) { return open(.grid(code: grids[detailCursor].grid.code)) }
            default:
                moveDetailCursor(key, count: grids.count)
            }
            return nil
        }
        guard case .grid(let code) = page else { return nil }
        let count: Int
        switch detailSection {
        case .roster: count = gridRoster(code).count
        case .party: count = gridPartyMembers(code).count
        case .households: count = gridHouseholds(code).count + gridPlaces(code).count
        case .care: count = gridCarePlans(code).count
        case .tickets: count = gridTickets(code).count
        }
        let sections = gridSections
        let here = sections.firstIndex(of: detailSection) ?? 0
        switch key {
        case .tab:
            detailSection = sections[(here + 1) % sections.count]
            detailCursor = 0
        case .backTab:
            detailSection = sections[(here + sections.count - 1) % sections.count]
            detailCursor = 0
        case .enter:
            switch detailSection {
            case .households:
                let rows = gridHouseholds(code)
                if rows.indices.contains(detailCursor) { return open(.household(id: rows[detailCursor].id)) }
            case .tickets:
                let rows = gridTickets(code)
                if rows.indices.contains(detailCursor) { return open(.ticket(id: rows[detailCursor].id)) }
            case .care:
                let rows = gridCarePlans(code)
                if rows.indices.contains(detailCursor) {
                    // the household may not be in the working set (it holds those due a must-visit)
                    return open(.household(id: rows[detailCursor].householdID)) ?? .loadHouseholds(gridCode: code)
                }
            case .roster, .party:
                break
            }
        case .character("c") where detailSection == .roster:
            let rows = gridRoster(code)
            if rows.indices.contains(detailCursor) { call(rows[detailCursor]) }
        case .character("c") where detailSection == .party:
            // a member who also holds a grid post is called as that person, the others on the
            // phone the Party chain lists
            let rows = gridPartyMembers(code)
            if rows.indices.contains(detailCursor) {
                let member = rows[detailCursor]
                if let person = member.staffID.flatMap({ overview.staff(id: $0) }) {
                    call(person)
                } else {
                    let label = "\(member.name) · \(language.partyStrings.post(member.post))"
                    pendingCall = PendingCall(staffIDs: [member.id], gridCode: code, label: label, sendAt: now.addingTimeInterval(Self.callGrace))
                }
            }
        case .character("C"):
            callGrid(code)
        default:
            moveDetailCursor(key, count: count)
        }
        return nil
    }
}
