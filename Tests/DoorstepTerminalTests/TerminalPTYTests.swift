import DoorstepCanvas
import Foundation
import Synchronization
import Testing

@testable import DoorstepTerminal

#if canImport(Glibc)
import Glibc
#endif

/// A real ncurses screen on a pseudo-terminal: what the backend sends, byte for byte.
@Suite("Terminal backend on a pseudo-terminal", .serialized)
struct TerminalPTYTests {
    /// Reads what the terminal has written to the master side, until it has been quiet for
    /// a moment (or `deadline` seconds pass).
    func drain(_ master: Int32, deadline: TimeInterval = 10) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let end = Date().addingTimeInterval(deadline)
        while Date() < end {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, bytes.isEmpty ? 1000 : 100)
            if ready <= 0 {
                if !bytes.isEmpty { break }
                continue
            }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    @Test("flushes only the cells that changed, and wide glyphs arrive whole")
    func diffFlush() throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        #expect(openpty(&master, &slave, nil, nil, &size) == 0)
        // not inherited by the programs other suites start meanwhile
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        defer {
            close(master)
        }
        let terminal = try Terminal(
            environment: ["TERM": "xterm-256color"], input: slave, output: slave, ownsProcess: false)
        #expect(terminal.size == Size(width: 80, height: 24))

