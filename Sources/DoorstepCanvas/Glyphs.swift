/// How a terminal draws Unicode's East Asian "ambiguous" characters (模糊宽度字符): the box lines,
/// status marks, arrows and the middle dot among them. Terminals set for CJK fonts (PuTTY's and
/// Xshell's CJK option, xterm `-cjk_width`, "ambiguous characters are double-width") draw them
/// two columns wide, while ncurses counts them as one.
public enum AmbiguousWidth: String, Sendable, CaseIterable {
    case narrow
    case wide
}

/// The glyphs the wall draws, in a set whose every character takes on the terminal the columns
/// the canvas counts for it. The narrow set draws Unicode as it is. The wide set sends no
/// ambiguous character: each becomes a one-column stand-in (so every width measured before
/// stays true), and the box lines stay in the canvas for the terminal backend to send through
/// the terminal's line-drawing set (ACS), which terminals draw one column wide whatever their
/// CJK setting.
public struct Glyphs: Sendable, Hashable {
    /// The symbols the screen asks for by name.
    public enum Symbol: Sendable {
        /// A grid in order, in attention, in alarm (readable without colour).
        case okMark, attentionMark, alarmMark
        /// The bar before a community's heading.
        case heavyBar
        /// A text cursor.
        case thinBar
        /// More rows below, more rows above.
        case moreBelow, moreAbove
        /// Text cut short.
        case ellipsis
    }

    public let ambiguous: AmbiguousWidth

    public static let narrow = Glyphs(ambiguous: .narrow)
    public static let wide = Glyphs(ambiguous: .wide)

    public init(ambiguous: AmbiguousWidth) { self.ambiguous = ambiguous }

    public subscript(_ symbol: Symbol) -> String {
        switch (symbol, ambiguous) {
        case (.okMark, .narrow): return "●"
        case (.okMark, .wide): return "o"
        case (.attentionMark, .narrow): return "▲"
        case (.attentionMark, .wide): return "!"
        case (.alarmMark, .narrow): return "■"
        case (.alarmMark, .wide): return "X"
        case (.heavyBar, .narrow): return "▌"
        case (.heavyBar, .wide): return "|"
        case (.thinBar, .narrow): return "▏"
        case (.thinBar, .wide): return "_"
        case (.moreBelow, .narrow): return "▼"
        case (.moreBelow, .wide): return "v"
        case (.moreAbove, .narrow): return "▲"
        case (.moreAbove, .wide): return "^"
        case (.ellipsis, .narrow): return "…"
        case (.ellipsis, .wide): return "~"
        }
    }

    /// `character` as this set draws it: itself, or in the wide set, for an ambiguous character
    /// other than a box line, a one-column stand-in.
    public func drawable(_ character: Character) -> Character {
        guard ambiguous == .wide, let first = character.unicodeScalars.first, Self.needsStandIn(first) else { return character }
        return Self.standIns[first.value] ?? Self.standIn(forBox: first.value)
    }

    /// Whether `text` reaches the terminal as it is in this set.
    public func drawsAsIs(_ text: String) -> Bool {
        ambiguous == .narrow || !text.unicodeScalars.contains(where: Self.needsStandIn)
    }

    /// Whether the wide set sends something else for `scalar`: an ambiguous character that is
    /// not one of the line-drawing set's box lines.
    static func needsStandIn(_ scalar: Unicode.Scalar) -> Bool {
        DisplayWidth.isAmbiguous(scalar) && !lineDrawing.contains(scalar.value)
    }

    /// The box lines the terminal's line-drawing set has (─│┌┐└┘├┤┬┴┼), by the character that
    /// selects each in it (the VT100 graphics set's letters, as ncurses' `ACS_` names them).
    public static let lineDrawingLetters: [UInt32: UInt8] = [
        0x2500: UInt8(ascii: "q"), 0x2502: UInt8(ascii: "x"), 0x250C: UInt8(ascii: "l"), 0x2510: UInt8(ascii: "k"),
        0x2514: UInt8(ascii: "m"), 0x2518: UInt8(ascii: "j"), 0x251C: UInt8(ascii: "t"), 0x2524: UInt8(ascii: "u"),
        0x252C: UInt8(ascii: "w"), 0x2534: UInt8(ascii: "v"), 0x253C: UInt8(ascii: "n"),
    ]
    static let lineDrawing = Set(lineDrawingLetters.keys)

    /// One-column stand-ins for the ambiguous characters the wall and people's text use most.
    static let standIns: [UInt32: Character] = [
        0x00B7: "-", 0x2027: "-", 0x2022: "*", 0x2026: "~", 0x2025: ":",  // · ‧ • … ‥
        0x2018: "'", 0x2019: "'", 0x201C: "\"", 0x201D: "\"",  // ‘ ’ “ ”
        0x2013: "-", 0x2014: "-", 0x2015: "-", 0x00D7: "x", 0x00F7: "/", 0x00B1: "+", 0x00B0: "o",  // – — ― × ÷ ± °
        0x2190: "<", 0x2191: "^", 0x2192: ">", 0x2193: "v", 0x2194: "-", 0x21D2: ">",  // arrows
        0x2264: "<", 0x2265: ">",  // ≤ ≥ (a narrower claim, but not a "?")
        0x25CF: "o", 0x25CB: "o", 0x25CE: "o", 0x2299: "o",  // ● ○ ◎ ⊙
        0x25A0: "#", 0x25A1: "#", 0x25C6: "*", 0x25C7: "*", 0x2605: "*", 0x2606: "*", 0x203B: "*",  // ■ □ ◆ ◇ ★ ☆ ※
        0x25B2: "^", 0x25B3: "^", 0x25BC: "v", 0x25BD: "v", 0x25B6: ">", 0x25C0: "<",  // ▲ △ ▼ ▽ ▶ ◀
        0x258C: "|", 0x258F: "|", 0x2588: "#", 0x2591: "#", 0x2592: "#", 0x2593: "#",  // ▌ ▏ █ ░ ▒ ▓
        0x260E: "T", 0x2116: "#", 0x00A7: "S", 0x2030: "%", 0x2103: "C",  // ☎ № § ‰ ℃
        0x2460: "1", 0x2461: "2", 0x2462: "3", 0x2463: "4", 0x2464: "5", 0x2465: "6", 0x2466: "7", 0x2467: "8", 0x2468: "9",
    ]

    /// Any other box line or block: a corner-like "+"; anything else ambiguous: "?".
    static func standIn(forBox value: UInt32) -> Character {
        switch value {
        case 0x2500...0x257F: return "+"
        case 0x2580...0x259F: return "#"
        default: return "?"
        }
    }
}
