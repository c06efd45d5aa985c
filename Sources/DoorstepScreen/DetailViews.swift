import DoorstepCanvas
import DoorstepDomain
import Foundation

/// The drill-down pages, drawn over the panes between the header and the footer.
enum DetailViews {
    static func draw(_ canvas: inout Canvas, _ state: WallState, _ page: DetailPage, in area: Rect) {
        canvas.fill(area, style: .normal)
        switch page {
        case .community(let code): community(&canvas, state, code, in: area)
        case .grid(let code): grid(&canvas, state, code, in: area)
        case .ticket(let id): ticket(&canvas, state, id, in: area)
        case .household(let id): household(&canvas, state, id, in: area)
        case .map(let code): LiveMap.draw(&canvas, state, grid: code, in: area)
        case .partyNetwork: PartyNetworkPage.draw(&canvas, state, in: area)
        case .joint: JointPage.draw(&canvas, state, in: area)
        case .alarms: AlarmPage.draw(&canvas, state, in: area)
        case .calls: CallsPage.draw(&canvas, state, in: area)
        case .trends: TrendsView.drawPage(&canvas, state, in: area)
        case .handover: HandoverPage.draw(&canvas, state, in: area)
        }
    }

    // MARK: Community

    static func community(_ canvas: inout Canvas, _ state: WallState, _ code: String, in area: Rect) {
        let s = state.strings
        let d = state.language.detailStrings
        guard let community = state.overview.communities.first(where: { $0.code == code }) else { return }
        let grids = state.communityGrids(code)
        let alarm = grids.filter { $0.assessment.status == .alarm }.count
        let attention = grids.filter { $0.assessment.status == .attention }.count
        let title = "\(community.name) · \(s.grids) \(grids.count) · \(s.alarm) \(alarm) · \(s.attention) \(attention)"
        let inner = canvas.box(area, title: title, style: Style(.title, bold: true))
        let centre = state.overview.serviceNetwork.centre(ofCommunity: code)
        let parts = Layout.rows(inner, [.fixed(centre == nil ? 2 : 3), .fill(1)])
        let dispatchers = state.overview.staffWithoutGrid.filter { $0.role == .communityDispatcher && $0.communityCode == code }.sorted { $0.id < $1.id }
        canvas.write(s.role(.communityDispatcher) + ": " + dispatchers.map { "\($0.name) \(s.duty($0.duty))" }.joined(separator: "  "),
                     x: parts[0].x, y: parts[0].y, clip: parts[0], style: Style(.muted))
        if state.overview.party.hasParty {
            // the community's Party chain, from its committee down, with what is missing
            let chain = PartyChainSummary(community: code, grids: grids.map(\.grid), buildingsByGrid: state.overview.buildingsByGrid,
                                          party: state.overview.party)
            let vacant = chain.committee == nil || chain.secretary == nil || chain.vacantBranches > 0
            canvas.write(state.language.partyStrings.chain(chain), x: parts[0].x, y: parts[0].y + 1, clip: parts[0],
                         style: vacant ? Style(.attention) : Style(.normal))
        }
        if let centre {
            // the community's place of the service network, and how many grid stations it has
            canvas.write(servicePointLine(centre, state) + " · " + state.language.partyStrings.stations(state.overview.serviceNetwork.stationCount(inCommunity: code)),
                         x: parts[0].x, y: parts[0].y + 2, clip: parts[0], style: Style(.muted))
        }
        let rows: [(String, Style)] = grids.map { summary in
            let households = state.gridHouseholds(summary.grid.code)
            let done = households.filter { state.visitedThisMonth($0.id) }.count
            let why = summary.assessment.reasons.map { WallView.reasonText($0, s) }.joined(separator: "、")
            let line = WallView.mark(for: summary.assessment.status, canvas.glyphs) + " " + Columns.pad(summary.grid.name, to: 11) + " " + Columns.pad(summary.grid.code, to: 5)
                + Columns.pad(s.ticketsShort(summary.openTickets), to: 6) + " " + Columns.pad("\(s.onDuty) \(summary.working)/\(summary.staffCount)", to: 12)
                + " " + Columns.pad(d.households(done, households.count), to: 22) + " " + why
            return (line, Style(WallView.role(for: summary.assessment.status), bold: summary.assessment.status == .alarm))
        }
        let window = ListWindow(total: rows.count, height: parts[1].height, cursor: state.detailCursor)
        for (row, index) in window.rows.enumerated() {
            canvas.write(rows[index].0, x: parts[1].x, y: parts[1].y + row, clip: parts[1], style: rows[index].1)
            if index == state.detailCursor { canvas.cursorRow(parts[1].y + row, in: parts[1]) }
        }
        window.drawMore(&canvas, in: parts[1], strings: s)
    }

