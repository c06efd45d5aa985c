import Foundation
import DoorstepCanvas
import DoorstepDomain

/// The wall screen as a pure function: state in, canvas out.
public enum WallView {
    public static func render(_ state: WallState) -> Canvas {
        var canvas = Canvas(size: state.size, glyphs: state.glyphs)
        guard let layout = WallLayout(size: state.size) else {
            drawTooSmall(&canvas, state)
            return canvas
        }
        HeaderView.draw(&canvas, state, in: layout.header)
        GridsPane.draw(&canvas, state, in: layout.grids)
        StaffPane.draw(&canvas, state, in: layout.staff)
        if let trends = layout.trends { TrendsView.drawPane(&canvas, state, in: trends) }
        TicketsPane.draw(&canvas, state, in: layout.tickets)
        EventsPane.draw(&canvas, state, in: layout.events)
        if let page = state.page {
            DetailViews.draw(&canvas, state, page, in: Rect(x: 0, y: layout.header.maxY, width: state.size.width, height: layout.footer.y - layout.header.maxY))
        }
        FooterView.draw(&canvas, state, in: layout.footer)
        if let call = state.pendingCall { Overlays.callBanner(&canvas, state, call) }
        if let picker = state.picker { Overlays.dispatchPicker(&canvas, state, picker) }
        if let input = state.reasonInput { Overlays.reason(&canvas, state, input) }
        if let picker = state.callInPicker { Overlays.callInPicker(&canvas, state, picker) }
        if state.showHelp { Overlays.help(&canvas, state) }
        return canvas
    }

    /// The next second's frame when only the clock moves: `frame` (the last frame, drawn for
    /// the same state at `before`) with the header's clock row drawn again, and each pane with rows that
    /// move with the clock (a call's age, a ticket's countdown) drawn again when one moved. Nil
    /// when something else could move (a call ringing, an overlay, a page, a notice): then the
    /// whole wall is rendered, and `frame` is left as it was. Returns the areas drawn again (a
    /// terminal need compare only those); a ticket row is drawn again only when its countdown
    /// or colour moved.
    public static func renderClockTick(_ state: WallState, from before: Date, onto frame: inout Canvas) -> [Rect]? {
        guard frame.size == state.size, let layout = WallLayout(size: state.size), state.page == nil, state.pendingCall == nil,
              state.picker == nil, state.reasonInput == nil, state.callInPicker == nil, !state.showHelp, state.notice == nil,
              !state.overview.calls.contains(where: { $0.call.state == .ringing })
        else { return nil }
        var areas: [Rect] = []
        let header = layout.header
        HeaderView.drawClockRow(&frame, state, in: header, before: before)
        areas.append(header.rows(header.y..<(header.y + 1)))
        if StaffPane.movesWithClock(state, from: before, in: layout.staff) {
            frame.fill(layout.staff, style: Style(.normal))
            StaffPane.draw(&frame, state, in: layout.staff)
            areas.append(layout.staff)
        }
        areas += TicketsPane.drawClock(&frame, state, from: before, in: layout.tickets).map(layout.tickets.rows)
        return areas
    }

    /// "terminal too small: need W×H, have w×h", centred and wrapped to what there is.
    static func drawTooSmall(_ canvas: inout Canvas, _ state: WallState) {
        let minimum = WallLayout.minimum
        let message = state.strings.tooSmall(minimum.width, minimum.height, state.size.width, state.size.height)
        let lines = Columns.wrap(message, to: state.size.width)
        let top = max(0, (state.size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (state.size.width - DisplayWidth.of(line)) / 2)
            canvas.write(line, x: x, y: top + i, style: Style(.alarm, bold: true))
        }
    }

    /// The role a grid status is drawn in.
    static func role(for status: GridStatus) -> Role {
        switch status {
        case .normal: return .ok
        case .attention: return .attention
        case .alarm: return .alarm
        }
    }

    /// A glyph per status, so the wall reads without colour.
    static func mark(for status: GridStatus, _ glyphs: Glyphs) -> String {
        switch status {
        case .normal: return glyphs[.okMark]
        case .attention: return glyphs[.attentionMark]
        case .alarm: return glyphs[.alarmMark]
        }
    }

    /// The short words for the most severe reason a grid is not normal.
    static func reasonText(_ reason: StatusReason, _ strings: UIStrings) -> String {
        switch reason {
        case .overdueTickets(let n): return strings.reasonOverdue(n)
        case .nobodyOnDuty: return strings.reasonNobodyOnDuty
        case .unansweredCalls(let n): return strings.reasonUnansweredCalls(n)
        case .severeHazards(let n): return strings.reasonSevereHazards(n)
        case .mustVisitsBehind(let done, let due): return strings.reasonVisitsBehind(done, due)
        case .nearDeadline(let n): return strings.reasonNearDeadline(n)
        case .staffingIncomplete: return strings.reasonStaffing
        case .partyBranchVacant: return strings.reasonPartyVacant
        case .callInsLate(let n): return strings.reasonCallInsLate(n)
        case .partiesNotAnswering(let n): return strings.reasonPartiesNotAnswering(n)
        case .careMissed(let n): return strings.reasonCareMissed(n)
        case .fourClearsBehind(let clear, let total): return strings.reasonFourClears(clear, total)
        }
    }
}
