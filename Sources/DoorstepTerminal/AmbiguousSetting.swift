/// What to take ambiguous characters' width to be (`--ambiguous`, the config key `ambiguous`):
/// narrow, wide, or the terminal's own answer to `AmbiguousProbe` (wide when it gives none:
/// the wide glyph set lines up on every terminal).
public enum AmbiguousSetting: String, Sendable, CaseIterable {
    case narrow
    case wide
    case auto
}