    // MARK: Grid

    static func grid(_ canvas: inout Canvas, _ state: WallState, _ code: String, in area: Rect) {
        let s = state.strings
        let d = state.language.detailStrings
        guard let summary = state.overview.summary(ofGrid: code) else { return }
        let community = state.overview.communities.first { $0.code == summary.grid.communityCode }?.name ?? summary.grid.communityCode
        let why = summary.assessment.reasons.map { WallView.reasonText($0, s) }.joined(separator: "、")
        let status = why.isEmpty ? WallView.mark(for: summary.assessment.status, canvas.glyphs) : "\(WallView.mark(for: summary.assessment.status, canvas.glyphs)) \(why)"
        let title = "\(summary.grid.name) \(code) · \(community) · \(status)"
        let inner = canvas.box(area, title: title, style: Style(WallView.role(for: summary.assessment.status), bold: true))
        // three columns side by side; on a narrow screen the roster keeps half the width and the
        // must-visits sit above the tickets and hazards in the other half
        let rosterArea: Rect, householdArea: Rect, ticketArea: Rect
        if inner.width < 110 {
            let halves = Layout.columns(inner, [.percent(48), .fill(1)], spacing: 1)
            let stack = Layout.rows(halves[1], [.fill(1), .fill(1)])
            (rosterArea, householdArea, ticketArea) = (halves[0], stack[0], stack[1])
        } else {
            let columns = Layout.columns(inner, [.percent(34), .percent(30), .fill(1)], spacing: 1)
            (rosterArea, householdArea, ticketArea) = (columns[0], columns[1], columns[2])
        }

        // the roster, with the grid's Party branch under it where the data set has a Party chain
        let rosterBox: Rect
        if state.overview.party.hasParty {
            let stack = Layout.rows(rosterArea, [.fill(1), .fill(1)])
            rosterBox = stack[0]
            partyList(&canvas, state, code, in: stack[1])
        } else {
            rosterBox = rosterArea
        }
        let roster = state.gridRoster(code)
        // what each 微网格长 and 楼栋长 answers for: their micro-grids and buildings
        let buildings = state.overview.buildingsByGrid[code] ?? []
        var charge: [String: [String]] = [:]
        for micro in Set(buildings.map(\.microGridCode)).sorted().compactMap({ state.overview.microGrid($0) }) {
            if let chief = micro.chiefID { charge[chief, default: []].append(micro.name) }
        }
        for building in buildings { if let chief = building.chiefID { charge[chief, default: []].append(building.name) } }
        list(&canvas, state, title: "\(d.roster) · \(s.onDuty) \(summary.working)/\(summary.staffCount)", section: .roster,
             rows: roster.map { person in
                 var line = Columns.pad(s.duty(person.duty), to: 6) + Columns.pad(person.name, to: 8) + " "
                     + Columns.pad(s.role(person.role), to: 12)
                 // a volunteer's pioneer team (先锋队)
                 if let team = person.team { line += " " + state.language.partyStrings.team(team) }
                 if let places = charge[person.id] { line += " " + places.joined(separator: "、") }
                 if let call = state.overview.latestCall(to: person.id), state.now.timeIntervalSince(call.call.placedAt) < 3600 {
                     line += " ☎ " + s.callState(call.state)
                 }
                 return (line, person.duty == .off ? Style(.muted) : Style(.normal))
             }, in: rosterBox)

        // households due a must-visit, with the grid's care plans under them where the data set has any
        var visitArea = householdArea
        if !state.overview.care.isEmpty {
            // the care box takes what its plans need, at most half: a grid with none keeps its
            // must-visits' room
            let plans = state.gridCarePlans(code).count
            let stack = Layout.rows(householdArea, [.fill(1), .fixed(min(max(plans, 1) + 2, householdArea.height / 2))])
            visitArea = stack[0]
            careList(&canvas, state, code, in: stack[1])
        }
        let households = state.gridHouseholds(code)
        let places = state.gridPlaces(code)
        let placesDone = places.filter { state.overview.places.visited($0.code) }.count
        let done = households.filter { state.visitedThisMonth($0.id) }.count + placesDone
        let known = state.overview.fourClears(ofGrid: code)
        let clearsLabel = known.total > 0 ? " · " + state.language.clearsStrings.completeness(known.clear, known.total) : ""
        list(&canvas, state, title: d.households(done, households.count + places.count) + clearsLabel, section: .households,
             rows: households.map { h in
                 let visited = state.visitedThisMonth(h.id)
                 let tags = h.mustVisit.sorted { $0.rawValue < $1.rawValue }.map(d.mustVisit).joined(separator: "、")
                 let line = (visited ? "✔ " : "✘ ") + h.id + " " + Columns.pad(state.shown(name: h.headName, subject: h.id), to: 7) + " " + tags
                 return (line, visited ? Style(.muted) : Style(.attention))
             } + places.map { place in
                 // key places (重点场所) after the households: their kind, and who answers for them
                 let visited = state.overview.places.visited(place.code)
                 let line = (visited ? "✔ " : "✘ ") + place.code + " " + place.name + " · " + state.language.placeKind(place.kind)
                 return (line, visited ? Style(.muted) : Style(.attention))
             }, in: visitArea)

        // tickets, then hazards
        let tickets = state.gridTickets(code)
        let hazards = state.overview.hazardsByGrid[code] ?? []
        // hazards take up to a third of the height, or all but three rows when there is no ticket
        let hazardRoom = tickets.isEmpty ? ticketArea.height - 3 : ticketArea.height / 3
        // (at least one row inside its box: "none", or the first hazard)
        let split = Layout.rows(ticketArea, [.fill(2), .fixed(min(max(hazards.count, 1) + 2, max(3, hazardRoom)))])
        list(&canvas, state, title: "\(d.tickets) · \(tickets.count)", section: .tickets,
             rows: tickets.map { open in
                 let left = open.secondsLeft(at: state.now)
                 let clock = left.map { ($0 < 0 ? "-" : "") + Formatting.countdown($0) } ?? "—"
                 let line = open.id + " " + Columns.pad(s.state(open.ticket.state), to: 7) + " " + Columns.pad(clock, to: 9, align: .right)
                     + " " + open.ticket.title
                 return (line, (left ?? 1) < 0 ? Style(.alarm, bold: true) : Style(.normal))
             }, in: split[0])
        let hazardBox = canvas.box(split[1], title: "\(d.hazards) · \(hazards.filter { $0.status == .open }.count)")
        // open before resolved, severe before the rest: what a small box shows is what matters most
        func rank(_ h: Hazard) -> (Int, Int, String) { (h.status == .open ? 0 : 1, h.severity == .severe ? 0 : 1, h.id) }
        if hazards.isEmpty { canvas.write(d.none, x: hazardBox.x, y: hazardBox.y, clip: hazardBox, style: Style(.muted)) }
        for (row, hazard) in hazards.sorted(by: { rank($0) < rank($1) }).prefix(max(0, hazardBox.height)).enumerated() {
            let line = Columns.pad(d.severity(hazard.severity), to: 5) + Columns.pad(d.hazardKind(hazard.kind), to: 5)
                + Columns.pad(d.hazardStatus(hazard.status), to: 7) + hazard.title
            let style = hazard.status == .resolved ? Style(.muted) : (hazard.severity == .severe ? Style(.alarm, bold: true) : Style(.normal))
            canvas.write(line, x: hazardBox.x, y: hazardBox.y + row, clip: hazardBox, style: style)
        }
    }

