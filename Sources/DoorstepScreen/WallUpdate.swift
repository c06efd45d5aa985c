import DoorstepCanvas
import DoorstepDomain
import Foundation

extension WallState {
    /// The one place the wall's state changes.
    @discardableResult
    public mutating func update(_ message: WallMessage) -> WallEffect? {
        switch message {
        case .resize(let size):
            self.size = size
            turnTickerPage()
        case .tick(let date):
            now = date
            turnCycle()
            if let notice, notice.until <= date { self.notice = nil }
            if let call = pendingCall, call.sendAt <= date {
                pendingCall = nil
                return .placeCalls(staffIDs: call.staffIDs, gridCode: call.gridCode)
            }
        case .overview(let fresh):
            let code = selectedSummary?.grid.code
            let ticket = selectedTicket?.id
            overview = fresh
            if !(fresh.grids.indices.contains(selectedGrid) && fresh.grids[selectedGrid].grid.code == code) {
                selectedGrid = code.flatMap(fresh.index(ofGrid:)) ?? min(selectedGrid, max(0, fresh.grids.count - 1))
            }
            selectedStreet = min(selectedStreet, max(0, fresh.streets.count - 1))
            if let scope = streetScope, !fresh.streets.indices.contains(scope) { streetScope = nil }
            // the cursor's ticket is looked for only when it is no longer on the cursor's row
            if ticket == nil || selectedTicket?.id != ticket {
                ticketCursor = ticket.flatMap(ticketRow(of:)) ?? min(ticketCursor, max(0, ticketCount - 1))
            }
            staffCursor = min(staffCursor, max(0, selectedGridStaff.count - 1))
        case .events(let all):
            let newest = events.first?.sequence ?? 0
            let fresh = desk.scope == .street ? all : all.filter { onDesk($0) }
            events = fresh
            eventCursor = min(eventCursor, max(0, fresh.count - 1))
            turnTickerPage()
            // the household on its page had its 四清 confirmed elsewhere: read it again
            if case .household(let id)? = page,
               let grid = fresh.prefix(while: { $0.sequence > newest }).lazy.compactMap({ event -> String? in
                   if case .fourClears(id, let grid, _, _) = event.change { return grid }
                   return nil
               }).first {
                return .loadHouseholds(gridCode: grid)
            }
        case .stale(let since, let fault):
            staleSince = since
            staleFault = since == nil ? nil : fault
        case .phoneLine(let line):
            phoneLine = line
        case .history(let id, let entries):
            histories[id] = entries
        case .households(let grid, let rows):
            mapHouseholds[grid] = rows
        case .revealed(let subject):
            revealed.insert(subject)
        case .outcome(let message):
            show(message)
        case .key(let key):
            holdCycleForOperator()
            return handle(key)
        }
        return nil
    }

