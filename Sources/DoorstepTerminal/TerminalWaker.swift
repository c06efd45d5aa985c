import Foundation
import Synchronization

/// Wakes a `Terminal` waiting in `read` from another thread (the engine's, when news of a commit
/// elsewhere arrives), so the screen shows it at once instead of at its next timeout: a byte
/// down a pipe the read waits on beside the keyboard.
///
/// Thread-safe: the pipe's end is held under a lock, and given up when the terminal closes
/// (a byte must never go to a descriptor the process has since reused for something else).
public final class TerminalWaker: Sendable {
    private let end: Mutex<Int32?>

    init(writeEnd: Int32) { end = Mutex(writeEnd) }

    /// Wakes the reader (at most one byte waits in the pipe; a full pipe is a wake already due).
    public func wake() {
        end.withLock { fd in
            guard let fd else { return }
            var byte: UInt8 = 1
            _ = write(fd, &byte, 1)
        }
    }

    /// Gives up the pipe's end: later wakes do nothing. Returns it, for the terminal to close.
    func invalidate() -> Int32? {
        end.withLock { fd in
            defer { fd = nil }
            return fd
        }
    }
}
