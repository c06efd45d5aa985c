import Foundation
import DoorstepCanvas
import DoorstepDomain

/// The selected grid's people: 1+1+2+N first, then its grid worker and chiefs, with duty.
enum StaffPane {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        if state.atStreetLevel {
            drawStreet(&canvas, state, in: rect)
            return
        }
        guard let summary = state.selectedSummary else {
            let inner = canvas.pane(rect, title: s.staffOnDuty, focused: state.focus == .staff)
            canvas.write(s.noGridSelected, x: inner.x, y: inner.y, clip: inner, style: Style(.muted))
            return
        }
        let staff = state.staffRows
        let counts = "\(summary.grid.name) · \(s.onDuty) \(summary.working)/\(summary.staffCount)"
        // narrow panes drop the pane's name before they drop the figures
        let full = "\(s.staffOnDuty) · \(counts)"
        let title = DisplayWidth.of(full) <= rect.width - 6 ? full : counts
        let inner = canvas.pane(rect, title: title, focused: state.focus == .staff)
        guard !inner.isEmpty else { return }
        let wide = inner.width >= 50
        let window = ListWindow(total: staff.count, height: inner.height, cursor: state.staffCursor)
        for (row, index) in window.rows.enumerated() {
            let person = staff[index]
            let y = inner.y + row
            let dutyStyle: Style
            switch person.duty {
            case .onDuty: dutyStyle = Style(.ok, bold: true)
            case .busy: dutyStyle = Style(.attention)
            case .visiting: dutyStyle = Style(.normal)
            case .off: dutyStyle = Style(.muted)
            }
            let text = person.duty == .off ? Style(.muted) : Style(.normal)
            var runs: [(String, Style)] = [
                (Columns.pad(s.duty(person.duty), to: 6), dutyStyle),
                (Columns.pad(person.name, to: 8), text),
                (" " + Columns.pad(s.role(person.role), to: wide ? 17 : 11), Style(.muted)),
            ]
            if wide {
                runs.append((" " + Formatting.timeOfDay(person.shift.lowerBound) + "–" + Formatting.timeOfDay(person.shift.upperBound), Style(.muted)))
            }
            let end = canvas.write(runs: runs, x: inner.x, y: y, clip: inner)
            if let (label, style) = callLabel(person, state, at: state.now) {
                let x = max(end + 1, inner.maxX - DisplayWidth.of(label))
                canvas.write(label, x: x, y: y, clip: inner, style: style)
            }
            if state.focus == .staff, index == state.staffCursor { canvas.cursorRow(y, in: inner) }
        }
        window.drawMore(&canvas, in: inner, strings: s)
    }

    /// The latest call to `person` within the hour, with its age at `now`: the part of a row
    /// that moves with the clock.
    static func callLabel(_ person: Staff, _ state: WallState, at now: Date) -> (String, Style)? {
        guard let call = state.overview.latestCall(to: person.id), now.timeIntervalSince(call.call.placedAt) < 3600 else { return nil }
        // (a clock set back behind the call's placing shows it just placed, not an age counted backwards)
        let label = "☎ " + state.strings.callState(call.state) + " " + Formatting.countdown(max(0, now.timeIntervalSince(call.call.placedAt)))
        let role: Role = call.state == .answered ? .ok : (call.state == .ringing ? .key : .alarm)
        return (label, Style(role, bold: call.state != .answered))
    }

    /// True when a visible row would look different at `now` than at `before`.
    static func movesWithClock(_ state: WallState, from before: Date, in rect: Rect) -> Bool {
        guard !state.atStreetLevel else { return false }
        let staff = state.staffRows
        let window = ListWindow(total: staff.count, height: rect.inset(by: 1).height, cursor: state.staffCursor)
        return window.rows.contains { index in
            callLabel(staff[index], state, at: before)?.0 != callLabel(staff[index], state, at: state.now)?.0
        }
    }

    /// Above a street, the pane shows the highlighted street: each community with its tally.
    static func drawStreet(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        let overview = state.overview
        guard overview.streets.indices.contains(state.selectedStreet),
              overview.communitiesOfStreet.indices.contains(state.selectedStreet) else {
            _ = canvas.pane(rect, title: s.streetSummary, focused: state.focus == .staff)
            return
        }
        let street = overview.streets[state.selectedStreet]
        let tally = overview.streetTallies[state.selectedStreet]
        let title = "\(s.streetSummary) · \(street.district) \(street.name) · \(s.onDuty) \(tally.working)/\(tally.staff)"
        let inner = canvas.pane(rect, title: title, focused: state.focus == .staff)
        guard !inner.isEmpty else { return }
        let communities = overview.communitiesOfStreet[state.selectedStreet]
        let nameWidth = min(16, max(8, inner.width / 4))
        let window = ListWindow(total: communities.count, height: inner.height, cursor: min(state.staffCursor, max(0, communities.count - 1)))
        for (row, position) in window.rows.enumerated() {
            let index = communities[position]
            guard overview.communities.indices.contains(index), overview.communityTallies.indices.contains(index) else { continue }
            let t = overview.communityTallies[index]
            let y = inner.y + row
            var x = canvas.write(WallView.mark(for: t.worst, canvas.glyphs) + " ", x: inner.x, y: y, clip: inner, style: Style(WallView.role(for: t.worst), bold: true))
            x = canvas.write(Columns.pad(overview.communities[index].name, to: nameWidth), x: x, y: y, clip: inner, style: Style(.normal))
            canvas.write(" " + s.communityLine(t.grids, t.alarm, t.attention, t.openTickets, t.overdue), x: x, y: y, clip: inner,
                         style: Style(t.worst == .normal ? .muted : .normal))
        }
        window.drawMore(&canvas, in: inner, strings: s)
    }
}
