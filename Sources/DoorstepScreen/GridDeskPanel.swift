import DoorstepCanvas
import DoorstepDomain
import Foundation

/// A grid's desk (网格端) under its one tile: what the grid owes today — a call ringing for its
/// people (y / n answers it), its must-visits this month with those not yet visited, its care
/// services due or missed, and its 四清.
enum GridDeskPanel {
    /// The rows below the tile the panel may use (the tile's heading and its two rows above).
    static let top = 4

    static func draw(_ canvas: inout Canvas, _ state: WallState, code: String, in inner: Rect) {
        guard inner.height > top + 2 else { return }
        let area = Rect(x: inner.x + 1, y: inner.y + top, width: max(0, inner.width - 2), height: inner.height - top)
        let zh = state.language == .zh
        var lines: [(String, Style)] = []
        // the call first: it is the one thing that cannot wait
        if let ringing = state.ringingForDesk {
            let who = state.overview.callee(id: ringing.call.staffID)?.name ?? ringing.call.staffID
            lines.append((zh ? "☎ 来电 \(ringing.call.id) → \(who) 振铃中 · y 接听  n 拒接" : "☎ call \(ringing.call.id) → \(who) ringing · y answer  n decline",
                          Style(.alarm, bold: true)))
        } else {
            lines.append((zh ? "☎ 无来电" : "☎ no call ringing", Style(.muted)))
        }
        let households = state.gridHouseholds(code)
        let places = state.gridPlaces(code)
        let waiting = households.filter { !state.visitedThisMonth($0.id) }
        let done = households.count - waiting.count + places.filter { state.overview.places.visited($0.code) }.count
        let plans = state.gridCarePlans(code)
        let due = plans.reduce(0) { $0 + $1.due(at: state.now).count }
        let missed = plans.reduce(0) { $0 + $1.missed(at: state.now).count }
        let clears = state.overview.fourClears(ofGrid: code)
        var owed = zh ? "六必访 本月 \(done)/\(households.count + places.count)" : "must-visits this month \(done)/\(households.count + places.count)"
        if !plans.isEmpty { owed += zh ? " · 帮扶服务 到期 \(due) 逾期 \(missed)" : " · care services due \(due) missed \(missed)" }
        if clears.total > 0 { owed += " · " + state.language.clearsStrings.completeness(clears.clear, clears.total) }
        lines.append((owed, Style(.title, bold: true)))
        for plan in plans where !plan.missed(at: state.now).isEmpty || !plan.due(at: state.now).isEmpty {
            let names = (plan.missed(at: state.now) + plan.due(at: state.now)).map(\.name).joined(separator: "、")
            lines.append(("  ◆ \(plan.id) \(state.shown(name: plan.person, subject: plan.householdID)) · \(names)",
                          plan.missed(at: state.now).isEmpty ? Style(.attention) : Style(.alarm)))
        }
        for household in waiting {
            let tags = household.mustVisit.sorted { $0.rawValue < $1.rawValue }.map(state.language.detailStrings.mustVisit).joined(separator: "、")
            lines.append(("  ✘ \(household.id) \(state.shown(name: household.headName, subject: household.id)) \(tags)", Style(.attention)))
        }
        for (row, line) in lines.prefix(area.height).enumerated() {
            canvas.write(line.0, x: area.x, y: area.y + row, clip: area, style: line.1)
        }
        if lines.count > area.height {
            let more = state.strings.moreRows(lines.count - area.height + 1)
            canvas.fill(Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1), style: Style(.normal))
            canvas.write(more, x: area.x, y: area.maxY - 1, clip: area, style: Style(.muted))
        }
    }
}