    /// A grid's care plans (个性化服务方案): the person (masked), who they are, the plan's state
    /// and its services with what is owed now.
    static func careList(_ canvas: inout Canvas, _ state: WallState, _ code: String, in rect: Rect) {
        let c = state.language.careStrings
        let plans = state.gridCarePlans(code)
        let missed = plans.reduce(0) { $0 + $1.missed(at: state.now).count }
        let groupWidth = CareGroup.allCases.map { DisplayWidth.of(c.group($0)) }.max() ?? 8
        list(&canvas, state, title: c.sectionTitle(plans.count, missed), section: .care, rows: plans.map { plan in
            let running = plan.state.isRunning
            let services = plan.services.map { c.service($0, running: running, at: state.now).0 }.joined(separator: " · ")
            // a narrow box keeps the person and the services; a wide one says who they are too
            var line = Columns.pad(state.shown(name: plan.person, subject: plan.householdID), to: 7) + " "
                + (rect.width >= 60 ? Columns.pad(c.group(plan.group), to: groupWidth) + " " : "")
            line += running ? services : c.state(plan.state) + " · " + services
            if plan.isReviewOverdue(at: state.now) { line += " · " + c.reviewOverdue }
            let late = !plan.missed(at: state.now).isEmpty
            return (line, late ? Style(.attention, bold: true) : (plan.due(at: state.now).isEmpty ? Style(.normal) : Style(.attention)))
        }, in: rect)
    }

