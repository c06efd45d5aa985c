import Testing

@testable import DoorstepCanvas

@Suite("Canvas")
struct CanvasTests {
    @Test("runs cut at the clip's edge end in an ellipsis; runs that fit are written whole")
    func runsWithEllipsis() {
        var canvas = Canvas(size: Size(width: 12, height: 2))
        let clip = Rect(x: 0, y: 0, width: 10, height: 2)
        canvas.write(runs: [("09:30 ", Style(.muted)), ("派单 T00012", Style(.normal))], x: 0, y: 0, clip: clip, ellipsis: "…")
        #expect(canvas.line(0) == "09:30 派…   ")  // (单 would pass the edge with the ellipsis)
        canvas.write(runs: [("09:30 ", Style(.muted)), ("ok", Style(.normal))], x: 0, y: 1, clip: clip, ellipsis: "…")
        #expect(canvas.line(1) == "09:30 ok    ")
    }

    @Test("a pane with a mixed Chinese and ASCII title, clipped at odd widths")
    func mixedTitleAtOddWidths() {
        var canvas = Canvas(size: Size(width: 15, height: 3))
        canvas.box(Rect(x: 0, y: 0, width: 15, height: 3), title: "网格 Grid 状态")
        canvas.write("江滨一网格 JB01", x: 1, y: 1, clip: Rect(x: 1, y: 1, width: 13, height: 1), style: .normal)
        #expect(canvas.text == """
            ┌─ 网格 Gri… ─┐
            │江滨一网格 JB│
            └─────────────┘
            """)
        var odd = Canvas(size: Size(width: 12, height: 3))
        odd.box(Rect(x: 0, y: 0, width: 12, height: 3), title: "全部网格")
        odd.write("江滨一网格", x: 1, y: 1, clip: Rect(x: 1, y: 1, width: 9, height: 1), style: .normal)
        #expect(odd.text == """
            ┌─ 全部… ──┐
            │江滨一网  │
            └──────────┘
            """)
    }

    @Test("boxes partly off the canvas, or too small for a line, are clipped to it; the wide set draws its own corners")
    func boxesAtTheEdges() {
        var canvas = Canvas(size: Size(width: 8, height: 4))
        canvas.box(Rect(x: -3, y: -1, width: 6, height: 3))  // off the top left
        canvas.box(Rect(x: 5, y: 2, width: 6, height: 4))  // off the bottom right
        canvas.box(Rect(x: 3, y: 0, width: 2, height: 2))  // corners only
        canvas.box(Rect(x: -9, y: 3, width: 4, height: 2))  // wholly outside
        #expect(canvas.text == """
              │┌┐
            ──┘└┘
                 ┌──
                 │
            """)
        var wide = Canvas(size: Size(width: 4, height: 2), glyphs: Glyphs(ambiguous: .wide))
        wide.box(Rect(x: 0, y: 0, width: 4, height: 2))
        #expect(wide.line(0).count == 4 && wide.line(1).count == 4)
        // the box's glyphs are placed as one-column cells: each is one column in either set
        for glyphs in [Glyphs(ambiguous: .narrow), Glyphs(ambiguous: .wide)] {
            for character: Character in ["┌", "─", "┐", "│", "└", "┘"] { #expect(DisplayWidth.of(glyphs.drawable(character)) == 1) }
        }
    }

    @Test("a wide glyph at a pane's last column becomes a space, never half a glyph")
    func wideGlyphAtLastColumn() {
        var canvas = Canvas(size: Size(width: 7, height: 1))
        let end = canvas.write("ab网格", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 5, height: 1), style: .normal)
        canvas.write("|", x: 5, y: 0, style: .normal)
        #expect(canvas.line(0) == "ab网 | ")
        #expect(end == 6)
        #expect(canvas[4, 0].text == " ")
        #expect(!canvas[4, 0].isContinuation)
    }

    @Test("a wide glyph at the canvas's last column is not written")
    func wideGlyphAtCanvasEdge() {
        var canvas = Canvas(size: Size(width: 3, height: 1))
        canvas.write("a网格", x: 0, y: 0, style: .normal)
        #expect(canvas.line(0) == "a网")
        #expect(canvas[2, 0].isContinuation)
    }

    @Test("overwriting half of a wide glyph blanks the other half")
    func overwriteHalf() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.write("网格社", x: 0, y: 0, style: .normal)
        canvas.write("x", x: 1, y: 0, style: .normal)  // trailing half of 网
        canvas.write("y", x: 2, y: 0, style: .normal)  // leading half of 格
        #expect(canvas.line(0) == " xy 社")
        #expect(canvas.cells.filter(\.isContinuation).count == 1)
    }

    @Test("text starting left of the clip keeps only what is inside")
    func leftClip() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.write("网格社区", x: -1, y: 0, clip: Rect(x: 0, y: 0, width: 6, height: 1), style: .normal)
        #expect(canvas.line(0) == " 格社 ")
    }

    @Test("combining marks join the cell before them")
    func combining() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.write("Cafe\u{301}!", x: 0, y: 0, style: .normal)
        #expect(canvas[3, 0].text == "e\u{301}")
        #expect(canvas.line(0) == "Cafe\u{301}!")
    }

    @Test("escape sequences and controls in stored text never reach the canvas")
    func sanitised() {
        var canvas = Canvas(size: Size(width: 20, height: 1))
        canvas.write("张\u{1B}[2J\u{1B}]0;pwned\u{07}三\r\n\u{202E}x", x: 0, y: 0, style: .normal)
        #expect(canvas.line(0).trimmingCharacters(in: .whitespaces) == "张三  x")
        #expect(Sanitizer.clean("ok\u{1B}[31mred\u{1B}[0m") == "okred")
        #expect(Sanitizer.clean("a\u{9B}1;2Hb") == "ab")
        #expect(Sanitizer.clean("a\u{1B}P1$r\u{1B}\\b") == "ab")
    }

    @Test("invisible format characters go: zero-width space and joiners, direction marks, BOM, soft hyphen, tags, presentation selectors")
    func invisible() {
        #expect(Sanitizer.clean("零\u{200B}宽\u{200C}\u{200D}连\u{200E}\u{200F}向\u{FEFF}符\u{00AD}号\u{2060}\u{2066}x\u{2069}") == "零宽连向符号x")
        #expect(Sanitizer.clean("👨\u{200D}👩\u{200D}👧") == "👨👩👧")
        #expect(Sanitizer.clean("❤\u{FE0F} 1\u{FE0F}\u{20E3}") == "❤ 1\u{20E3}")
        #expect(Sanitizer.clean("🏴\u{E0067}\u{E0062}\u{E007F}") == "🏴")
        #expect(Sanitizer.clean("一\u{2028}二\u{2029}三") == "一 二 三")
        #expect(Sanitizer.clean("国旗🇨🇳!") == "国旗CN!")
        // what stays: marks that combine, ideographs outside the BMP, plain CJK and Latin
        #expect(Sanitizer.clean("e\u{301}\u{302} 𠀋𪚥 家门口 abc") == "e\u{301}\u{302} 𠀋𪚥 家门口 abc")
        // each emoji of a family drawn alone, two columns each
        var canvas = Canvas(size: Size(width: 10, height: 1))
        canvas.write("👨\u{200D}👩\u{200D}👧\u{200D}👦|", x: 0, y: 0, style: .normal)
        #expect(canvas[8, 0].text == "|")
    }

    @Test("writes outside the canvas or the clip change nothing")
    func outside() {
        var canvas = Canvas(size: Size(width: 4, height: 2))
        canvas.write("abcd", x: 0, y: 5, style: .normal)
        canvas.write("abcd", x: 0, y: 1, clip: Rect(x: 0, y: 0, width: 4, height: 1), style: .normal)
        #expect(canvas.text == "\n")
    }

    @Test("truncate and pad by columns")
    func truncateAndPad() {
        #expect(Columns.truncate("江滨一网格", to: 7) == "江滨一…")
        #expect(Columns.truncate("江滨一网格", to: 6) == "江滨…")
        #expect(Columns.truncate("江滨一网格", to: 10) == "江滨一网格")
        #expect(Columns.truncate("abc", to: 0) == "")
        #expect(Columns.pad("网格", to: 6) == "网格  ")
        #expect(Columns.pad("网格", to: 6, align: .right) == "  网格")
        #expect(Columns.pad("网格", to: 7, align: .centre) == " 网格  ")
        #expect(Columns.pad("江滨一网格", to: 5) == "江滨…")
        #expect(DisplayWidth.of(Columns.pad("江滨一网格", to: 5)) == 5)
    }

    @Test("wrap breaks at spaces, and anywhere in Chinese")
    func wrap() {
        #expect(Columns.wrap("terminal too small: need 80×24", to: 12) == ["terminal too", "small: need", "80×24"])
        #expect(Columns.wrap("终端太小需要更大", to: 5) == ["终端", "太小", "需要", "更大"])
    }
}

@Suite("Layout")
struct LayoutTests {
    @Test("fixed, percent and fill share a length")
    func split() {
        let rows = Layout.rows(Rect(x: 0, y: 0, width: 10, height: 60), [.fixed(2), .fill(1), .fixed(1)])
        #expect(rows.map(\.height) == [2, 57, 1])
        #expect(rows.map(\.y) == [0, 2, 59])
        let columns = Layout.columns(Rect(x: 5, y: 0, width: 101, height: 1), [.percent(50), .fill(1), .fill(1)])
        #expect(columns.map(\.width) == [50, 25, 26])
        #expect(columns.map(\.x) == [5, 55, 80])
    }

    @Test("parts that do not fit shrink from the end, never below zero")
    func overflow() {
        let parts = Layout.columns(Rect(x: 0, y: 0, width: 10, height: 1), [.fixed(8), .fixed(5), .fixed(3)])
        #expect(parts.map(\.width) == [8, 2, 0])
    }

    @Test("spacing is left between parts")
    func spacing() {
        let parts = Layout.columns(Rect(x: 0, y: 0, width: 11, height: 1), [.fill(1), .fill(1)], spacing: 1)
        #expect(parts.map(\.width) == [5, 5])
        #expect(parts.map(\.x) == [0, 6])
    }
}

@Suite("Glyph sets")
struct GlyphSetTests {
    @Test("the narrow set draws every character as it is")
    func narrow() {
        for text in ["·", "●", "─", "…", "α", "①"] { #expect(String(Glyphs.narrow.drawable(Character(text))) == text) }
    }

    @Test("the wide set has a one-column, unambiguous stand-in for every ambiguous character but the box lines")
    func everyAmbiguousCharacter() throws {
        var checked = 0
        for range in WidthTable.ambiguous {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let drawn = Glyphs.wide.drawable(Character(scalar))
                let keptForTheLineDrawingSet = Glyphs.lineDrawingLetters[value] != nil
                if keptForTheLineDrawingSet {
                    #expect(drawn == Character(scalar))
                    continue
                }
                checked += 1
                #expect(DisplayWidth.of(drawn) == DisplayWidth.of(Character(scalar)), "U+\(String(value, radix: 16))")
                let first = try #require(drawn.unicodeScalars.first)
                #expect(!DisplayWidth.isAmbiguous(first), "U+\(String(value, radix: 16)) → \(drawn)")
            }
        }
        #expect(checked > 800)
    }

    @Test("the symbols the screen asks for by name: Unicode in the narrow set, ASCII in the wide one")
    func symbols() {
        let names: [Glyphs.Symbol] = [.okMark, .attentionMark, .alarmMark, .heavyBar, .thinBar, .moreBelow, .moreAbove, .ellipsis]
        for name in names {
            #expect(Glyphs.wide[name].allSatisfy { $0.isASCII })
            #expect(DisplayWidth.of(Glyphs.wide[name]) == DisplayWidth.of(Glyphs.narrow[name]))
        }
        #expect(Glyphs.narrow[.alarmMark] == "■")
    }
}
