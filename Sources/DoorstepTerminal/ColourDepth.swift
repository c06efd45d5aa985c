import DoorstepCanvas

/// How many colours the terminal can show, and how a theme's colours come down to them:
/// truecolor (a terminfo entry with direct colour, such as xterm-direct) → the nearest of
/// 256 → the nearest of 16 → of 8 → none.
public enum ColourDepth: Equatable, Sendable {
    case none, eight, sixteen, indexed256, direct

    /// The depth for a terminal reporting `colours` (ncurses' COLORS).
    public init(colours: Int) {
        switch colours {
        case 0x1000000...: self = .direct
        case 256...: self = .indexed256
        case 16...: self = .sixteen
        case 8...: self = .eight
        default: self = .none
        }
    }

    /// The curses colour number for `colour` (-1 is the terminal's default), and whether a
    /// bright colour had to become its base colour (drawn bold instead).
    public func number(for colour: ThemeColor) -> (Int32, brightened: Bool) {
        switch colour {
        case .terminalDefault:
            return (-1, false)
        case .indexed(let n):
            switch self {
            case .none: return (-1, false)
            case .direct:
                // direct colour: 0–7 are the terminal's own ANSI colours, anything else is 0xRRGGBB
                if n < 8 { return (Int32(n), false) }
                let (r, g, b) = Self.rgb(of: n)
                return (Int32(r << 16 | g << 8 | b), false)
            case .indexed256: return (Int32(n), false)
            case .sixteen: return (Int32(n < 16 ? n : Self.nearest(Self.rgb(of: n), among: 16)), false)
            case .eight:
                let sixteen = n < 16 ? n : Self.nearest(Self.rgb(of: n), among: 16)
                return (Int32(sixteen % 8), sixteen >= 8)
            }
        case .rgb(let r, let g, let b):
            let target = (Int(r), Int(g), Int(b))
            switch self {
            case .none: return (-1, false)
            case .direct: return (Int32(r) << 16 | Int32(g) << 8 | Int32(b), false)
            case .indexed256: return (Int32(Self.nearest(target, among: 256)), false)
            case .sixteen: return (Int32(Self.nearest(target, among: 16)), false)
            case .eight:
                let sixteen = Self.nearest(target, among: 16)
                return (Int32(sixteen % 8), sixteen >= 8)
            }
        }
    }

    /// xterm's RGB for colour `n` of 256.
    static func rgb(of n: Int) -> (Int, Int, Int) {
        let base: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if n < 16 { return base[max(0, n)] }
        if n < 232 {
            let levels = [0, 95, 135, 175, 215, 255]
            let i = n - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        }
        let grey = 8 + 10 * (min(n, 255) - 232)
        return (grey, grey, grey)
    }

    /// The index among the first `count` colours nearest to `target` (squared RGB distance).
    static func nearest(_ target: (Int, Int, Int), among count: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for n in 0..<count {
            let (r, g, b) = rgb(of: n)
            let distance = (r - target.0) * (r - target.0) + (g - target.1) * (g - target.1) + (b - target.2) * (b - target.2)
            if distance < bestDistance {
                best = n
                bestDistance = distance
            }
        }
        return best
    }
}