    /// A grid's Party branch and building groups: each member's post and name, and what else
    /// they are (the grid post they also hold, or the building they live in).
    static func partyList(_ canvas: inout Canvas, _ state: WallState, _ code: String, in rect: Rect) {
        let s = state.strings
        let p = state.language.partyStrings
        let party = state.overview.party
        let members = state.gridPartyMembers(code)
        let branch = party.branch(ofGrid: code)
        let title = branch.map { p.branchTitle(party.leader(of: $0)?.name, members.count) } ?? p.noBranch
        let buildings = state.overview.buildingsByGrid[code] ?? []
        let postWidth = PartyPost.allCases.map { DisplayWidth.of(p.post($0)) }.max() ?? 8
        list(&canvas, state, title: title, section: .party, rows: members.map { member in
            let person = member.staffID.flatMap { state.overview.staff(id: $0) }
            // where the member lives, and the grid post they also hold (a central household's
            // post is the same thing twice, so it is not repeated)
            var about: [String] = []
            if let building = member.buildingCode { about.append(buildings.first { $0.code == building }?.name ?? building) }
            if let person, person.role != .partyCentralHousehold || member.post != .centralHousehold {
                about.append(p.alsoHolds + s.role(person.role))
            }
            var line = Columns.pad(p.post(member.post), to: postWidth + 1) + Columns.pad(person?.name ?? member.name, to: 8) + " "
                + about.joined(separator: " · ")
            // a call to the member (as staff, or as a member) within the hour, as the roster shows it
            if let call = state.overview.latestCall(to: member.staffID ?? member.id), state.now.timeIntervalSince(call.call.placedAt) < 3600 {
                line += "  ☎ " + s.callState(call.state)
            }
            let leads = member.post == .secretary || member.post == .groupLeader
            return (line, person?.duty == .off ? Style(.muted) : Style(.normal, bold: leads))
        } + [state.overview.serviceNetwork.station(ofGrid: code)].compactMap { $0 }.map { station in
            // the grid's station of the service network, after the members (the cursor stays on them)
            (servicePointLine(station, state), Style(.muted))
        }, in: rect)
    }

    /// A service network's place in one line: name, opening hours, the kinds of service.
    static func servicePointLine(_ point: ServicePoint, _ state: WallState) -> String {
        let s = state.strings
        let names = point.services.map { code in
            state.overview.categories.first { $0.code == code }.map { s.categoryName($0.nameZh, $0.nameEn) } ?? code
        }
        return "\(point.name) · \(point.hours) · " + names.joined(separator: state.language == .zh ? "、" : ", ")
    }

