import DoorstepCanvas
import DoorstepDomain
import Foundation

/// 呼叫 · the desk's calls of the last hours, newest first (`t` from the wall; an unattended
/// wall's night shift shows it in turn with the alarms): when each was placed, to whom, about
/// which grid, by whom, and where it stands — ringing, answered, declined, missed, sent up.
/// Enter opens the call's grid.
enum CallsPage {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in area: Rect) {
        let zh = state.language == .zh
        let s = state.strings
        let rows = state.deskCalls
        let ringing = rows.filter { $0.state == .ringing }.count
        let missed = rows.filter { $0.state == .missed || $0.state == .failed }.count
        let title = zh ? "呼叫 · \(rows.count) 次 · 振铃 \(ringing) · 未接 \(missed)" : "Calls · \(rows.count) · ringing \(ringing) · missed \(missed)"
        let inner = canvas.box(area, title: title, style: Style(missed > 0 ? .alarm : .title, bold: true))
        guard !inner.isEmpty else { return }
        canvas.listRows(in: inner, count: rows.count, cursor: state.detailCursor, empty: zh ? "没有呼叫" : "no calls", strings: s) { canvas, index, y in
            let summary = rows[index]
            let call = summary.call
            let grid = state.callGrid(call)
            let gridName = state.overview.summary(ofGrid: grid)?.grid.name ?? ""
            // (ringing and missed are matters of time: no answer to date them by)
            let answeredAt = summary.state == .ringing || summary.state == .missed ? "" : " " + Formatting.time(call.stateSince, timeZone: state.timeZone)
            let by = (zh ? "呼叫人 " : "by ") + state.personName(call.placedBy)
                + (call.escalatedFrom.map { zh ? " · 升级自 \($0)" : " · escalating \($0)" } ?? "")
            var runs: [(String, Style)] = [
                (Formatting.time(call.placedAt, timeZone: state.timeZone) + " ", Style(.muted)),
                (Columns.pad(Columns.truncate(state.personName(call.staffID), to: 8), to: 8) + " ", Style(.normal, bold: true)),
                (Columns.pad(grid, to: 6) + " " + Columns.pad(Columns.truncate(gridName, to: 10), to: 10) + " ", Style(.normal)),
                (Columns.pad(s.callState(summary.state) + answeredAt, to: 18) + " ", style(summary.state)),
            ]
            let used = runs.reduce(0) { $0 + DisplayWidth.of($1.0) }
            runs.append((Columns.truncate(by, to: max(0, inner.width - used)), Style(.muted)))
            canvas.write(runs: runs, x: inner.x, y: y, clip: inner)
        }
    }

    static func style(_ state: Call.State) -> Style {
        switch state {
        case .ringing: return Style(.attention, bold: true)
        case .missed, .escalated, .failed: return Style(.alarm, bold: true)
        case .answered: return Style(.ok)
        case .declined: return Style(.muted)
        }
    }

    /// Keys on the page: move, open the call's grid.
    static func handle(_ key: Key, _ state: inout WallState) -> WallEffect? {
        let rows = state.deskCalls
        switch key {
        case .enter:
            if rows.indices.contains(state.detailCursor) {
                let grid = state.callGrid(rows[state.detailCursor].call)
                if !grid.isEmpty { return state.open(.grid(code: grid)) }
            }
        default:
            state.moveDetailCursor(key, count: rows.count)
        }
        return nil
    }
}

extension WallState {
    /// The desk's calls, newest first.
    var deskCalls: [Overview.CallSummary] {
        desk.scope == .street ? overview.calls : overview.calls.filter { onDesk(gridCode: callGrid($0.call)) }
    }

    /// The grid a call is about: its own, or where the person called works.
    func callGrid(_ call: Call) -> String { call.gridCode ?? overview.staffLocation[call.staffID] ?? "" }

    /// A person or operator by name: staff and Party members, parties called in, the desk's
    /// operators, the words for the system's own actors; the id when none knows it.
    public func personName(_ id: String) -> String {
        overview.callee(id: id)?.name ?? overview.responder(id)?.name ?? operatorNames[id] ?? strings.actor(id) ?? id
    }
}
