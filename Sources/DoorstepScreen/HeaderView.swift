import DoorstepCanvas
import Foundation

/// Two rows: the street and the clock, then the headline figures (as many groups as fit,
/// most important first), and a warning while the data is stale.
enum HeaderView {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        drawClockRow(&canvas, state, in: rect)
        drawFigures(&canvas, state, in: rect)
    }

    /// The first row: the street's command centre and the clock (all that moves with the
    /// clock). Given the clock as it was drawn at `before`, writes the clock alone when it
    /// keeps its width.
    static func drawClockRow(_ canvas: inout Canvas, _ state: WallState, in rect: Rect, before: Date? = nil) {
        let s = state.strings
        let clock = Formatting.clock(state.now, timeZone: state.timeZone, weekdays: s.weekdays)
        let clockX = rect.maxX - DisplayWidth.of(clock) - 1
        if let before, DisplayWidth.of(Formatting.clock(before, timeZone: state.timeZone, weekdays: s.weekdays)) == DisplayWidth.of(clock) {
            canvas.write(clock, x: clockX, y: rect.y, clip: rect, style: Style(.header))
            return
        }
        canvas.fill(rect.row(0), style: Style(.header))
        var titleClip = Rect(x: rect.x, y: rect.y, width: max(0, clockX - rect.x - 1), height: 1)
        if let banner = state.replayBanner {
            // 回放: the banner beside the replayed time, so neither can be missed
            let width = min(titleClip.width, DisplayWidth.of(banner))
            canvas.write(Columns.truncate(banner, to: width, ellipsis: state.glyphs[.ellipsis]), x: clockX - 1 - width, y: rect.y, clip: titleClip,
                         style: Style(.stale, inverse: true, bold: true))
            titleClip.width = max(0, titleClip.width - width - 1)
        }
        canvas.write(Columns.truncate(" 家门口 · " + title(state), to: titleClip.width, ellipsis: state.glyphs[.ellipsis]), x: rect.x, y: rect.y,
                     clip: titleClip, style: Style(.header, bold: true))
        canvas.write(clock, x: clockX, y: rect.y, clip: rect, style: Style(.header))
    }

    /// The second row: the headline figures, and a warning while the data is stale.
    static func drawFigures(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        let base = Style(.header)
        canvas.fill(rect.row(1), style: base)
        var stale: String?
        if let since = state.staleSince {
            stale = " " + s.staleSince(Formatting.time(since, timeZone: state.timeZone)) + (state.staleFault.map { " · " + s.storageFault($0) } ?? "") + " "
        }
        if let line = state.phoneLine {
            // the line's trouble beside (or instead of) the data's
            stale = (stale.map { $0 + "· " } ?? " ") + "☎ " + s.phone.line(line) + " "
        }
        let room = rect.width - (stale.map { DisplayWidth.of($0) + 2 } ?? 0)
        var runs: [(String, Style)] = []
        var used = 0
        for group in groups(state) {
            let width = group.reduce(0) { $0 + DisplayWidth.of($1.0) } + 1
            if used + width > room { continue }  // a later, shorter group may still fit
            if !runs.isEmpty { runs.append(("│", base)) }
            runs += group
            used += width
        }
        let end = canvas.write(runs: runs, x: rect.x, y: rect.y + 1, clip: rect.row(1))
        if let stale {
            let x = max(end + 2, rect.maxX - DisplayWidth.of(stale) - 1)
            canvas.write(stale, x: x, y: rect.y + 1, clip: rect.row(1), style: Style(.stale, inverse: true, bold: true))
        }
    }

    /// The street's command centre, or the desk the wall serves with who is at it.
    static func title(_ state: WallState) -> String {
        let s = state.strings
        let desk = state.desk
        guard let role = desk.role, desk.role != .streetDuty || desk.name != nil else { return s.commandCentre(state.overview.centre.name) }
        let place: String
        switch desk.scope {
        case .street: place = state.overview.centre.name
        case .community(let code): place = state.overview.communities.first { $0.code == code }?.name ?? code
        case .grid(let code): place = state.overview.summary(ofGrid: code)?.grid.name ?? code
        }
        let who = [desk.name, desk.operatorID.map { "(\($0))" }].compactMap { $0 }.joined()
        if role == .streetDuty { return s.commandCentre(place) + " · " + s.desk(place, role, who) }
        return s.desk(place, role, who)
    }

    /// The figures in groups, most important first: the street's, or a community's or grid's
    /// desk's own (its grids' tally and its queue).
    static func groups(_ state: WallState) -> [[(String, Style)]] {
        let s = state.strings
        let f = state.overview.figures
        let base = Style(.header)
        let strong = Style(.header, bold: true)
        func figure(_ label: String, _ value: String, _ role: Role? = nil) -> [(String, Style)] {
            [(" \(label) ", base), (value, role.map { Style($0, bold: true) } ?? strong), (" ", base)]
        }
        func count(_ label: String, _ value: Int, _ role: Role) -> [(String, Style)] {
            figure(label, "\(value)", value > 0 ? role : nil)
        }
        // alarms nobody has taken lead, and a mute says so while it lasts
        var lead: [[(String, Style)]] = []
        let waiting = state.newAlarmCount
        if waiting > 0 { lead.append([(" ! ", Style(.alarm, inverse: true, bold: true))] + count(s.newAlarms, waiting, .alarm)) }
        if let turning = state.cycle {
            let zh = state.language == .zh
            let words = turning.holding != nil ? (zh ? "轮播暂停 · 告警" : "cycle held · alarm")
                : (zh ? "轮播 \(turning.index + 1)/\(turning.views.count)" : "cycle \(turning.index + 1)/\(turning.views.count)")
            lead.append([(" " + words + " ", Style(.header, bold: true))])
        }
        if let until = state.mutedUntil, until > state.now {
            lead.append([(" " + s.mutedUntil(Formatting.time(until, timeZone: state.timeZone)) + " ", Style(.attention, bold: true))])
        }
        if state.shownScope != .street {
            let tally = state.deskTally
            var queue = [0, 0, 0]  // ordered, dispatched, accepted
            for row in 0..<state.ticketCount {
                switch state.ticket(atRow: row)?.ticket.state {
                case .ordered?: queue[0] += 1
                case .dispatched?: queue[1] += 1
                case .accepted?: queue[2] += 1
                default: break
                }
            }
            return lead + [
                figure(s.grids, "\(tally.grids)") + count(s.alarm, tally.alarm, .alarm) + count(s.attention, tally.attention, .attention),
                count(s.openTickets, tally.openTickets, .header) + count(s.overdue, tally.overdue, .alarm),
                count(s.state(.ordered), queue[0], .attention) + count(s.state(.dispatched), queue[1], .attention)
                    + figure(s.state(.accepted), "\(queue[2])"),
                figure(s.onDuty, "\(tally.working)/\(tally.staff)"),
            ]
        }
        var groups: [[(String, Style)]] = [
            figure(s.grids, "\(f.grids)") + count(s.alarm, f.alarm, .alarm) + count(s.attention, f.attention, .attention),
            count(s.openTickets, f.openTickets, .header) + count(s.overdue, f.overdue, .alarm),
            figure(s.onDuty, "\(f.staffWorking)/\(f.staffTotal)"),
            count(s.escalatedCount, f.escalated, .attention) + figure(s.resolvedToday, "\(f.resolvedToday)"),
        ]
        var quality: [(String, Style)] = []
        if let minutes = f.averageAcceptMinutes { quality += figure(s.acceptTime, s.minutes(Int(minutes.rounded()))) }
        if let score = f.satisfaction { quality += figure(s.satisfaction, Formatting.oneDecimal(score)) }
        if f.mustVisitDue > 0 {
            let percent = Int((Double(f.mustVisitDone) / Double(f.mustVisitDue) * 100).rounded())
            quality += figure(s.mustVisits, "\(f.mustVisitDone)/\(f.mustVisitDue) \(percent)%")
        }
        if !quality.isEmpty { groups.append(quality) }
        return lead + groups
    }
}