        var canvas = Canvas(size: terminal.size)
        canvas.box(Rect(x: 0, y: 0, width: 30, height: 5), title: "全部网格")
        canvas.write("江滨一网格 JB01", x: 1, y: 1, style: Style(.alarm, inverse: true))
        terminal.draw(canvas)
        let first = drain(master)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("江滨一网格 JB01"))
        #expect(text.contains("全部网格"))
        #expect(terminal.lastCellsWritten == 80 * 24 - 4 - 5)  // continuation cells are never written

        canvas.write("B", x: 12, y: 1, style: Style(.alarm, inverse: true))
        terminal.draw(canvas)
        let second = drain(master)
        #expect(terminal.lastCellsWritten == 1)
        #expect(String(decoding: second, as: UTF8.self).contains("B"))
        #expect(second.count < 40, "one changed cell cost \(second.count) bytes")

        terminal.draw(canvas)
        #expect(terminal.lastCellsWritten == 0)

        // told that only row 3 was drawn again, the backend looks at row 3 alone (a change
        // elsewhere, against that promise, is not even seen)
        canvas.write("C", x: 12, y: 3, style: Style(.normal))
        canvas.write("D", x: 13, y: 3, style: Style(.normal))
        canvas.write("E", x: 12, y: 8, style: Style(.normal))
        terminal.draw(canvas, only: [Rect(x: 0, y: 3, width: canvas.size.width, height: 1)])
        _ = drain(master)
        #expect(terminal.lastCellsWritten == 2)
        // the backend keeps what it drew, cell by cell: the next whole comparison finds the cell
        // it was not told of, and nothing else; then nothing at all
        terminal.draw(canvas)
        _ = drain(master)
        #expect(terminal.lastCellsWritten == 1)
        terminal.draw(canvas)
        #expect(terminal.lastCellsWritten == 0)

        // told of one column of a row, it looks at that cell alone
        canvas.write("F", x: 20, y: 5, style: Style(.normal))
        canvas.write("G", x: 21, y: 5, style: Style(.normal))
        terminal.draw(canvas, only: [Rect(x: 20, y: 5, width: 1, height: 1)])
        _ = drain(master)
        #expect(terminal.lastCellsWritten == 1)
        terminal.draw(canvas)
        _ = drain(master)
        #expect(terminal.lastCellsWritten == 1)

        terminal.close()
        let restore = String(decoding: drain(master), as: UTF8.self)
        #expect(restore.contains("\u{1B}[?1049l"), "the alternate screen was not left")
        close(slave)
    }

    @Test("with ambiguous characters wide, box lines go through the line-drawing set; narrow, as Unicode")
    func lineDrawingSet() throws {
        func boxBytes(_ ambiguous: AmbiguousSetting) throws -> String {
            try onPseudoTerminal(environment: ["TERM": "xterm-256color"], ambiguous: ambiguous) { terminal, master in
                _ = drain(master)
                var canvas = Canvas(size: terminal.size, glyphs: terminal.glyphs)
                canvas.box(Rect(x: 0, y: 0, width: 12, height: 3), title: "网格")
                terminal.draw(canvas)
                return String(decoding: drain(master), as: UTF8.self)
            }
        }
        let wide = try boxBytes(.wide)
        // xterm selects the set with ESC ( 0 and leaves it with ESC ( B; in it l q k x are ┌ ─ ┐ │
        #expect(wide.contains("\u{1B}(0") && wide.contains("\u{1B}(B"))
        #expect(wide.contains("lq") && wide.contains("qqqk") && wide.contains("x"))
        #expect(!wide.contains("─") && !wide.contains("┌"))
        #expect(wide.contains("网格"))
        let narrow = try boxBytes(.narrow)
        #expect(narrow.contains("┌─") && !narrow.contains("\u{1B}(0"))
    }

    /// Runs `body` with a terminal on a fresh pseudo-terminal and its master side, then closes both.
    func onPseudoTerminal<T>(
        rows: UInt16 = 10, columns: UInt16 = 40, environment: [String: String], theme: Theme = .builtinDefault,
        ambiguous: AmbiguousSetting = .narrow, mouse: Bool = false, _ body: (Terminal, Int32) throws -> T
    ) throws -> T {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        #expect(openpty(&master, &slave, nil, nil, &size) == 0)
        // not inherited by the programs other suites start meanwhile
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        defer {
            close(master)
            close(slave)
        }
        let terminal = try Terminal(environment: environment, theme: theme, input: slave, output: slave, ownsProcess: false, ambiguous: ambiguous,
                                    mouse: mouse)
        defer { terminal.close() }
        return try body(terminal, master)
    }

    @Test("the terminal's mouse sequences arrive as clicks, double clicks and the wheel, at their cells; without the mouse, not at all")
    func mouse() throws {
        // xterm's SGR report (its terminfo entry asks for mode 1006): ESC [ < button ; column ; row, then M when
        // pressed and m when released (cells count from 1)
        func report(_ button: Int, _ x: Int, _ y: Int, released: Bool = false) -> [UInt8] {
            Array("\u{1B}[<\(button);\(x + 1);\(y + 1)\(released ? "m" : "M")".utf8)
        }
        func read(_ terminal: Terminal) -> TerminalEvent {
            // a click is known once the double-click interval has passed
            for _ in 0..<20 {
                let event = terminal.read(timeoutMilliseconds: 100)
                if event != .timeout { return event }
            }
            return .timeout
        }
        try onPseudoTerminal(rows: 24, columns: 80, environment: ["TERM": "xterm-256color"], mouse: true) { terminal, master in
            // ncurses turns reporting on (the terminal's mouse mode) when asked for the mouse
            let sent = String(decoding: drain(master), as: UTF8.self)
            #expect(sent.contains("1000h"), "no mouse mode asked: \(sent.debugDescription)")
            let click = report(0, 5, 3) + report(0, 5, 3, released: true)
            _ = click.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
            #expect(read(terminal) == .key(.mouse(Mouse(.click, x: 5, y: 3))))
            let double = report(0, 9, 4) + report(0, 9, 4, released: true) + report(0, 9, 4) + report(0, 9, 4, released: true)
            _ = double.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
            #expect(read(terminal) == .key(.mouse(Mouse(.doubleClick, x: 9, y: 4))))
            _ = report(64, 2, 7).withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
            #expect(read(terminal) == .key(.mouse(Mouse(.wheelUp, x: 2, y: 7))))
            _ = report(65, 2, 7).withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
            #expect(read(terminal) == .key(.mouse(Mouse(.wheelDown, x: 2, y: 7))))
        }
        try onPseudoTerminal(rows: 24, columns: 80, environment: ["TERM": "xterm-256color"]) { _, master in
            #expect(!String(decoding: drain(master), as: UTF8.self).contains("1000h"))
        }
    }

    @Test("a waker ends a long read at once with .woken; keys and timeouts arrive as before (resizes: the end-to-end tests); closed, its wakes do nothing")
    func waker() throws {
        try onPseudoTerminal(rows: 24, columns: 80, environment: ["TERM": "xterm-256color"]) { terminal, master in
            _ = drain(master)
            let waker = try #require(terminal.makeWaker())
            #expect(terminal.makeWaker() === waker)  // one pipe
            // the keypad's application mode is asked for before the first wait: a terminal sends
            // arrows in that mode's sequences only once asked (tmux sent ESC [ C to a wall that
            // waited first, and the arrow came as three other keys)
            let sent = Mutex("")
            let watcher = Thread { [self] in
                Thread.sleep(forTimeInterval: 0.3)
                let bytes = drain(master, deadline: 2)
                sent.withLock { $0 = String(decoding: bytes, as: UTF8.self) }
                waker.wake()
            }
            watcher.start()
            #expect(terminal.read(timeoutMilliseconds: 10_000) == .woken)
            #expect(sent.withLock { $0 }.contains("\u{1B}[?1h"), "no keypad mode asked before the wait: \(sent.withLock { $0 }.debugDescription)")
            #expect(terminal.read(timeoutMilliseconds: 30) == .timeout)
            let other = Thread { Thread.sleep(forTimeInterval: 0.2); waker.wake() }
            let started = Date()
            other.start()
            #expect(terminal.read(timeoutMilliseconds: 60_000) == .woken)
            #expect(Date().timeIntervalSince(started) < 30)
            // many wakes before a read: one .woken, then quiet
            for _ in 0..<1_000 { waker.wake() }
            #expect(terminal.read(timeoutMilliseconds: 1_000) == .woken)
            #expect(terminal.read(timeoutMilliseconds: 30) == .timeout)
            // a key and an arrow (an escape sequence, as xterm sends it in keypad mode) typed while the pipe waits as well
            waker.wake()
            _ = Array("q\u{1B}OA".utf8).withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
            var events: [TerminalEvent] = []
            for _ in 0..<10 where events.filter({ $0 != .woken && $0 != .timeout }).count < 2 {
                events.append(terminal.read(timeoutMilliseconds: 200))
            }
            #expect(events.filter { $0 != .woken && $0 != .timeout } == [.key(.character("q")), .key(.up)], "\(events)")
            terminal.close()
            waker.wake()  // after close: nothing written anywhere
        }
    }

    /// What the terminal sends for one alarm-styled word.
    func alarmWord(_ terminal: Terminal, _ master: Int32) -> String {
        var canvas = Canvas(size: terminal.size)
        canvas.write("告警 alarm", x: 0, y: 0, style: Style(.alarm))
        terminal.draw(canvas)
        return String(decoding: drain(master), as: UTF8.self)
    }

    @Test("with NO_COLOR nothing is coloured, and the theme's attributes remain")
    func noColour() throws {
        try onPseudoTerminal(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"]) { terminal, master in
            #expect(terminal.depth == .none)
            let text = alarmWord(terminal, master)
            #expect(text.contains("告警 alarm"))
            #expect(!text.contains("\u{1B}[3") && !text.contains("\u{1B}[38;5") && !text.contains("\u{1B}[9"), "colour sequences were sent")
            #expect(text.contains("\u{1B}[1m") || text.contains(";1m"), "the alarm role's bold was lost")
        }
    }

    @Test("the same canvas in two built-in themes: the header changes colour, the text does not")
    func twoThemes() throws {
        func render(_ themeName: String) throws -> String {
            let theme = try #require(try Theme.builtin(themeName))
            return try onPseudoTerminal(rows: 6, environment: ["TERM": "xterm-256color"], theme: theme) { terminal, master in
                var canvas = Canvas(size: terminal.size)
                canvas.fill(Rect(x: 0, y: 0, width: 40, height: 1), style: Style(.header))
                canvas.write("家门口 · 临江街道", x: 1, y: 0, style: Style(.header, bold: true))
                canvas.write("■ 江滨三网格 超时1", x: 1, y: 2, style: Style(.alarm, inverse: true))
                terminal.draw(canvas)
                return String(decoding: drain(master), as: UTF8.self)
            }
        }
        let dark = try render("default")
        let contrast = try render("high-contrast")
        for text in [dark, contrast] {
            #expect(text.contains("家门口 · 临江街道"))
            #expect(text.contains("江滨三网格 超时1"))
        }
        #expect(dark.contains("44m") || dark.contains("48;5;4m"), "default: the header is on blue")
        #expect(contrast.contains("103m") || contrast.contains("48;5;11m"), "high-contrast: the header is on bright yellow")
        #expect(dark != contrast)
    }

    @Test("a direct-colour terminal gets #RRGGBB exactly",
          .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/terminfo/x/xterm-direct") || FileManager.default.fileExists(atPath: "/lib/terminfo/x/xterm-direct")))
    func truecolour() throws {
        let theme = try Theme.parse("alarm = #ff8712", file: "test")
        try onPseudoTerminal(environment: ["TERM": "xterm-direct"], theme: theme) { terminal, master in
            #expect(terminal.depth == .direct)
            let text = alarmWord(terminal, master)
            #expect(text.contains("38:2::255:135:18") || text.contains("38;2;255;135;18"), "no 24-bit colour: \(text.debugDescription)")
        }
    }

    @Test("a 256-colour terminal gets the theme's colours")
    func colour256() throws {
        let theme = try Theme.parse("alarm = #ff8700", file: "test")
        try onPseudoTerminal(environment: ["TERM": "xterm-256color"], theme: theme) { terminal, master in
            #expect(terminal.depth == .indexed256)
            #expect(alarmWord(terminal, master).contains("38;5;208"))
        }
    }
}

