import DoorstepApp
import DoorstepCanvas
import DoorstepTerminal
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Counts the bytes the ncurses backend sends for each frame, on a pseudo-terminal. A reader
/// thread drains the pseudo-terminal all the time (a full repaint is larger than its buffer,
/// and ncurses blocks writing until someone reads).
/// Thread-safe: the counters are guarded by `lock`; the terminal is drawn from one thread.
final class PseudoTerminalMeter: @unchecked Sendable {
    private var master: Int32 = -1
    private var slave: Int32 = -1
    private let terminal: Terminal
    private let lock = NSLock()
    private var received = 0
    private var lastByte = DispatchTime.now().uptimeNanoseconds
    private var reading = true

    init(size: Size) throws {
        var window = winsize(ws_row: UInt16(size.height), ws_col: UInt16(size.width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &window) == 0 else {
            throw Failure("cannot open a pseudo-terminal for the byte counts", exitCode: ExitStatus.unavailable)
        }
        do {
            terminal = try Terminal(environment: ["TERM": "xterm-256color"], input: slave, output: slave, ownsProcess: false)
        } catch {
            throw Failure("cannot start ncurses on a pseudo-terminal: \(error)", exitCode: ExitStatus.unavailable)
        }
        let fd = master
        let reader = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while isReading {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, 50) > 0 else { continue }
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                lock.lock()
                received += n
                lastByte = DispatchTime.now().uptimeNanoseconds
                lock.unlock()
            }
        }
        reader.start()
        _ = settle()  // the set-up sequences are not a frame
    }

    /// Draws `canvas` and returns the bytes that reached the terminal.
    func draw(_ canvas: Canvas) -> Int {
        let before = settle()
        terminal.draw(canvas)
        return settle(after: DispatchTime.now().uptimeNanoseconds) - before
    }

    func close() {
        terminal.close()
        _ = settle()
        lock.lock()
        reading = false
        lock.unlock()
        Glibc.close(slave)
        Glibc.close(master)
    }

    private var isReading: Bool {
        lock.lock()
        defer { lock.unlock() }
        return reading
    }

    /// The byte count once nothing has arrived for 100 ms (counting from `start` at the latest).
    private func settle(after start: UInt64 = 0) -> Int {
        while true {
            lock.lock()
            let quietFor = DispatchTime.now().uptimeNanoseconds - max(lastByte, start)
            let count = received
            lock.unlock()
            if quietFor > 100_000_000 { return count }
            usleep(20_000)
        }
    }
}

/// CPU seconds (user and system, every thread) this process has used so far.
func processCPUSeconds() -> Double {
    var usage = rusage()
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
