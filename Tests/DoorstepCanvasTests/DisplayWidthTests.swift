import Foundation
import Testing
import DoorstepDomain

@testable import DoorstepCanvas

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII takes one column a character")
    func ascii() {
        #expect(DisplayWidth.of("Doorstep 1+1+2+N") == 16)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("CJK ideographs, kana, hangul and fullwidth forms take two columns")
    func wide() {
        #expect(DisplayWidth.of("网格") == 4)
        #expect(DisplayWidth.of("家门口 Doorstep") == 15)
        #expect(DisplayWidth.of("カタカナ") == 8)
        #expect(DisplayWidth.of("ひらがな") == 8)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ＡＢＣ１") == 8)   // fullwidth forms
        #expect(DisplayWidth.of("\u{FF0C}。") == 4)       // fullwidth and ideographic punctuation
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)       // halfwidth katakana
        #expect(DisplayWidth.of("𠀀") == 2)          // plane 2
    }

    @Test("combining marks and zero-width characters take no column")
    func zero() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Cafe\u{301}") == 4)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)  // conjoining jamo: one syllable
    }

    @Test("emoji: presentation, selectors, ZWJ sequences and flags")
    func emoji() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)         // ZWJ sequence is one cluster
        #expect(DisplayWidth.of("🇨🇳") == 2)            // regional-indicator pair
        #expect(DisplayWidth.of("☺\u{FE0F}") == 2)     // emoji presentation selector widens
        #expect(DisplayWidth.of("⌚\u{FE0E}") == 1)     // text presentation selector narrows
        #expect(DisplayWidth.of("👍🏽") == 2)            // skin-tone modifier
    }

    @Test("a scalar measured as a cluster of its own never joins a neighbour")
    func standingAlone() {
        // the string measure adds up such scalars without finding clusters: two of them side
        // by side must be two clusters, so the sum is the clusters' widths
        let neighbours: [Unicode.Scalar] = ["x", " ", "中", "。", "가", "─", "●", "…", "Ａ"]
        var checked = 0
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value), DisplayWidth.standsAlone(scalar), value != 0x0D, value != 0x0A else { continue }
            for neighbour in neighbours + [scalar] {
                #expect("\(scalar)\(neighbour)".count == 2, "U+\(String(value, radix: 16)) and U+\(String(neighbour.value, radix: 16))")
                #expect("\(neighbour)\(scalar)".count == 2, "U+\(String(neighbour.value, radix: 16)) and U+\(String(value, radix: 16))")
            }
            checked += 1
        }
        #expect(checked > 40_000)
    }

    @Test("a string measures the same as the sum of its clusters, in mixed scripts and marks")
    func stringIsSumOfClusters() {
        let pool = Array("aZ9 -·…●▲─│┌网格江滨ひカ한ＡｶﾀÉ\u{301}\u{200D}\u{FE0F}\u{FE0E}😀👍🏽🇨🇳⌚\u{1100}\u{1161}\u{11A8}\u{3099}\u{302A}\u{0E33}\u{0915}\u{093F}".unicodeScalars)
        var random = SeededRandom(seed: 0x5eed)  // the same strings every run
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...12, using: &random)
            var text = String.UnicodeScalarView()
            for _ in 0..<length { text.append(pool.randomElement(using: &random) ?? "a") }
            let string = String(text)
            #expect(DisplayWidth.of(string) == string.reduce(0) { $0 + DisplayWidth.of($1) }, "\(string.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("ambiguous-width characters take one column")
    func ambiguous() {
        #expect(DisplayWidth.of("●▲■") == 3)
        #expect(DisplayWidth.of("…") == 1)
    }

    @Test("controls take no column")
    func controls() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x1B)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x9B)!) == 0)
    }

    /// Lines copied from Unicode 15.0's EastAsianWidth.txt, used when the file itself is not
    /// installed (Debian's unicode-data puts it in /usr/share/unicode).
    static let sample = """
        0041..005A;Na    # Lu    [26] LATIN CAPITAL LETTER A..LATIN CAPITAL LETTER Z
        00A1;A           # Po         INVERTED EXCLAMATION MARK
        1100..115F;W     # Lo    [96] HANGUL CHOSEONG KIYEOK..HANGUL CHOSEONG FILLER
        2E80..2E99;W     # So    [26] CJK RADICAL REPEAT..CJK RADICAL RAP
        3041..3096;W     # Lo    [86] HIRAGANA LETTER SMALL A..HIRAGANA LETTER SMALL KE
        4E00..9FFF;W     # Lo [20992] CJK UNIFIED IDEOGRAPH-4E00..CJK UNIFIED IDEOGRAPH-9FFF
        AC00..D7A3;W     # Lo [11172] HANGUL SYLLABLE GA..HANGUL SYLLABLE HIH
        FF01..FF03;F     # Po     [3] FULLWIDTH EXCLAMATION MARK..FULLWIDTH NUMBER SIGN
        FF61;H           # Po         HALFWIDTH IDEOGRAPHIC FULL STOP
        FFE8;H           # Sm         HALFWIDTH FORMS LIGHT VERTICAL
        1F300..1F320;W   # So    [33] CYCLONE..SHOOTING STAR
        20000..2A6DF;W   # Lo [42720] CJK UNIFIED IDEOGRAPH-20000..CJK UNIFIED IDEOGRAPH-2A6DF
        """

    @Test("the generated table agrees with EastAsianWidth.txt")
    func agreesWithUnicode() throws {
        let path = "/usr/share/unicode/EastAsianWidth.txt"
        // CI installs unicode-data: there the whole file is checked or the test fails; elsewhere
        // a missing file falls back to the sample, and says so
        let text: String
        if let whole = try? String(contentsOfFile: path, encoding: .utf8) {
            text = whole
        } else {
            try #require(ProcessInfo.processInfo.environment["CI"] == nil, "\(path) is missing in CI (install unicode-data)")
            text = Self.sample
        }
        var checked = 0
        for raw in text.split(separator: "\n") {
            let line = raw.split(separator: "#", maxSplits: 1).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !line.isEmpty else { continue }
            let fields = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let bounds = fields[0].components(separatedBy: "..").compactMap { UInt32($0, radix: 16) }
            guard let first = bounds.first, let last = bounds.last else { continue }
            for value in Set([first, (first + last) / 2, last]) {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let width = DisplayWidth.of(scalar)
                if width == 0 { continue }  // marks, format and control characters are zero whatever their EAW
                switch fields[1] {
                case "W", "F": #expect(width == 2, "U+\(String(value, radix: 16, uppercase: true)) is \(fields[1])")
                case "Na", "H": #expect(width == 1, "U+\(String(value, radix: 16, uppercase: true)) is \(fields[1])")
                default: break
                }
                checked += 1
            }
        }
        #expect(checked > 20)
        #expect(DisplayWidth.unicodeVersion == "15.0.0")
    }
}