    private mutating func handle(_ key: Key) -> WallEffect? {
        // Ctrl-L, as in every full-screen program: whatever is open stays open
        if key == .control("l") { return .repaint }
        if showHelp {
            if key == .escape || key == .backspace || key == .character("?") || key == .character("q") { showHelp = false }
            return nil
        }
        if reasonInput != nil { return handleReason(key) }
        if handoverForm != nil { return handleHandoverForm(key) }
        if filterEditing { return handleFilter(key) }
        if picker != nil { return handlePicker(key) }
        if callInPicker != nil { return handleCallInPicker(key) }
        if pendingCall != nil, key == .escape || key == .backspace {
            pendingCall = nil
            show(.callCancelled)
            return nil
        }
        if replay != nil {
            let (taken, effect) = handleReplayKey(key)
            if taken { return effect }
        }
        if case .mouse(let mouse) = key { return handleMouse(mouse) }
        if desk.readOnly, Self.isAction(key) {
            show(.readOnly)
            return nil
        }
        if !details.isEmpty { return handleDetail(key) }
        switch key {
        case .character("q"), .character("Q"):
            return .quit
        case .character("?"):
            showHelp = true
        case .character("L"):
            language = language == .zh ? .en : .zh
        case .character("u"):
            if let community = selectedSummary?.grid.communityCode { return open(.community(code: community)) }
        case .character("p"):
            return open(.partyNetwork)
        case .character("o"):
            return open(.joint)
        case .character("!"):
            return open(.alarms)
        case .character("t"):
            return open(.calls)
        case .character("w"):
            return open(.trends)
        case .character("H"):
            return open(.handover)
        case .character("/"):
            focus = .grids
            filterEditing = true
        case .escape where focus == .grids && !filter.isEmpty:
            filter = ""
        case .escape where focus == .grids && streetScope != nil, .backspace where focus == .grids && streetScope != nil:
            leaveStreet()
        case .tab:
            focus = Pane(rawValue: (focus.rawValue + 1) % Pane.allCases.count) ?? .grids
        case .backTab:
            focus = Pane(rawValue: (focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count) ?? .grids
        case .escape, .backspace:
            focus = .grids
        case .character("C") where atStreetLevel:
            show(.enterStreetFirst)
        case .character("C"):
            if let code = selectedSummary?.grid.code { callGrid(code) }
        case .enter where focus == .grids && atStreetLevel:
            enterStreet(selectedStreet)
        case .enter:
            switch focus {
            case .grids:
                if let code = selectedSummary?.grid.code { return open(.grid(code: code)) }
            case .tickets:
                if let id = selectedTicket?.id { return open(.ticket(id: id)) }
            case .events:
                if events.indices.contains(eventCursor), case .ticket(let id, _) = events[eventCursor].change {
                    return open(.ticket(id: id))
                }
            case .staff:
                break
            }
        case .character("c"):
            if focus == .staff, let person = selectedStaff { call(person) }
        case .character("d") where focus == .tickets:
            openDispatch()
        case .character("a") where focus == .grids:
            // 认领 the highlighted grid's alarm
            guard let code = selectedSummary?.grid.code, let alarm = overview.alarms.standing(ofGrid: code), alarm.isNew else {
                show(.noAlarm)
                return nil
            }
            return .acknowledgeAlarms([alarm.id])
        case .character("A"):
            // every alarm of the desk nobody has taken
            let waiting = newAlarms
            guard !waiting.isEmpty else {
                show(.noAlarm)
                return nil
            }
            return .acknowledgeAlarms(waiting.map(\.id))
        case .character("M"):
            mutedUntil = muted ? nil : now.addingTimeInterval(muteFor)
            if let until = mutedUntil { show(.muted(until: until)) }
        case .character("s") where focus == .tickets:
            // 派单 as suggested, one key: the order's grid and its suggested person
            return suggestedDispatch()
        case .character("e") where focus == .tickets:
            if let open = selectedTicket { return .act(ticketID: open.id, action: .escalate) }
        case .character("i") where focus == .tickets:
            if let open = selectedTicket { openCallIn(open.id) }
        case .character("x") where focus == .tickets:
            if let open = selectedTicket { reasonInput = ReasonInput(ticketID: open.id, text: "") }
        case .character("a") where focus == .tickets && desk.worker != nil:
            // 接单 from a grid's desk, as the operator's staff record
            if let open = selectedTicket, let staff = desk.worker { return .act(ticketID: open.id, action: .accept(staffID: staff)) }
        case .character("v") where focus == .tickets && desk.worker != nil:
            if let open = selectedTicket { reasonInput = ReasonInput(ticketID: open.id, text: "", resolvingAs: desk.worker) }
        case .character("y"), .character("n"):
            // answering a call from here is its acknowledgement
            guard let ringing = ringingForDesk else {
                if desk.scope != .street { show(.noCallRinging) }
                return nil
            }
            return .answerCall(callID: ringing.call.id, staffID: ringing.call.staffID, accept: key == .character("y"))
        case .character(let c) where c.isASCII && c.isNumber && c != "0":
            jumpToCommunity(Int(String(c)) ?? 1)
        default:
            switch focus {
            case .grids: moveInGrids(key)
            case .staff: staffCursor = Self.move(staffCursor, key, count: selectedGridStaff.count, page: listPage)
            case .tickets: ticketCursor = Self.move(ticketCursor, key, count: ticketCount, page: listPage)
            case .events:
                // the ticker reads oldest first, so the cursor's row counts from the newest at the bottom
                let last = events.count - 1
                eventCursor = max(0, last - Self.move(last - eventCursor, key, count: events.count, page: listPage))
            }
        }
        return nil
    }

    /// Keys while the filter is typed: it narrows the tiles as it grows.
    private mutating func handleFilter(_ key: Key) -> WallEffect? {
        switch key {
        case .escape:
            filter = ""
            filterEditing = false
        case .enter:
            filterEditing = false
        case .backspace, .delete:
            if !filter.isEmpty { filter.removeLast() }
        case .character(let c):
            if filter.count < 20 { filter.append(c) }
        default:
            return nil
        }
        if let visible = visibleGrids, !visible.contains(selectedGrid), let first = tileLayout()?.slots.first?.index {
            selectedGrid = first
            staffCursor = 0
        }
        return nil
    }

    mutating func moveInGrids(_ key: Key) {
        let count = atStreetLevel ? overview.streets.count : overview.grids.count
        let before = selectedTile
        let layout = tileLayout()
        switch key {
        case .left, .character("h"):
            selectedTile = layout?.neighbour(of: before, step: -1) ?? max(0, before - 1)
        case .right, .character("l"):
            selectedTile = layout?.neighbour(of: before, step: 1) ?? min(count - 1, before + 1)
        case .up, .character("k"):
            selectedTile = layout?.vertical(from: before, step: -1) ?? before
        case .down, .character("j"):
            selectedTile = layout?.vertical(from: before, step: 1) ?? before
        case .home:
            selectedTile = layout?.slots.first?.index ?? 0
        case .end:
            selectedTile = layout?.slots.last?.index ?? max(0, count - 1)
        default:
            break
        }
        if selectedTile != before { staffCursor = 0 }
    }

    /// 1–9: the first tile under the n-th heading (a community, or above a street a district).
    private mutating func jumpToCommunity(_ n: Int) {
        filter = ""
        let groups = tileGroups
        guard groups.indices.contains(n - 1), let first = groups[n - 1].members.first else { return }
        selectedTile = first
        staffCursor = 0
        focus = .grids
    }

    /// A cursor moved by a key in a list of `count` rows.
    static func move(_ cursor: Int, _ key: Key, count: Int, page: Int) -> Int {
        guard count > 0 else { return 0 }
        switch key {
        case .up, .character("k"): return max(0, cursor - 1)
        case .down, .character("j"): return min(count - 1, cursor + 1)
        case .pageUp: return max(0, cursor - page)
        case .pageDown: return min(count - 1, cursor + page)
        case .home: return 0
        case .end: return count - 1
        default: return cursor
        }
    }

    /// The ticker's page for the events and the pane's height now.
    private mutating func turnTickerPage() {
        let rows = WallLayout(size: size).map { max(0, $0.events.height - 2) } ?? 0
        tickerTop = TickerPage.top(previous: tickerTop, events: events, rows: rows)
    }

    /// Rows a page key moves in the list panes.
    /// How far PgUp and PgDn move in a list.
    var listPage: Int { max(1, size.height / 4) }

    /// Moves a page's cursor over its `count` rows.
    mutating func moveDetailCursor(_ key: Key, count: Int) {
        detailCursor = Self.move(detailCursor, key, count: count, page: listPage)
    }

    mutating func call(_ person: Staff) {
        let label = "\(person.name) · \(strings.role(person.role))"
        pendingCall = PendingCall(staffIDs: [person.id], gridCode: person.gridCode, label: label, sendAt: now.addingTimeInterval(Self.callGrace))
    }

    mutating func callGrid(_ code: String) {
        guard let summary = overview.summary(ofGrid: code) else { return }
        let crew = (overview.staffByGrid[summary.grid.code] ?? []).filter { $0.role.isGridCore }
        guard !crew.isEmpty else {
            show(.nobodyToCall)
            return
        }
        pendingCall = PendingCall(
            staffIDs: crew.map(\.id), gridCode: summary.grid.code, label: "\(summary.grid.name) 1+1+2+N (\(crew.count))",
            sendAt: now.addingTimeInterval(Self.callGrace))
    }

    /// The tile layout for the current size (nil below the minimum size).
    func tileLayout() -> TileLayout? {
        guard let layout = WallLayout(size: size) else { return nil }
        return TileLayout(groups: tileGroups, pane: layout.grids)
    }

    /// Shows `message` in the footer for as long as its kind stays.
    mutating func show(_ message: OperatorNotice) {
        notice = Notice(message: message, until: now.addingTimeInterval(message.seconds))
    }
}
