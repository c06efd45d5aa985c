/// Why the terminal could not be opened. Each message says what to do.
public enum TerminalError: Error, CustomStringConvertible, Equatable, Sendable {
    case notATerminal
    case dumbTerminal(String)
    case unknownTerminal(String)
    case noTerminfo
    case notUTF8(String)
    case cannotOpen(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "the wall screen needs a terminal, but standard input or output is not one (for text output use `doorstep snapshot`)"
        case .dumbTerminal(let term):
            return "TERM=\(term) cannot position the cursor; run the wall in a full terminal (xterm-256color, screen, tmux)"
        case .unknownTerminal(let term):
            return term.isEmpty
                ? "TERM is not set; set it to your terminal's type (for example TERM=xterm-256color)"
                : "TERM=\(term) is not in the terminfo database; set TERM to a known type (for example xterm-256color) or install ncurses-term"
        case .noTerminfo:
            return "the terminfo database could not be found; install ncurses-base"
        case .notUTF8(let codeset):
            return "the locale's character set is \(codeset), not UTF-8, and C.UTF-8 is not available; set LANG to a UTF-8 locale"
        case .cannotOpen(let reason):
            return "cannot open the terminal: \(reason)"
        }
    }
}
