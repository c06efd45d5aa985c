import DoorstepCanvas

/// What is drawn over the panes: the `?` help and the call banner.
enum Overlays {
    /// A box centred on the screen, cleared inside; returns its inside.
    static func centredBox(_ canvas: inout Canvas, width: Int, height: Int, title: String, style: Style) -> Rect {
        let w = min(width, canvas.size.width - 2)
        let h = min(height, canvas.size.height - 2)
        let rect = Rect(x: (canvas.size.width - w) / 2, y: (canvas.size.height - h) / 2, width: w, height: h)
        canvas.fill(rect, style: .normal)
        return canvas.box(rect, title: title, style: style)
    }

    static func help(_ canvas: inout Canvas, _ state: WallState) {
        let s = state.strings
        // (a replay's own keys first: the rest look around as on the live wall)
        let lines = (state.replay == nil ? [] : s.replay.keys.map { (keys: $0.0, what: $0.1) }) + s.helpLines
        let keysWidth = (lines.map { DisplayWidth.of($0.keys) }.max() ?? 10) + 2
        let textWidth = lines.map { DisplayWidth.of($0.what) }.max() ?? 30
        let inner = centredBox(
            &canvas, width: keysWidth + textWidth + 4, height: lines.count + 4, title: s.help, style: Style(.key, bold: true))
        // on a short terminal the blank rows above and below go first, then the lines that do
        // not fit give way to one that says how many there are (at 80×24, q and ? were cut off
        // with nothing to say so)
        let pad = inner.height >= lines.count + 2 ? 1 : 0
        let room = inner.height - 2 * pad
        let shown = lines.count <= room ? lines : Array(lines.prefix(max(0, room - 1)))
        for (row, line) in shown.enumerated() {
            canvas.write(runs: [(Columns.pad(line.keys, to: keysWidth), Style(.key, bold: true)), (line.what, Style(.normal))],
                         x: inner.x + 1, y: inner.y + pad + row, clip: inner)
        }
        if shown.count < lines.count {
            canvas.write(Columns.pad("", to: keysWidth) + s.moreRows(lines.count - shown.count), x: inner.x + 1, y: inner.y + pad + shown.count,
                         clip: inner, style: Style(.muted))
        }
    }

    static func callBanner(_ canvas: inout Canvas, _ state: WallState, _ call: PendingCall) {
        let s = state.strings
        let seconds = max(0, Int(call.sendAt.timeIntervalSince(state.now).rounded(.up)))
        let text = s.calling(call.label, seconds)
        let width = DisplayWidth.of(text) + DisplayWidth.of(s.cancelHint) + 8
        let inner = centredBox(&canvas, width: width, height: 3, title: "", style: Style(.attention, bold: true))
        canvas.fill(inner, style: Style(.attention, inverse: true, bold: true))
        canvas.write(runs: [(" " + text + "   ", Style(.attention, inverse: true, bold: true)),
                            (s.cancelHint, Style(.attention, inverse: true))],
                     x: inner.x, y: inner.y, clip: inner)
    }

    static func dispatchPicker(_ canvas: inout Canvas, _ state: WallState, _ picker: DispatchPicker) {
        let s = state.strings
        let people = state.candidates(for: picker)
        let grid = state.overview.grids.indices.contains(picker.gridIndex) ? state.overview.grids[picker.gridIndex] : nil
        let ticket = state.overview.openTickets.first { $0.id == picker.ticketID }?.ticket
        let inner = centredBox(&canvas, width: 64, height: people.count + 7, title: s.dispatchTitle(picker.ticketID), style: Style(.key, bold: true))
        guard let grid else { return }
        canvas.write(Columns.truncate(ticket?.title ?? "", to: inner.width - 2), x: inner.x + 1, y: inner.y, clip: inner, style: Style(.normal, bold: true))
        canvas.write(runs: [("◀ ", Style(.key, bold: true)), (grid.grid.name + " " + grid.grid.code, Style(.title, bold: true)),
                            (" ▶", Style(.key, bold: true))], x: inner.x + 1, y: inner.y + 1, clip: inner)
        var rows: [(String, Style)] = [("  " + s.gridOnly, Style(.normal))]
        for candidate in people {
            let person = candidate.staff
            let line = (candidate.suggested ? "★ " : "  ") + Columns.pad(person.name, to: 8) + " " + Columns.pad(s.role(person.role), to: 16)
                + " " + Columns.pad(s.duty(person.duty), to: 6) + " " + s.load(candidate.load)
            rows.append((line, person.duty.isWorking ? Style(.normal) : Style(.muted)))
        }
        for (i, row) in rows.enumerated() {
            let y = inner.y + 3 + i
            canvas.write(row.0, x: inner.x + 1, y: y, clip: inner, style: row.1)
            if i == picker.cursor { canvas.cursorRow(y, in: inner) }
        }
        canvas.write(s.pickerHint, x: inner.x + 1, y: inner.maxY - 1, clip: inner, style: Style(.muted))
    }

    static func callInPicker(_ canvas: inout Canvas, _ state: WallState, _ picker: CallInPicker) {
        let j = state.language.jointStrings
        let options = state.callInOptions(for: picker.ticketID)
        let ticket = state.overview.openTickets.first { $0.id == picker.ticketID }?.ticket
        let inner = centredBox(&canvas, width: 72, height: min(options.count, 14) + 5, title: j.pickerTitle(picker.ticketID), style: Style(.key, bold: true))
        canvas.write(Columns.truncate(ticket?.title ?? "", to: inner.width - 2), x: inner.x + 1, y: inner.y, clip: inner, style: Style(.normal, bold: true))
        let list = Rect(x: inner.x + 1, y: inner.y + 2, width: max(0, inner.width - 2), height: max(0, inner.height - 3))
        let window = ListWindow(total: options.count, height: list.height, cursor: picker.cursor)
        for (row, index) in window.rows.enumerated() {
            let option = options[index]
            let r = option.responder
            let tick = option.pending ? "[-]" : picker.chosen.contains(r.id) ? "[x]" : "[ ]"
            let line = (option.suggested ? "★" : " ") + tick + " " + Columns.pad(Columns.truncate(r.name, to: 24), to: 24) + " "
                + Columns.pad(j.kind(r.kind), to: 10) + " " + Columns.pad(j.department(r.departmentCode, in: state.overview), to: 12)
                + (option.pending ? " " + j.alreadyCalled : "")
            let y = list.y + row
            canvas.write(line, x: list.x, y: y, clip: list, style: option.pending ? Style(.muted) : Style(.normal))
            if index == picker.cursor { canvas.cursorRow(y, in: list) }
        }
        window.drawMore(&canvas, in: list, strings: state.strings)
        canvas.write(j.pickerHint, x: inner.x + 1, y: inner.maxY - 1, clip: inner, style: Style(.muted))
    }

    static func reason(_ canvas: inout Canvas, _ state: WallState, _ input: ReasonInput) {
        let s = state.strings
        let title = input.resolvingAs == nil ? s.cancelTitle(input.ticketID) : s.resolveTitle(input.ticketID)
        let inner = centredBox(&canvas, width: 66, height: 5, title: title, style: Style(.attention, bold: true))
        canvas.write("> " + input.text + canvas.glyphs[.thinBar], x: inner.x + 1, y: inner.y, clip: inner, style: Style(.normal, bold: true))
        canvas.write(s.reasonHint, x: inner.x + 1, y: inner.maxY - 1, clip: inner, style: Style(.muted))
    }
}