    /// A boxed list, with the cursor when its section has the focus.
    static func list(_ canvas: inout Canvas, _ state: WallState, title: String, section: GridSection, rows: [(String, Style)], in rect: Rect) {
        let focused = state.detailSection == section
        let inner = canvas.pane(rect, title: title, focused: focused)
        guard !inner.isEmpty else { return }
        // an empty list says so; a row cut at the pane's edge ends in an ellipsis
        canvas.listRows(in: inner, count: rows.count, cursor: focused ? state.detailCursor : -1, empty: state.language.detailStrings.none,
                        strings: state.strings) { canvas, index, y in
            canvas.write(runs: [rows[index]], x: inner.x, y: y, clip: inner, ellipsis: "…")
        }
    }

    // MARK: Ticket

    static func ticket(_ canvas: inout Canvas, _ state: WallState, _ id: String, in area: Rect) {
        let s = state.strings
        let d = state.language.detailStrings
        let open = state.overview.openTickets.first { $0.id == id }
        // (on a replay, the history up to the replayed time: what came after had not happened)
        let history = state.histories[id].map { entries in state.replay == nil ? entries : entries.filter { $0.at <= state.now } }
        let inner = canvas.box(area, title: "\(d.fields["id"] ?? "") \(id)", style: Style(.title, bold: true))
        let halves = Layout.columns(inner, [.percent(45), .fill(1)], spacing: 2)
        var fields: [(String, String)] = []
        let valueWidth = halves[0].width - 12  // after the 12-column label
        if let ticket = open?.ticket {
            let category = open?.category.map { s.categoryName($0.nameZh, $0.nameEn) } ?? ticket.categoryCode
            let gridName = open?.gridName ?? ticket.gridCode
            fields = [
                ("title", ticket.title), ("state", s.state(ticket.state)), ("grid", "\(gridName) \(ticket.gridCode)"),
                ("category", category), ("source", d.source(ticket.source)), ("priority", d.priority(ticket.priority)),
                ("resident", state.shown(name: ticket.residentName, subject: id)),
                ("phone", state.shown(phone: ticket.residentPhone, subject: id)),
                ("created", Formatting.stamp(ticket.createdAt, timeZone: state.timeZone, weekdays: s.weekdays, width: valueWidth)),
                ("due", open?.dueAt.map { Formatting.stamp($0, timeZone: state.timeZone, weekdays: s.weekdays, width: valueWidth) } ?? "—"),
                ("assignee", ticket.assigneeID.map { state.overview.staff(id: $0)?.name ?? $0 } ?? "—"),
            ]
        } else if let last = history?.last {
            var title = ""
            if case .ordered(let ordered)? = history?.first?.change { title = ordered }
            fields = [("title", title), ("state", s.state(last.to))]
        }
        for (row, field) in fields.enumerated() where row < halves[0].height {
            canvas.write(runs: [(Columns.pad(d.fields[field.0] ?? field.0, to: 12), Style(.muted)), (field.1, Style(.normal, bold: field.0 == "title"))],
                         x: halves[0].x, y: halves[0].y + row, clip: halves[0])
        }
        let note = state.revealed.contains(id) ? d.revealedNote : d.revealHint
        canvas.write(note, x: halves[0].x, y: halves[0].maxY - 1, clip: halves[0], style: Style(.muted))

        let historyArea = callIns(&canvas, state, id, in: halves[1])
        canvas.write(d.history, x: historyArea.x, y: historyArea.y, clip: historyArea, style: Style(.title, bold: true))
        guard let history else {
            canvas.write(d.loading, x: historyArea.x, y: historyArea.y + 1, clip: historyArea, style: Style(.muted))
            return
        }
        func move(_ entry: TicketHistoryEntry) -> String {
            (entry.from.map { s.state($0) + " → " } ?? "") + s.state(entry.to)
        }
        let moveWidth = history.map { DisplayWidth.of(move($0)) }.max() ?? 12
        for (row, entry) in history.enumerated() where row + 1 < historyArea.height {
            // the whole stamp where the half is wide; a narrow one keeps its room for who did what
            let time = Formatting.stamp(entry.at, timeZone: state.timeZone, weekdays: s.weekdays, width: historyArea.width >= 60 ? 24 : 11)
            func name(_ id: String) -> String { state.overview.staff(id: id)?.name ?? s.actor(id) ?? id }
            canvas.write(runs: [(time + "  ", Style(.muted)), (Columns.pad(move(entry), to: moveWidth) + " ", Style(.key)),
                                (ChangeText.line(who: name(entry.actor), entry.change, name: name), Style(.normal))],
                         x: historyArea.x, y: historyArea.y + 1 + row, clip: historyArea)
        }
    }

