/// A colour as a theme file names it.
public enum ThemeColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the 256 indexed colours (0–15 are the named ones).
    case indexed(Int)
    /// A 24-bit colour, `#RRGGBB`.
    case rgb(UInt8, UInt8, UInt8)

    /// Colour names a theme may use, as indexed colours.
    public static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Reads `default`, a name, a number 0–255 or `#RRGGBB`; nil when it is none of those.
    public init?(parsing text: String) {
        let word = text.lowercased()
        if word == "default" || word == "none" {
            self = .terminalDefault
        } else if let index = Self.names[word] {
            self = .indexed(index)
        } else if let number = Int(word), (0...255).contains(number) {
            self = .indexed(number)
        } else if word.hasPrefix("#"), word.count == 7, let value = UInt32(word.dropFirst(), radix: 16) {
            self = .rgb(UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        } else {
            return nil
        }
    }
}

/// How one role is drawn.
public struct RoleStyle: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var dim: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(_ foreground: ThemeColor = .terminalDefault, on background: ThemeColor = .terminalDefault,
                bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
    }
}

/// Colours for the screen's roles. Built-in themes live in `Themes/` and are embedded in the
/// binary; a theme file only needs the roles it changes (the rest come from `default`), and
/// roles it does not know are ignored, so an old theme keeps working (as btop's do).
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [Role: RoleStyle]

    public init(name: String, styles: [Role: RoleStyle]) {
        self.name = name
        self.styles = styles
    }

    public func style(for role: Role) -> RoleStyle { styles[role] ?? RoleStyle() }

    /// No colours at all: what `NO_COLOR` and colourless terminals get (attributes only).
    public var withoutColour: Theme {
        Theme(name: name, styles: styles.mapValues { style in
            var plain = style
            plain.foreground = .terminalDefault
            plain.background = .terminalDefault
            return plain
        })
    }
}
