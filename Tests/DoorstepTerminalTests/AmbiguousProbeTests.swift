import DoorstepCanvas
import Foundation
import Testing

@testable import DoorstepTerminal

#if canImport(Glibc)
import Glibc
#endif

/// The question to the terminal, put to a fake one on a pseudo-terminal that answers wide,
/// narrow, nonsense or nothing.
@Suite("Asking the terminal how wide ambiguous characters are", .serialized)
struct AmbiguousProbeTests {
    /// Runs the probe on the slave side while the master side plays the terminal: it reads the
    /// query and, if `answer` is given, writes it back. Returns the probe's result and what the
    /// terminal received.
    func probe(answering answer: String?, timeout: Int = 400) throws -> (AmbiguousWidth?, [UInt8]) {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        try #require(openpty(&master, &slave, nil, nil, &size) == 0)
        // not inherited by the programs other suites start meanwhile
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        defer {
            close(master)
            close(slave)
        }
        let fd = master
        let received = Thread.detachedReceiver(master: fd, answer: answer)
        let result = AmbiguousProbe.ask(input: slave, output: slave, timeoutMilliseconds: timeout)
        return (result, received.wait())
    }

    @Test("a terminal whose cursor moves two columns is wide; one column, narrow")
    func answers() throws {
        let (wide, query) = try probe(answering: "\u{1B}[12;3R")
        #expect(wide == .wide)
        // it wrote the middle dot at the start of the line, asked, and wiped the line again
        let text = String(decoding: query, as: UTF8.self)
        #expect(text.hasPrefix("\r\u{B7}\u{1B}[6n"))
        #expect(text.hasSuffix("\r\u{1B}[K"))
        #expect(try probe(answering: "\u{1B}[1;2R").0 == .narrow)
    }

    @Test("no answer, or one that says neither, is nil (the caller assumes wide), within the wait")
    func silence() throws {
        let started = Date()
        #expect(try probe(answering: nil, timeout: 300).0 == nil)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try probe(answering: "\u{1B}[1;7R").0 == nil)
        #expect(try probe(answering: "garbage").0 == nil)
    }

    @Test("keys typed before the answer do not hide it")
    func typeAhead() {
        #expect(AmbiguousProbe.width(fromReport: Array("jk\u{1B}[40;3R".utf8)) == .wide)
        #expect(AmbiguousProbe.width(fromReport: Array("\u{1B}[40;2R".utf8)) == .narrow)
        #expect(AmbiguousProbe.width(fromReport: Array("\u{1B}[40R".utf8)) == nil)
    }
}

/// The fake terminal's side of a probe, on a thread of its own.
final class Receiver: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var bytes: [UInt8] = []  // written by the thread, read after `done`

    func wait() -> [UInt8] {
        _ = done.wait(timeout: .now() + 10)
        return bytes
    }

    /// Reads until the probe wipes the line (or three seconds pass), answering the query once.
    func run(master: Int32, answer: String?) {
        var buffer = [UInt8](repeating: 0, count: 256)
        let end = Date().addingTimeInterval(3)
        var answered = false
        while Date() < end, !String(decoding: bytes, as: UTF8.self).hasSuffix("\r\u{1B}[K") {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[0..<n]
            if !answered, let answer, String(decoding: bytes, as: UTF8.self).contains("\u{1B}[6n") {
                answered = true
                let reply = Array(answer.utf8)
                _ = reply.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            }
        }
        done.signal()
    }
}

extension Thread {
    static func detachedReceiver(master: Int32, answer: String?) -> Receiver {
        let receiver = Receiver()
        Thread.detachNewThread { receiver.run(master: master, answer: answer) }
        return receiver
    }
}
