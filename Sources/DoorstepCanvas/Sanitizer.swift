/// Removes control characters and terminal escape sequences from text before it is drawn.
///
/// Every string that came from a file, a database or another process passes through here
/// (the canvas applies it to everything it writes), so stored text can never move the
/// cursor, change colours or retitle the operator's terminal.
public enum Sanitizer {
    /// `text` without C0/C1 controls, ESC-introduced sequences (CSI, OSC, DCS, …), DEL,
    /// and bidirectional override characters. Tabs and newlines become a space.
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
                } else if scalar == "\t" || scalar == "\n" || scalar == "\r" {
                    out.append(" ")
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
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return false }
        // bidi embeddings/overrides/isolates could reorder the rest of a row
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return false }
        return true
    }
}
