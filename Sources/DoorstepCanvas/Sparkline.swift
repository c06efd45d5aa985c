/// Small charts made of text, readable without colour: a sparkline of counts in eight
/// heights, and a bar of a count against the largest. In the wide glyph set (a terminal that
/// draws ambiguous characters two columns wide, as block elements are) the heights are ASCII.
public enum Sparkline {
    static let narrowLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let wideLevels: [Character] = ["_", ".", ":", "-", "=", "+", "*", "#"]

    /// One character a value, oldest first: none at the bottom step, the largest at the top,
    /// any other at least one step up (a single order is not drawn as none).
    public static func text(_ values: [Int], glyphs: Glyphs) -> String {
        let levels = glyphs.ambiguous == .wide ? wideLevels : narrowLevels
        let top = values.max() ?? 0
        return String(values.map { value in
            guard top > 0, value > 0 else { return levels[0] }
            let step = Int((Double(value) / Double(top) * Double(levels.count - 1)).rounded())
            return levels[min(levels.count - 1, max(1, step))]
        })
    }

    /// A bar `width` columns long at `largest`, as long as `value` is beside it (at least one
    /// column for any value above none).
    public static func bar(_ value: Int, of largest: Int, width: Int, glyphs: Glyphs) -> String {
        guard width > 0, largest > 0, value > 0 else { return "" }
        let length = max(1, min(width, Int((Double(value) / Double(largest) * Double(width)).rounded())))
        return String(repeating: glyphs.ambiguous == .wide ? "#" : "█", count: length)
    }
}