    /// A ticket's parties called in (联动处置), at the top of `area`: each with its state, its
    /// deadline (the time left or past while pending, when it answered otherwise) and what it
    /// said. Returns the room left below for the history.
    static func callIns(_ canvas: inout Canvas, _ state: WallState, _ id: String, in area: Rect) -> Rect {
        let parties = state.overview.joint.callIns(ofTicket: id)
        guard !parties.isEmpty else { return area }
        let j = state.language.jointStrings
        let s = state.strings
        // at most half the height, the title and a blank line included
        let shown = min(parties.count, max(1, area.height / 2 - 2))
        canvas.write(j.sectionTitle(parties.count, parties.filter(\.state.isPending).count), x: area.x, y: area.y, clip: area,
                     style: Style(.title, bold: true))
        let stateWidth = CallIn.State.allCases.map { DisplayWidth.of(j.state($0)) }.max() ?? 6
        for (row, callIn) in parties.prefix(shown).enumerated() {
            let responder = state.overview.responder(callIn.responderID)
            // a narrow half keeps the name, the time left and what was said; a wide one adds the
            // department and when an answer came
            let wide = area.width >= 60
            let department = wide ? responder.map { " · " + j.department($0.departmentCode, in: state.overview) } ?? "" : ""
            let name = responder?.name ?? callIn.responderID
            let who = (wide ? name : Columns.truncate(name, to: 12)) + department
            let when: String
            if callIn.state.isPending {
                let left = callIn.dueAt.timeIntervalSince(state.now)
                when = " · " + (left < 0 ? s.late(Formatting.countdown(left)) : s.left(Formatting.countdown(left)))
            } else {
                when = wide ? " · " + j.answeredAt(Formatting.time(callIn.stateSince, timeZone: state.timeZone)) : ""
            }
            let role: Role = callIn.isLate(at: state.now) ? .alarm
                : callIn.state == .declined ? .attention : callIn.state.isPending ? .key : callIn.state == .handled ? .ok : .muted
            canvas.write(runs: [(Columns.pad(j.state(callIn.state), to: stateWidth) + " ", Style(role, bold: role == .alarm)),
                                (who + when, Style(.normal)), (callIn.note.map { " · " + $0 } ?? "", Style(.muted))],
                         x: area.x, y: area.y + 1 + row, clip: area)
        }
        let used = shown + 2
        return Rect(x: area.x, y: area.y + used, width: area.width, height: max(0, area.height - used))
    }

    // MARK: Household

    /// A household's 四清 from row `top`: each facet with what is recorded and when it was
    /// confirmed, or that it is missing or stale. Returns the row after them.
    static func fourClears(_ canvas: inout Canvas, _ state: WallState, _ household: Household, from top: Int, in inner: Rect) -> Int {
        let c = state.language.clearsStrings
        let record = household.clears ?? FourClears()
        let clear = record.isClear(at: state.now)
        canvas.write(c.heading(clear), x: inner.x, y: top, clip: inner, style: Style(clear ? .ok : .attention, bold: true))
        for (row, facet) in FourClears.Facet.allCases.enumerated() {
            let text: String, style: Style
            if let entry = record.entries[facet] {
                let when = c.confirmed(Formatting.day(entry.confirmedAt, timeZone: state.timeZone))
                let current = record.isCurrent(facet, at: state.now)
                text = (entry.note.isEmpty ? "—" : entry.note) + " · " + when + (current ? "" : " · " + c.stale)
                style = current ? Style(.normal) : Style(.attention)
            } else {
                (text, style) = (c.missing, Style(.attention))
            }
            canvas.write(runs: [(Columns.pad(c.facet(facet), to: 12), Style(.muted)), (text, style)], x: inner.x, y: top + 1 + row, clip: inner)
        }
        return top + FourClears.Facet.allCases.count + 2
    }

