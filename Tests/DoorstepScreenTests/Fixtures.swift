import DoorstepCanvas
import DoorstepDomain
import DoorstepSeeds
import Foundation
import Testing

@testable import DoorstepScreen

/// A fixed instant (Monday 2026-11-30 10:00 UTC) and a UTC calendar, so screens are the same
/// on every machine.
enum Fixtures {
    /// The cells (column, row) where two frames of one size differ.
    /// The text of `width` columns of row `row` from column `x` (a wide glyph's second column adds nothing).
    static func columns(_ canvas: Canvas, row: Int, from x: Int, width: Int) -> String {
        (x..<(x + width)).map { canvas[$0, row] }.filter { !$0.isContinuation }.map(\.text).joined()
    }

    static func cellsChanged(from old: Canvas, to new: Canvas) -> [(x: Int, y: Int)] {
        (0..<new.size.height).flatMap { y in (0..<new.size.width).filter { old[$0, y] != new[$0, y] }.map { (x: $0, y: y) } }
    }

    static let now = Date(timeIntervalSince1970: 1_796_032_800)

    static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }

    /// The demo at 200×60 with a call to someone of the selected grid (JB01), placed `placedAgo`
    /// seconds before `now` and in `state` since `sinceAgo` seconds before it: its age ticks in
    /// the staff pane.
    static func demoStateWithCall(_ state: Call.State, placedAgo: TimeInterval, sinceAgo: TimeInterval) throws -> WallState {
        var data = try DataSet.load(from: .embeddedDemo, now: now)
        let person = try #require(data.staff.first { $0.gridCode == "JB01" })
        data.calls.append(Call(id: "C1", staffID: person.id, gridCode: "JB01", placedBy: "op", placedAt: now.addingTimeInterval(-placedAgo),
                               state: state, stateSince: now.addingTimeInterval(-sinceAgo)))
        return WallState(overview: Overview(data: data, now: now, calendar: calendar), language: .zh, now: now,
                         timeZone: calendar.timeZone, size: Size(width: 200, height: 60))
    }

    static func demoState(_ size: Size, language: Language = .zh) throws -> WallState {
        let data = try DataSet.load(from: .embeddedDemo, now: now)
        return WallState(overview: withTrends(Overview(data: data, now: now, calendar: calendar), data), language: language, now: now,
                         timeZone: calendar.timeZone, size: size)
    }

    /// `overview` with the 民情气象站 counted from `data`'s tickets, as the engine counts them.
    static func withTrends(_ overview: Overview, _ data: CentreData) -> Overview {
        var overview = overview
        let communities = Dictionary(data.grids.map { ($0.code, $0.communityCode) }, uniquingKeysWith: { first, _ in first })
        overview.trends = ConcernTrends(orders: data.tickets.map(OrderFacts.init), communityOfGrid: communities, now: now, calendar: calendar)
        return overview
    }
}

/// Compares `text` with the snapshot file `name` under Tests/DoorstepScreenTests/Snapshots.
/// With DOORSTEP_RECORD_SNAPSHOTS=1 in the environment, writes the file when it differs and
/// records an issue either way, so a recording run never passes (read the diff by eye, then run
/// again without the variable).
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    let recorded = (try? String(contentsOf: url, encoding: .utf8)).map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
    if ProcessInfo.processInfo.environment["DOORSTEP_RECORD_SNAPSHOTS"] == "1" {
        if recorded != text { try (text + "\n").write(to: url, atomically: true, encoding: .utf8) }
        let what = recorded == text ? "unchanged" : "recorded anew"
        Issue.record(
            "snapshot \(name) \(what): a recording run never passes; read the diff, then run without DOORSTEP_RECORD_SNAPSHOTS",
            sourceLocation: sourceLocation)
        return
    }
    guard let expected = recorded else {
        Issue.record("snapshot \(name) is missing; record it with DOORSTEP_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(
        text == expected, "snapshot \(name) differs; record with DOORSTEP_RECORD_SNAPSHOTS=1",
        sourceLocation: sourceLocation)
}

/// The first row of `canvas` whose cells do not add up to exactly its width (the property
/// that keeps borders aligned), described; nil when every row is exact.
func misalignedRow(_ canvas: Canvas) -> String? {
    for y in 0..<canvas.size.height {
        let cells = (0..<canvas.size.width).reduce(0) { sum, x in sum + (canvas[x, y].isContinuation ? 0 : Int(canvas[x, y].width)) }
        let measured = DisplayWidth.of(canvas.line(y))
        if cells != canvas.size.width || measured != canvas.size.width {
            return "row \(y): cells \(cells), measured \(measured), want \(canvas.size.width): \(canvas.line(y))"
        }
    }
    return nil
}
