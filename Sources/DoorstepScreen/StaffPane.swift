import DoorstepCanvas
import DoorstepDomain

/// The selected grid's people: 1+1+2+N first, then its grid worker and chiefs, with duty.
enum StaffPane {
    static let roleOrder: [StaffRole] = [
        .allRoundSocialWorker, .professionalSocialWorker, .partyCentralHousehold, .volunteer,
        .fullTimeGridWorker, .microGridChief, .buildingChief,
    ]

    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        guard let summary = state.selectedSummary else {
            let inner = canvas.box(rect, title: s.staffOnDuty)
            canvas.write(s.noGridSelected, x: inner.x, y: inner.y, clip: inner, style: Style(.muted))
            return
        }
        let staff = (state.overview.staffByGrid[summary.grid.code] ?? []).sorted { a, b in
            let ra = roleOrder.firstIndex(of: a.role) ?? roleOrder.count
            let rb = roleOrder.firstIndex(of: b.role) ?? roleOrder.count
            return ra != rb ? ra < rb : a.id < b.id
        }
        let counts = "\(summary.grid.name) · \(s.onDuty) \(summary.working)/\(summary.staffCount)"
        // narrow panes drop the pane's name before they drop the figures
        let full = "\(s.staffOnDuty) · \(counts)"
        let title = DisplayWidth.of(full) <= rect.width - 6 ? full : counts
        let inner = canvas.box(rect, title: title)
        guard !inner.isEmpty else { return }
        let wide = inner.width >= 50
        let visible = ListOverflow.visibleRows(staff.count, height: inner.height)
        for (row, person) in staff.prefix(visible).enumerated() {
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
                (Columns.pad(s.duty(person.duty.rawValue), to: 6), dutyStyle),
                (Columns.pad(person.name, to: 8), text),
                (" " + Columns.pad(s.role(person.role.rawValue), to: wide ? 17 : 11), Style(.muted)),
            ]
            if wide {
                runs.append((" " + Formatting.timeOfDay(person.shift.lowerBound) + "–" + Formatting.timeOfDay(person.shift.upperBound), Style(.muted)))
            }
            canvas.write(runs: runs, x: inner.x, y: y, clip: inner)
        }
        ListOverflow.drawMore(&canvas, total: staff.count, visible: visible, in: inner, strings: s)
    }
}