    /// A household's care plans from row `top`: each plan's heading, then its services with when
    /// they were last given and what is owed. Returns the row after them.
    static func carePlans(_ canvas: inout Canvas, _ state: WallState, _ plans: [CarePlan], from top: Int, in inner: Rect) -> Int {
        guard !plans.isEmpty else { return top }
        let c = state.language.careStrings
        var y = top
        canvas.write(c.householdTitle, x: inner.x, y: y, clip: inner, style: Style(.title, bold: true))
        y += 1
        for plan in plans {
            let worker = plan.socialWorkerID.map { state.overview.staff(id: $0)?.name ?? $0 } ?? "—"
            let review = Formatting.day(plan.reviewOn, timeZone: state.timeZone)
            let heading = "\(plan.id) · \(state.shown(name: plan.person, subject: plan.householdID)) · \(c.group(plan.group)) · \(c.state(plan.state))"
                + " · \(c.socialWorker) \(worker) · " + (plan.isReviewOverdue(at: state.now) ? c.reviewOverdue : c.review(review)) + " · \(plan.goal)"
            canvas.write(heading, x: inner.x, y: y, clip: inner, style: Style(.normal, bold: true))
            y += 1
            for service in plan.services {
                let (text, late) = c.service(service, running: plan.state.isRunning, at: state.now)
                let last = service.lastDone.map { c.lastDone(Formatting.clock($0, timeZone: state.timeZone, weekdays: state.strings.weekdays)) } ?? c.never
                canvas.write("  " + text + " · " + last, x: inner.x, y: y, clip: inner, style: late ? Style(.attention, bold: true) : Style(.normal))
                y += 1
            }
        }
        return y + 1
    }

    static func household(_ canvas: inout Canvas, _ state: WallState, _ id: String, in area: Rect) {
        let s = state.strings
        let d = state.language.detailStrings
        let found = state.household(id)
        let inner = canvas.box(area, title: "\(d.fields["head"] ?? "") \(id)", style: Style(.title, bold: true))
        guard let household = found else { return }
        let building = state.overview.buildingsByGrid[household.gridCode]?.first { $0.code == household.buildingCode }
        let fields: [(String, String)] = [
            ("head", state.shown(name: household.headName, subject: id)), ("phone", state.shown(phone: household.phone, subject: id)),
            ("building", building.map { "\($0.name) \($0.code)" } ?? household.buildingCode),
            ("grid", state.overview.summary(ofGrid: household.gridCode).map { "\($0.grid.name) \($0.grid.code)" } ?? household.gridCode),
            ("tags", household.mustVisit.sorted { $0.rawValue < $1.rawValue }.map(d.mustVisit).joined(separator: "、")),
        ]
        for (row, field) in fields.enumerated() {
            canvas.write(runs: [(Columns.pad(d.fields[field.0] ?? field.0, to: 12), Style(.muted)), (field.1, Style(.normal))],
                         x: inner.x, y: inner.y + row, clip: inner)
        }
        let visits = state.overview.visitsByHousehold[id] ?? []
        var top = inner.y + fields.count + 1
        top = fourClears(&canvas, state, household, from: top, in: inner)
        top = carePlans(&canvas, state, state.overview.care.plans(ofHousehold: id), from: top, in: inner)
        canvas.write(d.visits, x: inner.x, y: top, clip: inner, style: Style(.title, bold: true))
        // only a household due a must-visit is behind without one this month
        let behind = !household.mustVisit.isEmpty && !state.visitedThisMonth(id)
        if behind {
            canvas.write(d.noVisits, x: inner.x, y: top + 1, clip: inner, style: Style(.attention, bold: true))
        }
        let offset = behind ? 2 : 1
        for (row, visit) in visits.prefix(max(0, inner.maxY - top - offset - 1)).enumerated() {
            let who = state.overview.staff(id: visit.staffID)
            canvas.write(Formatting.clock(visit.at, timeZone: state.timeZone, weekdays: s.weekdays) + "  "
                         + (who.map { "\($0.name) · \(s.role($0.role))" } ?? visit.staffID),
                         x: inner.x, y: top + offset + row, clip: inner, style: Style(.normal))
        }
        let note = state.revealed.contains(id) ? d.revealedNote : d.revealHint
        canvas.write(note, x: inner.x, y: inner.maxY - 1, clip: inner, style: Style(.muted))
    }
}
