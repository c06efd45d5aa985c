import DoorstepCanvas
import DoorstepDomain
import Testing

@testable import DoorstepScreen

@Suite("Wall screen snapshots")
struct WallSnapshotTests {
    @Test("the whole wall at 200×60, in Chinese")
    func wall200x60() throws {
        let canvas = WallView.render(try Fixtures.demoState(Size(width: 200, height: 60)))
        try assertSnapshot(canvas.text, named: "wall-200x60-zh")
        #expect(misalignedRow(canvas) == nil)
        // every grid's name is on the screen at this size
        let state = try Fixtures.demoState(Size(width: 200, height: 60))
        for summary in state.overview.grids { #expect(canvas.text.contains(summary.grid.name)) }
    }

    @Test("the whole wall at 200×60 in English: every tile's reason whole, or ending in …")
    func wall200x60English() throws {
        let state = try Fixtures.demoState(Size(width: 200, height: 60), language: .en)
        let canvas = WallView.render(state)
        try assertSnapshot(canvas.text, named: "wall-200x60-en")
        #expect(misalignedRow(canvas) == nil)
        for words in ["BG03 staff gap", "BG06 hazard 1", "JB03 overdue 1"] { #expect(canvas.text.contains(words)) }
        // each tile's second line is its code and a reason the strings table gives whole
        let reasons = state.overview.grids.compactMap { summary in summary.assessment.reasons.first.map { WallView.reasonText($0, state.strings) } }
        #expect(!reasons.isEmpty)
        for reason in reasons { #expect(canvas.text.contains(reason) || canvas.text.contains("…"), "\(reason) cut without a mark") }
    }

    @Test("the whole wall at 80×24, compacted, in English")
    func wall80x24() throws {
        let canvas = WallView.render(try Fixtures.demoState(Size(width: 80, height: 24), language: .en))
        try assertSnapshot(canvas.text, named: "wall-80x24-en")
        #expect(misalignedRow(canvas) == nil)
        for title in ["All grids", "江滨一网格 · On duty", "Open tickets", "q quit"] { #expect(canvas.text.contains(title)) }
    }

    @Test("the whole wall at 80×24 in Chinese keeps every border aligned")
    func wall80x24zh() throws {
        let canvas = WallView.render(try Fixtures.demoState(Size(width: 80, height: 24)))
        try assertSnapshot(canvas.text, named: "wall-80x24-zh")
        #expect(misalignedRow(canvas) == nil)
    }

    @Test("below the minimum size the screen says so instead of drawing a broken layout")
    func tooSmall() throws {
        let zh = WallView.render(try Fixtures.demoState(Size(width: 60, height: 20)))
        try assertSnapshot(zh.text, named: "too-small-60x20-zh")
        #expect(zh.text.contains("终端太小:需要 80×24,当前 60×20"))
        let en = WallView.render(try Fixtures.demoState(Size(width: 30, height: 8), language: .en))
        try assertSnapshot(en.text, named: "too-small-30x8-en")
        #expect(en.text.contains("terminal too small"))
        #expect(!en.text.contains("┌"))
    }

    @Test("odd sizes between the named ones keep every row exactly wide")
    func oddSizes() throws {
        for (width, height) in [(81, 25), (97, 31), (133, 41), (159, 47), (161, 50), (239, 70)] {
            let canvas = WallView.render(try Fixtures.demoState(Size(width: width, height: height)))
            #expect(misalignedRow(canvas) == nil, "\(width)×\(height)")
            #expect(canvas.text.contains("全部网格"), "\(width)×\(height)")
        }
    }

    @Test("the selected tile is drawn in the selection style")
    func selection() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.right))
        let canvas = WallView.render(state)
        let name = state.overview.grids[1].grid.name
        let first = try #require(name.first.map(String.init))
        let cell = (0..<60).lazy.flatMap { y in (0..<200).map { x in canvas[x, y] } }.first { $0.text == first && $0.style.role == .selected }
        #expect(cell?.style.inverse == true)
        #expect(canvas.cells.filter { $0.style.role == .selected }.count == 17 * 2)
    }
}
