/// How much of a row or column a part of a layout takes.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells.
    case fixed(Int)
    /// This percentage of the whole length (rounded down).
    case percent(Int)
    /// A share of what is left after fixed and percentage parts, by weight.
    case fill(Int)
}

/// Splits rectangles into rows or columns by constraints, as ratatui's `Layout` does.
public enum Layout {
    /// Splits `rect` top to bottom.
    public static func rows(_ rect: Rect, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        sizes(rect.height, constraints, spacing: spacing).map { offset, length in
            Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: length)
        }
    }

    /// Splits `rect` left to right.
    public static func columns(_ rect: Rect, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        sizes(rect.width, constraints, spacing: spacing).map { offset, length in
            Rect(x: rect.x + offset, y: rect.y, width: length, height: rect.height)
        }
    }

    /// (offset, length) for each constraint along a line of `total` cells. When the parts do
    /// not fit, the last ones shrink first; lengths are never negative.
    static func sizes(_ total: Int, _ constraints: [Constraint], spacing: Int) -> [(Int, Int)] {
        guard !constraints.isEmpty else { return [] }
        let available = max(0, total - spacing * (constraints.count - 1))
        var lengths = constraints.map { constraint -> Int in
            switch constraint {
            case .fixed(let n): return max(0, n)
            case .percent(let p): return max(0, available * min(max(p, 0), 100) / 100)
            case .fill: return 0
            }
        }
        var remaining = available - lengths.reduce(0, +)
        let weights = constraints.map { if case .fill(let w) = $0 { return max(w, 0) } else { return 0 } }
        let totalWeight = weights.reduce(0, +)
        if remaining > 0, totalWeight > 0 {
            var given = 0
            var lastFill = 0
            for (i, weight) in weights.enumerated() where weight > 0 {
                lengths[i] = remaining * weight / totalWeight
                given += lengths[i]
                lastFill = i
            }
            lengths[lastFill] += remaining - given  // rounding leftovers to the last fill
            remaining = 0
        }
        var index = lengths.count - 1
        while remaining < 0, index >= 0 {
            let cut = min(lengths[index], -remaining)
            lengths[index] -= cut
            remaining += cut
            index -= 1
        }
        var offset = 0
        return lengths.map { length in
            defer { offset += length + spacing }
            return (offset, length)
        }
    }
}