@Suite("Colour depth")
struct ColourDepthTests {
    @Test("#RRGGBB comes down to the nearest of 256, of 16, of 8, or none")
    func quantise() {
        let orange = ThemeColor.rgb(0xFF, 0x87, 0x00)
        #expect(ColourDepth.indexed256.number(for: orange).0 == 208)
        #expect(ColourDepth.sixteen.number(for: .rgb(0xD7, 0x00, 0x00)).0 == 1)
        #expect(ColourDepth.eight.number(for: .indexed(9)) == (1, brightened: true))
        #expect(ColourDepth.eight.number(for: .rgb(250, 250, 250)) == (7, brightened: true))
        #expect(ColourDepth.none.number(for: orange).0 == -1)
        #expect(ColourDepth.indexed256.number(for: .rgb(0x80, 0x80, 0x80)).0 == 244)
        #expect(ColourDepth.direct.number(for: orange).0 == 0xFF8700)
        #expect(ColourDepth.direct.number(for: .indexed(1)).0 == 1)
        #expect(ColourDepth.direct.number(for: .indexed(208)).0 == 0xFF8700)
        #expect(ColourDepth(colours: 0x1000000) == .direct)
        #expect(ColourDepth(colours: 256) == .indexed256)
        #expect(ColourDepth(colours: 8) == .eight)
        #expect(ColourDepth(colours: 0) == .none)
    }
}
