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
    /// A click, double click or turn of the wheel at a cell.
    case mouse(Mouse)
}

/// What the mouse did, and where (cells from the top left).
public struct Mouse: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, doubleClick, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
