import DoorstepCanvas
import DoorstepDomain
import Foundation

/// 联动处置 · the tickets waiting on outside parties and each department's pace this week, on
/// one page (`o` from the wall): the slowest department named first, the pace of every
/// department, then the waiting tickets, late ones first. Enter opens a ticket; `i` calls
/// more parties in on it.
enum JointPage {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in area: Rect) {
        let j = state.language.jointStrings
        let overview = state.overview
        let inner = canvas.box(area, title: "\(j.pageTitle) · \(overview.centre.name)", style: Style(.title, bold: true))
        guard !inner.isEmpty else { return }
        let pace = overview.departmentPace()
        let slowest = pace.first.map {
            j.slowest(j.department($0.departmentCode, in: overview), j.hours($0.meanHours), $0.count, $0.pending)
        } ?? j.noneThisWeek
        canvas.write(slowest, x: inner.x, y: inner.y, clip: inner, style: Style(pace.isEmpty ? .muted : .attention, bold: true))
        let body = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2))
        // side by side on a wide screen; stacked on a narrow one, the pace table kept short
        let parts = body.width >= 120
            ? Layout.columns(body, [.fixed(60), .fill(1)], spacing: 2)
            : Layout.rows(body, [.fixed(min(pace.count, max(1, body.height / 3)) + 3), .fill(1)])
        paceTable(&canvas, state, pace, in: parts[0])
        waitingList(&canvas, state, in: parts[1])
    }

    private static func paceTable(_ canvas: inout Canvas, _ state: WallState, _ pace: [DepartmentPace], in rect: Rect) {
        let j = state.language.jointStrings
        let inner = canvas.box(rect, title: j.paceTitle, style: Style(.border))
        canvas.write(j.paceHeader, x: inner.x, y: inner.y, clip: inner, style: Style(.muted))
        for (row, line) in pace.prefix(max(0, inner.height - 1)).enumerated() {
            let name = Columns.pad(Columns.truncate(j.department(line.departmentCode, in: state.overview), to: 16), to: 16)
            let figures = j.paceRow(line.count, line.pending, line.late, line.declined, j.hours(line.meanHours))
            canvas.write(runs: [(name + " ", Style(row == 0 ? .attention : .normal, bold: row == 0)), (figures, Style(line.late > 0 ? .alarm : .normal))],
                         x: inner.x, y: inner.y + 1 + row, clip: inner)
        }
    }

    private static func waitingList(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let j = state.language.jointStrings
        let rows = state.jointWaiting()
        let inner = canvas.box(rect, title: j.waitingTitle(rows.count), style: Style(.border))
        canvas.listRows(in: inner, count: rows.count, cursor: state.detailCursor, empty: j.nothingWaiting, strings: state.strings) { canvas, index, y in
            let (open, pending) = rows[index]
            let first = pending[0]
            let late = first.isLate(at: state.now)
            let who = state.overview.responder(first.responderID)?.name ?? first.responderID
            let more = pending.count > 1 ? " +\(pending.count - 1)" : ""
            let left = first.dueAt.timeIntervalSince(state.now)
            let clock = left < 0 ? state.strings.late(Formatting.countdown(left)) : state.strings.left(Formatting.countdown(left))
            let parties = "→ " + Columns.truncate(who, to: 18) + more + " " + j.state(first.state) + " " + clock
            let partiesWidth = min(DisplayWidth.of(parties), max(0, inner.width / 2))
            let lead = Columns.pad(open.id, to: 7) + " " + Columns.pad(Columns.truncate(open.gridName, to: 10), to: 10) + " "
            let titleWidth = max(0, inner.width - DisplayWidth.of(lead) - partiesWidth - 1)
            canvas.write(runs: [(lead, Style(.muted)), (Columns.pad(Columns.truncate(open.ticket.title, to: titleWidth), to: titleWidth) + " ", Style(.normal)),
                                (Columns.truncate(parties, to: partiesWidth), Style(late ? .alarm : .attention, bold: late))],
                         x: inner.x, y: y, clip: inner)
        }
    }

    /// Keys on the page: move, open the ticket, call more parties in on it.
    static func handle(_ key: Key, _ state: inout WallState) -> WallEffect? {
        let rows = state.jointWaiting()
        switch key {
        case .enter:
            if rows.indices.contains(state.detailCursor) { return state.open(.ticket(id: rows[state.detailCursor].0.id)) }
        case .character("i"):
            if rows.indices.contains(state.detailCursor) { state.openCallIn(rows[state.detailCursor].0.id) }
        default:
            state.moveDetailCursor(key, count: rows.count)
        }
        return nil
    }
}

extension WallState {
    /// The open tickets waiting on outside parties (the desk's own), each with its pending
    /// call-ins (nearest deadline first); the tickets with the most overdue party first.
    func jointWaiting() -> [(Overview.OpenTicket, [CallIn])] {
        let joint = overview.joint
        guard !joint.waiting.isEmpty else { return [] }
        return overview.openTickets.compactMap { open -> (Overview.OpenTicket, [CallIn])? in
            guard joint.waiting.contains(open.id), onDesk(gridCode: open.ticket.gridCode) else { return nil }
            return (open, joint.pending(ofTicket: open.id).sorted { $0.dueAt < $1.dueAt })
        }.sorted { $0.1[0].dueAt < $1.1[0].dueAt }
    }
}
