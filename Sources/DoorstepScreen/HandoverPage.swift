import DoorstepCanvas
import DoorstepDomain
import Foundation

/// A handover being written on the wall: who takes the desk (←→ among the operators) and a note.
public struct HandoverForm: Equatable, Sendable {
    public var to: Int
    public var note: String

    public init(to: Int = 0, note: String = "") {
        self.to = to
        self.note = note
    }

    /// The longest note typed on the wall, in display columns (a command takes more).
    static let noteColumns = 120
}

/// 交接班 · the desk's last handover — who handed to whom, when, the note — and each figure
/// the shift inherited beside the same figure now; Enter writes a new one (`H` from the wall).
enum HandoverPage {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in area: Rect) {
        let h = state.language.handoverStrings
        let last = state.deskHandover
        let title = last.map { h.title(Formatting.time($0.at, timeZone: state.timeZone), state.personName($0.fromOperator), state.personName($0.toOperator)) }
            ?? h.none
        let inner = canvas.box(area, title: title, style: Style(.title, bold: true))
        guard !inner.isEmpty else { return }
        var lines: [[(String, Style)]] = []
        let now = HandoverSummary(state.overview, at: state.now, grids: state.deskGridCodes)
        if let last {
            lines.append([(h.when(Formatting.day(last.at, timeZone: state.timeZone) + " " + Formatting.time(last.at, timeZone: state.timeZone)), Style(.muted))])
            if !last.note.isEmpty { lines.append([(h.note + " ", Style(.muted)), (last.note, Style(.normal, bold: true))]) }
            lines.append([])
        }
        // the figures: then (at the handover) and now, and the change
        // (the label column as wide as the longest name, and two more)
        let label = HandoverSummary.Figure.allCases.map { DisplayWidth.of(h.figureName($0)) }.max().map { $0 + 2 } ?? 16
        let header = last == nil ? Columns.pad(h.figure, to: label) + h.now
            : Columns.pad(h.figure, to: label) + Columns.pad(h.then, to: 8) + Columns.pad(h.now, to: 8) + h.change
        lines.append([(header, Style(.title, bold: true))])
        for (figure, current) in now.figures {
            var runs: [(String, Style)] = [(Columns.pad(h.figureName(figure), to: label), Style(.normal))]
            if let then = last?.inherited[figure] {
                runs.append((Columns.pad(String(then), to: 8), Style(.muted)))
                runs.append((Columns.pad(String(current), to: 8), Style(.normal, bold: true)))
                let change = current - then
                // (more of any of these is worse, except none: each is work outstanding)
                runs.append((change == 0 ? "—" : (change > 0 ? "+\(change)" : "\(change)"), Style(change > 0 ? .attention : change < 0 ? .ok : .muted, bold: change != 0)))
            } else {
                runs.append((Columns.pad(String(current), to: 8), Style(.normal, bold: true)))
            }
            lines.append(runs)
        }
        if let last, !last.inherited.overdueTickets.isEmpty {
            lines.append([])
            lines.append([(h.overdueThen + " ", Style(.muted)), (last.inherited.overdueTickets.joined(separator: " "), Style(.normal))])
        }
        if !now.hazardGrids.isEmpty {
            lines.append([(h.hazardsNow + " ", Style(.muted)), (now.hazardGrids.joined(separator: " "), Style(.alarm, bold: true))])
        }
        if let form = state.handoverForm {
            // the form first, where a short screen still shows it
            let candidates = state.handoverCandidates
            let to = candidates.indices.contains(form.to) ? candidates[form.to] : nil
            lines = [
                [(h.formTitle, Style(.key, bold: true))],
                [(h.to + " ", Style(.muted)), ("◀ " + (to.map { "\(state.personName($0)) (\($0))" } ?? "—") + " ▶", Style(.key, bold: true))],
                [(h.note + " ", Style(.muted)), (form.note + "_", Style(.normal))],
                [(h.formHint, Style(.muted))],
                [],
            ] + lines
        } else {
            lines.append([])
            lines.append([(state.desk.readOnly ? h.readOnly : h.startHint, Style(.muted))])
        }
        for (row, runs) in lines.prefix(inner.height).enumerated() {
            canvas.write(runs: runs, x: inner.x, y: inner.y + row, clip: inner, ellipsis: state.glyphs[.ellipsis])
        }
    }

    /// Keys on the page: Enter starts a handover.
    static func handle(_ key: Key, _ state: inout WallState) -> WallEffect? {
        guard key == .enter else { return nil }
        guard !state.desk.readOnly else {
            state.show(.readOnly)
            return nil
        }
        state.handoverForm = HandoverForm()
        return nil
    }
}

extension WallState {
    /// The last handover of this desk.
    var deskHandover: Handover? { overview.handovers[desk.scope.code] }

    /// The grids of this desk (nil: the street's, all of them).
    public var deskGridCodes: Set<String>? { desk.scope.gridCodes(in: overview.grids.lazy.map(\.grid)) }

    /// Who the desk can be handed to: every operator who can take a desk but the one at it,
    /// those of this desk's scope first, then by id.
    var handoverCandidates: [String] {
        let own = desk.scope.code
        return operatorDesks.keys.filter { $0 != desk.operatorID }.sorted { a, b in
            let (mineA, mineB) = (operatorDesks[a] == own, operatorDesks[b] == own)
            return mineA != mineB ? mineA : a < b
        }
    }

    /// Keys while a handover is being written: ←→ choose who takes the desk, characters make
    /// the note, Enter records it, Esc drops it.
    mutating func handleHandoverForm(_ key: Key) -> WallEffect? {
        guard var form = handoverForm else { return nil }
        let candidates = handoverCandidates
        switch key {
        case .escape:
            handoverForm = nil
            return nil
        case .left:
            form.to = candidates.isEmpty ? 0 : (form.to + candidates.count - 1) % candidates.count
        case .right:
            form.to = candidates.isEmpty ? 0 : (form.to + 1) % candidates.count
        case .backspace, .delete:
            if !form.note.isEmpty { form.note.removeLast() }
        case .enter:
            guard candidates.indices.contains(form.to) else { return nil }
            handoverForm = nil
            return .handover(to: candidates[form.to], note: form.note.trimmingCharacters(in: .whitespaces))
        case .character(let c):
            if DisplayWidth.of(form.note) < HandoverForm.noteColumns { form.note.append(c) }
        default:
            break
        }
        handoverForm = form
        return nil
    }
}
