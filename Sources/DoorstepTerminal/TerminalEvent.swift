import DoorstepCanvas

/// What reading the terminal produced.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    /// The terminal changed size (ncurses delivered KEY_RESIZE).
    case resize(Size)
    /// Nothing happened within the timeout.
    case timeout
    /// Another thread woke the read (`TerminalWaker`) before the timeout.
    case woken
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived: leave through the normal exit path.
    case signal(Int32)
    /// The terminal has gone away (reads fail at once and it is no longer a tty).
    case gone
}
