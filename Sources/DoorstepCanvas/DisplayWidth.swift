/// Display width of text in terminal columns, from the generated Unicode table.
///
/// CJK ideographs, kana, hangul syllables, fullwidth forms and emoji presentation take two
/// columns; combining marks, format characters and zero-width joiners take none; everything
/// else (including East Asian *ambiguous* characters) takes one. Never measure text with
/// `count` — measure it with these functions.
public enum DisplayWidth {
    /// Columns taken by one Unicode scalar (controls count as 0: they are never drawn).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if contains(WidthTable.zero, v) { return 0 }
        if contains(WidthTable.wide, v) { return 2 }
        return 1
    }

    /// Columns taken by one grapheme cluster, as a terminal draws it: the width of its base,
    /// widened to 2 by an emoji presentation selector (U+FE0F) or a regional-indicator pair,
    /// narrowed to 1 by a text presentation selector (U+FE0E).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return of(first) }
        var base = 0
        for scalar in scalars where base == 0 { base = of(scalar) }
        if scalars.contains("\u{FE0F}") { return 2 }
        if scalars.contains("\u{FE0E}") { return min(base, 1) }
        return base
    }

    /// Columns taken by a string: the sum over its grapheme clusters.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // printable ASCII, the common case for codes, figures and times: one column a byte
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Whether terminals set for CJK draw `scalar` two columns wide where others draw it one
    /// (East_Asian_Width A): box lines, marks, arrows, the middle dot, Greek and Cyrillic.
    public static func isAmbiguous(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v >= 0xA1 && contains(WidthTable.ambiguous, v)
    }

    /// The Unicode version the width table was generated from.
    public static var unicodeVersion: String { WidthTable.unicodeVersion }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = ranges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
