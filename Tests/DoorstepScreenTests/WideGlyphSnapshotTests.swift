import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

/// The wall in the glyph set for terminals that draw ambiguous characters wide: nothing on it
/// but box lines (which the backend sends through the line-drawing set) may be ambiguous.
@Suite("Wall snapshots in the wide glyph set")
struct WideGlyphSnapshotTests {
    func wide(_ size: Size, language: Language = .zh) throws -> WallState {
        var state = try Fixtures.demoState(size, language: language)
        state.glyphs = .wide
        return state
    }

    /// The first cell whose character a CJK terminal would draw wider than the canvas counts it.
    func ambiguousCell(_ canvas: Canvas) -> String? {
        for y in 0..<canvas.size.height {
            for x in 0..<canvas.size.width {
                let text = canvas[x, y].text
                if !Glyphs.wide.drawsAsIs(text) { return "(\(x), \(y)) \(text): \(canvas.line(y))" }
            }
        }
        return nil
    }

    @Test("the wall at 200×60 in Chinese and at 80×24 in English")
    func wall() throws {
        let zh = WallView.render(try wide(Size(width: 200, height: 60)))
        try assertSnapshot(zh.text, named: "wall-200x60-zh-wide")
        #expect(misalignedRow(zh) == nil)
        #expect(ambiguousCell(zh) == nil)
        #expect(zh.text.contains("│1 |江滨社区 - 9"))
        #expect(zh.text.contains(" o 江滨一网格") && zh.text.contains(" X 江滨三网格") && zh.text.contains(" ! 北固三网格"))
        let en = WallView.render(try wide(Size(width: 80, height: 24), language: .en))
        try assertSnapshot(en.text, named: "wall-80x24-en-wide")
        #expect(misalignedRow(en) == nil)
        #expect(ambiguousCell(en) == nil)
    }

    @Test("a grid's page and the help overlay")
    func pageAndOverlay() throws {
        var state = try wide(Size(width: 200, height: 60))
        state.update(.key(.character("2")))
        for _ in 0..<5 { state.update(.key(.right)) }
        state.update(.key(.enter))
        let page = WallView.render(state)
        try assertSnapshot(page.text, named: "grid-page-200x60-zh-wide")
        #expect(page.text.contains("北固六网格 BG06 - 北固社区 - X 重大隐患1"))
        #expect(misalignedRow(page) == nil)
        #expect(ambiguousCell(page) == nil)
        var help = try wide(Size(width: 120, height: 40))
        help.update(.key(.character("?")))
        let overlay = WallView.render(help)
        try assertSnapshot(overlay.text, named: "help-120x40-zh-wide")
        #expect(misalignedRow(overlay) == nil)
        #expect(ambiguousCell(overlay) == nil)
    }

    @Test("stored text with ambiguous characters keeps its width and reaches the screen in stand-ins")
    func storedText() throws {
        var canvas = Canvas(size: Size(width: 40, height: 1), glyphs: .wide)
        let name = "阿依古丽·买买提 ①※αЖ“好”…"
        let end = canvas.write(name, x: 0, y: 0, style: .normal)
        #expect(end == DisplayWidth.of(name))
        #expect(canvas.line(0).hasPrefix("阿依古丽-买买提 1*??\"好\"~"))
        #expect(ambiguousCell(canvas) == nil)
    }
}
