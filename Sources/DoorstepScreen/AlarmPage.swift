import DoorstepCanvas
import DoorstepDomain
import Foundation

/// 告警 · the desk's alarms of the last hours, newest first (`!` from the wall): when each was
/// raised, its grid and reasons, and where it stands — waiting to be taken, taken by whom and
/// when, sent up, cleared. `a` takes the selected one; Enter opens its grid.
enum AlarmPage {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in area: Rect) {
        let zh = state.language == .zh
        let rows = state.deskAlarms
        let waiting = rows.filter(\.isNew).count
        let title = zh ? "告警 · 近 12 小时 \(rows.count) 条 · 待认领 \(waiting)" : "Alarms · last 12 hours \(rows.count) · waiting \(waiting)"
        let inner = canvas.box(area, title: title, style: Style(waiting > 0 ? .alarm : .title, bold: true))
        guard !inner.isEmpty else { return }
        canvas.listRows(in: inner, count: rows.count, cursor: state.detailCursor, empty: zh ? "近 12 小时没有告警" : "no alarm in the last 12 hours",
                        strings: state.strings) { canvas, index, y in
            let alarm = rows[index]
            let grid = state.overview.summary(ofGrid: alarm.gridCode)?.grid.name ?? alarm.gridCode
            let reasons = alarm.reasons.map { reasonWords($0, zh: zh) }.joined(separator: "、")
            let who = alarm.acknowledgedBy.map(state.personName)
            let standing: (String, Style)
            if let cleared = alarm.clearedAt {
                standing = ((zh ? "已解除 " : "cleared ") + Formatting.time(cleared, timeZone: state.timeZone), Style(.muted))
            } else if let taken = alarm.acknowledgedAt {
                standing = ((zh ? "已认领 " : "taken ") + "\(who ?? "") " + Formatting.time(taken, timeZone: state.timeZone), Style(.ok))
            } else {
                standing = ((zh ? "待认领" : "waiting") + (alarm.escalatedAt == nil ? "" : (zh ? " · 已上报" : " · sent up")), Style(.alarm, bold: true))
            }
            let lead = Formatting.time(alarm.raisedAt, timeZone: state.timeZone) + " " + (alarm.isNew ? "! " : "  ")
                + Columns.pad(Columns.truncate(grid, to: 10), to: 10) + " " + Columns.pad(alarm.gridCode, to: 6) + " "
            let reasonWidth = max(0, inner.width - DisplayWidth.of(lead) - DisplayWidth.of(standing.0) - 2)
            canvas.write(runs: [(lead, Style(alarm.isNew ? .alarm : .muted, bold: alarm.isNew)),
                                (Columns.pad(Columns.truncate(reasons, to: reasonWidth), to: reasonWidth) + "  ", Style(.normal)), standing],
                         x: inner.x, y: y, clip: inner)
        }
    }

    /// An alarm reason's code in words.
    static func reasonWords(_ code: String, zh: Bool) -> String {
        switch code {
        case "overdue": return zh ? "工单超时" : "overdue ticket"
        case "unanswered_call": return zh ? "呼叫未接" : "unanswered call"
        case "nobody_on_duty": return zh ? "无人在岗" : "nobody on duty"
        case "severe_hazard": return zh ? "重大隐患" : "severe hazard"
        case "party_not_answering": return zh ? "联动部门未响应" : "department not answering"
        default: return code
        }
    }

    /// Keys on the page: move, take the selected alarm, open its grid.
    static func handle(_ key: Key, _ state: inout WallState) -> WallEffect? {
        let rows = state.deskAlarms
        switch key {
        case .enter:
            if rows.indices.contains(state.detailCursor) { return state.open(.grid(code: rows[state.detailCursor].gridCode)) }
        case .character("a"):
            guard rows.indices.contains(state.detailCursor), rows[state.detailCursor].isNew else {
                state.show(.noAlarm)
                return nil
            }
            return .acknowledgeAlarms([rows[state.detailCursor].id])
        default:
            state.moveDetailCursor(key, count: rows.count)
        }
        return nil
    }
}
