import DoorstepCanvas
import Foundation

/// Asks the terminal how wide it draws ambiguous characters, before the screen comes up: at the
/// start of the line it writes one (the middle dot, U+00B7), asks where the cursor is (the
/// cursor-position report, `ESC [ 6 n`), reads the answer (`ESC [ row ; column R`) and wipes
/// the line again. Column 2 means narrow, 3 wide.
public enum AmbiguousProbe {
    /// The query written: carriage return, the middle dot, the report request.
    static let query: [UInt8] = Array("\r\u{B7}\u{1B}[6n".utf8)
    /// What is written after the answer (or the wait) to leave the line as it was.
    static let wipe: [UInt8] = Array("\r\u{1B}[K".utf8)

    /// The terminal's answer, or nil when it gave none within `timeoutMilliseconds` (or gave one
    /// that says neither). `input` and `output` must be the terminal, and nothing else may be
    /// reading it meanwhile; the terminal is put in raw mode for the question and restored.
    public static func ask(input: Int32, output: Int32, timeoutMilliseconds: Int = 500) -> AmbiguousWidth? {
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(input, TCSANOW, &raw) == 0 else { return nil }
        defer {
            writeAll(output, wipe)
            _ = tcsetattr(input, TCSANOW, &saved)
        }
        guard writeAll(output, query) else { return nil }
        let answer = readReport(input, timeoutMilliseconds: timeoutMilliseconds)
        // an answer that comes later must not be read as keys (ESC [ 1 ; 3 R would jump to
        // communities): give it a moment more, then drop whatever input is waiting
        if answer == nil {
            usleep(100_000)
            tcflush(input, TCIFLUSH)
        }
        return answer.flatMap(width(fromReport:))
    }

    /// The width a cursor-position report means, from the bytes read (which may hold other
    /// input before it): column 2 narrow, column 3 wide, anything else nil.
    static func width(fromReport bytes: [UInt8]) -> AmbiguousWidth? {
        guard let end = bytes.lastIndex(of: UInt8(ascii: "R")),
              let start = bytes[..<end].lastIndex(of: 0x1B),
              bytes.index(after: start) < end, bytes[bytes.index(after: start)] == UInt8(ascii: "[")
        else { return nil }
        let body = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
        let parts = body.split(separator: ";")
        guard parts.count == 2, let column = Int(parts[1]) else { return nil }
        switch column {
        case 2: return .narrow
        case 3: return .wide
        default: return nil
        }
    }

    /// Bytes read until an "R" arrives or the time is up.
    private static func readReport(_ fd: Int32, timeoutMilliseconds: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, timeoutMilliseconds)) * 1_000_000
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return nil }
            var pending = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = Int32(max(1, (deadline - now) / 1_000_000))
            let ready = poll(&pending, 1, left)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return nil }
            var chunk = [UInt8](repeating: 0, count: 64)
            let count = read(fd, &chunk, chunk.count)
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { return nil }
            bytes += chunk[0..<count]
            if bytes.contains(UInt8(ascii: "R")) { return bytes }
            if bytes.count > 256 { return nil }
        }
    }

    @discardableResult
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
