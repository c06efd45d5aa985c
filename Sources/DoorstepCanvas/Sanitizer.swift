/// Removes control characters and terminal escape sequences from text before it is drawn.
///
/// Every string that came from a file, a database or another process passes through here
/// (the canvas applies it to everything it writes), so stored text can never move the
/// cursor, change colours or retitle the operator's terminal.
public enum Sanitizer {
    /// `text` without C0/C1 controls, ESC-introduced sequences (CSI, OSC, DCS, …), DEL,
    /// bidirectional controls and the other invisible format characters (zero-width space and
    /// joiners, direction marks, the BOM, soft hyphen, tags: Unicode's Cf), and emoji
    /// variation selectors. Tabs, newlines and line or paragraph separators become a space;
    /// regional indicators (flags) their letters.
    ///
    /// (Terminals disagree about what a zero-width joiner makes of the emoji around it, and
    /// about the width of a character with VS16 after it; without them every terminal draws
    /// each emoji alone, two columns wide, as the width table says.)
    public static func clean(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(isPlain) { return text }
        var out = String.UnicodeScalarView()
        var state = State.text
        for scalar in text.unicodeScalars {
            switch state {
            case .text:
                if scalar == "\u{1B}" {
                    state = .escape
                } else if scalar == "\u{9B}" {
                    state = .csi
                } else if scalar == "\u{9D}" || scalar == "\u{90}" || scalar == "\u{9E}" || scalar == "\u{9F}" {
                    state = .string
                } else if scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out.append(" ")
                } else if (0x1F1E6...0x1F1FF).contains(scalar.value), let letter = Unicode.Scalar(scalar.value - 0x1F1E6 + 0x41) {
                    // a regional indicator (two make a flag): as its letter, since terminals
                    // draw them one column wide or two as they please ("🇨🇳" → "CN")
                    out.append(letter)
                } else if isPlain(scalar) {
                    out.append(scalar)
                }
            case .escape:
                switch scalar {
                case "[": state = .csi
                case "]", "P", "X", "^", "_": state = .string
                case " "..."/": state = .escapeIntermediate
                default: state = .text  // a two-byte sequence such as ESC c or ESC 7
                }
            case .escapeIntermediate:
                if !(" "..."/").contains(scalar) { state = .text }
            case .csi:
                // parameters and intermediates run until a final byte in @...~
                if ("@"..."~").contains(scalar) { state = .text }
            case .string:
                // OSC/DCS/… strings end at BEL, ST (ESC \) or C1 ST
                if scalar == "\u{07}" || scalar == "\u{9C}" {
                    state = .text
                } else if scalar == "\u{1B}" {
                    state = .stringEscape
                }
            case .stringEscape:
                state = scalar == "\\" ? .text : .string
            }
        }
        return String(out)
    }

    private enum State { case text, escape, escapeIntermediate, csi, string, stringEscape }

    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 }
        if v < 0xA0 { return false }
        if v < 0x00AD { return true }
        // (the format characters by range, not by property lookup: this runs on every scalar drawn)
        switch v {
        case 0x00AD,  // soft hyphen
             0x0600...0x0605, 0x061C, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x180E,
             0x200B...0x200F,  // zero-width space, non-joiner, joiner, direction marks
             0x2028...0x2029,  // line and paragraph separators
             0x202A...0x202E,  // bidi embeddings and overrides (they could reorder the rest of a row)
             0x2060...0x206F,  // word joiner, invisible operators, bidi isolates, deprecated formats
             0xFE0E...0xFE0F,  // text and emoji presentation selectors
             0xFEFF,  // byte order mark
             0xFFF9...0xFFFB,  // interlinear annotation
             0x110BD, 0x110CD, 0x13430...0x1343F, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A,
             0xE0001, 0xE0020...0xE007F,  // language tags
             0x1F1E6...0x1F1FF:  // regional indicators (written as letters by `clean`)
            return false
        default:
            return true
        }
    }
}
