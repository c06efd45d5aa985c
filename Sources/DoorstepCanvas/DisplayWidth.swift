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
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        guard var next = scalars.next() else { return of(first) }
        var base = of(first)
        var emoji = false
        var text = false
        while true {
            if next.value == 0xFE0F { emoji = true } else if next.value == 0xFE0E { text = true }
            if base == 0 { base = of(next) }
            guard let after = scalars.next() else { break }
            next = after
        }
        if emoji { return 2 }
        if text { return min(base, 1) }
        return base
    }

    /// Columns taken by a string: the sum over its grapheme clusters.
    ///
    /// Inlinable, so that the screen's calls are made for `String` and `Substring`: called
    /// through the generic entry point from another module, the ASCII check alone went through
    /// witness tables a byte at a time (a seventh of the demo wall's instructions).
    @inlinable
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        // printable ASCII, the common case for codes, figures and times: one column a byte
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        // text whose every scalar is a cluster of its own (Chinese, kana, hangul syllables,
        // punctuation, symbols, box lines): the sum of its scalars, without finding the
        // clusters (which was most of the wall's time spent measuring text)
        var total = 0
        for scalar in text.unicodeScalars {
            guard standsAlone(scalar) else { return text.reduce(0) { $0 + of($1) } }
            total += of(scalar)
        }
        return total
    }

    /// Whether `scalar` never joins its neighbours in a grapheme cluster (it is not a mark,
    /// joiner, selector, jamo, regional indicator, emoji modifier or prepended letter), so two
    /// of them side by side are two clusters — true of the common ranges only; false is
    /// always safe. (Carriage return and line feed make one cluster, but both are 0 wide.)
    @usableFromInline
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x20CF, 0x2100...0x2BFF,
             0x3000...0x3029, 0x3030...0x3098, 0x309B...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF01...0xFF60, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
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
