import DoorstepCanvas

/// Two rows: the street and the clock, then the headline figures.
enum HeaderView {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        let base = Style(.header)
        canvas.fill(rect, style: base)
        let clock = Formatting.clock(state.now, timeZone: state.timeZone, weekdays: s.weekdays)
        let clockX = rect.maxX - DisplayWidth.of(clock) - 1
        let titleClip = Rect(x: rect.x, y: rect.y, width: max(0, clockX - rect.x - 1), height: 1)
        canvas.write(
            runs: [(" 家门口 · " + s.commandCentre(state.overview.street.name), Style(.header, bold: true))],
            x: rect.x, y: rect.y, clip: titleClip)
        canvas.write(clock, x: clockX, y: rect.y, clip: rect, style: Style(.header, bold: true))

        let f = state.overview.figures
        func count(_ label: String, _ value: Int, _ role: Role) -> [(String, Style)] {
            [(" \(label) ", base), ("\(value)", value > 0 && role != .header ? Style(role, bold: true) : Style(.header, bold: true)), (" ", base)]
        }
        var runs: [(String, Style)] = []
        runs += count(s.grids, f.grids, .header)
        runs += count(s.alarm, f.alarm, .alarm)
        runs += count(s.attention, f.attention, .attention)
        runs.append(("│", base))
        runs += count(s.openTickets, f.openTickets, .header)
        runs += count(s.overdue, f.overdue, .alarm)
        runs += count(s.resolvedToday, f.resolvedToday, .header)
        runs.append(("│", base))
        runs += [(" \(s.onDuty) ", base), ("\(f.staffWorking)/\(f.staffTotal)", Style(.header, bold: true))]
        let end = canvas.write(runs: runs, x: rect.x, y: rect.y + 1, clip: rect.row(1))
        if let since = state.staleSince {
            let clock = Formatting.clock(since, timeZone: state.timeZone, weekdays: s.weekdays)
            let time = String(clock.suffix(8))
            let warning = " " + s.staleSince(time) + " "
            let x = max(end + 2, rect.maxX - DisplayWidth.of(warning) - 1)
            canvas.write(warning, x: x, y: rect.y + 1, clip: rect.row(1), style: Style(.stale, inverse: true, bold: true))
        }
    }
}
