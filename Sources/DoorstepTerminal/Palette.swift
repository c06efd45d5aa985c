import DoorstepCanvas

/// Colours for each role, as curses colour numbers (-1 is the terminal's default). Issue #4
/// replaces this built-in table with theme files under `Themes/`.
public struct Palette: Sendable {
    public struct Entry: Sendable {
        public var foreground: Int16
        public var background: Int16
        public var bold: Bool

        public init(_ foreground: Int16, _ background: Int16, bold: Bool = false) {
            self.foreground = foreground
            self.background = background
            self.bold = bold
        }
    }

    public var entries: [Role: Entry]

    /// The dark wall-screen palette, in the 8 basic colours every colour terminal has.
    public static let dark = Palette(entries: [
        .normal: Entry(-1, -1),
        .muted: Entry(-1, -1),
        .title: Entry(6, -1, bold: true),   // cyan
        .border: Entry(4, -1),              // blue
        .header: Entry(7, 4),               // white on blue
        .footer: Entry(7, -1),
        .key: Entry(3, -1, bold: true),     // yellow
        .selected: Entry(7, -1, bold: true),
        .ok: Entry(2, -1),                  // green
        .attention: Entry(3, -1),           // yellow
        .alarm: Entry(1, -1, bold: true),   // red
        .stale: Entry(5, -1),               // magenta
    ])
}
