/// A key press, as the terminal backend reports it and the screen's update function reads it.
public enum Key: Hashable, Sendable {
    case up, down, left, right
    case home, end, pageUp, pageDown
    case tab, backTab
    case enter, escape, backspace, delete
    /// F1–F12.
    case function(Int)
    /// A printable character, Chinese included.
    case character(Character)
    /// Ctrl plus a letter (`ctrl("l")` is Ctrl-L).
    case control(Character)
    /// A key the backend could not name (its raw code).
    case unknown(Int32)
}
