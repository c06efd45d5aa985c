/// Text measured, truncated and padded by display columns.
public enum Columns {
    public enum Alignment: Sendable { case left, right, centre }

    /// `text` cut to at most `width` columns, ending in `ellipsis` when anything was cut.
    /// A wide glyph that would cross the limit is dropped, never split.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        let clean = Sanitizer.clean(text)
        guard width > 0 else { return "" }
        if DisplayWidth.of(clean) <= width { return clean }
        let mark = DisplayWidth.of(ellipsis) <= width ? ellipsis : ""
        let budget = width - DisplayWidth.of(mark)
        var out = ""
        var used = 0
        for character in clean {
            let w = DisplayWidth.of(character)
            if used + w > budget { break }
            out.append(character)
            used += w
        }
        return out + mark
    }

    /// `text` truncated to `width` columns, then padded with spaces to exactly `width`.
    public static func pad(_ text: String, to width: Int, align: Alignment = .left) -> String {
        let cut = truncate(text, to: width)
        let gap = max(0, width - DisplayWidth.of(cut))
        switch align {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .centre:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }
}

extension Columns {
    /// `text` broken into lines of at most `width` columns, at spaces where possible and
    /// between any two characters otherwise (Chinese has no spaces to break at).
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var used = 0
        var lastSpace: String.Index?
        for character in Sanitizer.clean(text) {
            let w = DisplayWidth.of(character)
            if used + w > width {
                if let space = lastSpace, character != " " {
                    let rest = String(line[line.index(after: space)...])
                    lines.append(String(line[..<space]))
                    line = rest
                    used = DisplayWidth.of(rest)
                } else {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                lastSpace = nil
                if character == " " { continue }
            }
            if character == " " { lastSpace = line.endIndex }
            line.append(character)
            used += w
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension Canvas {
    /// Writes runs of differently styled text one after another on row `y`, clipped to
    /// `clip`; returns the column after the last one.
    @discardableResult
    public mutating func write(runs: [(String, Style)], x: Int, y: Int, clip: Rect? = nil) -> Int {
        var column = x
        for (text, style) in runs { column = write(text, x: column, y: y, clip: clip, style: style) }
        return column
    }

    /// As `write(runs:)`, but runs that do not all fit before the clip's right edge end in
    /// an ellipsis where they are cut, so a reader sees that something was left out.
    @discardableResult
    public mutating func write(runs: [(String, Style)], x: Int, y: Int, clip: Rect, ellipsis: String) -> Int {
        let widths = runs.map { DisplayWidth.of(Sanitizer.clean($0.0)) }  // (each run measured once)
        guard widths.reduce(0, +) > clip.maxX - x else { return write(runs: runs, x: x, y: y, clip: clip) }
        var column = x
        for ((text, style), width) in zip(runs, widths) {
            let left = clip.maxX - column
            if width >= left { return write(Columns.truncate(text, to: left, ellipsis: ellipsis), x: column, y: y, clip: clip, style: style) }
            column = write(text, x: column, y: y, clip: clip, style: style)
        }
        return column
    }
}
