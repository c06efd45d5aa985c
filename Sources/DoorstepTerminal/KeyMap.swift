import CNcursesw
import DoorstepCanvas

/// Turns what `wget_wch` returns into a `Key`.
enum KeyMap {
    /// A key reported with KEY_CODE_YES.
    static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        default:
            for n in 1...12 where code == doorstep_key_f(Int32(n)) { return .function(n) }
            return .unknown(code)
        }
    }

    /// A character reported with OK.
    static func character(_ value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            guard let scalar = Unicode.Scalar(value + 96) else { return .unknown(Int32(value)) }
            return .control(Character(scalar))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return .unknown(Int32(bitPattern: value)) }
            return .character(Character(scalar))
        }
    }
}
