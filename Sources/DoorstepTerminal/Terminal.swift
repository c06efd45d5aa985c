import CNcursesw
import DoorstepCanvas
import Foundation

/// The terminal's whole life in one place (as htop's CRT.c): open it, read keys, flush
/// canvases as a diff, and put it back on every way out.
///
/// Not thread-safe, by design: ncurses is not. Create, use and close a `Terminal` on one
/// thread only.
public final class Terminal {
    public private(set) var size: Size
    private var screen: OpaquePointer?
    private var previous: Canvas?
    private var pairs: [Role: Int32] = [:]
    private var roleAttributes: [Role: attr_t] = [:]
    /// The colour depth in use (`.none` with NO_COLOR or on a colourless terminal).
    public private(set) var depth: ColourDepth = .none
    private let stderrCapture: StderrCapture?
    private let inputFD: Int32
    private var closed = false
    private var fastErrors = 0
    /// The pipe another thread wakes `read` through (see `makeWaker`), once asked for.
    private var waker: (reader: Int32, waker: TerminalWaker)?
    /// The glyph set the terminal takes (see `AmbiguousWidth`), and how it was chosen.
    public let glyphs: Glyphs
    public let glyphsChosen: String
    /// Cells written by the last `draw` (for tests and the benchmark).
    public private(set) var lastCellsWritten = 0

    /// Opens the terminal on standard input and output, or explains why it cannot.
    ///
    /// Sets the locale from the environment (falling back to C.UTF-8 when its character set is
    /// not UTF-8), refuses non-tty streams, `TERM=dumb` and unknown terminals before touching
    /// the screen, then starts ncurses with `newterm`.
    ///
    /// `input` and `output` default to standard input and output; tests pass a
    /// pseudo-terminal. With `ownsProcess` (the default) standard error goes to a file while
    /// the screen is up and is replayed on close, and SIGINT/TERM/HUP/QUIT and crash signals
    /// are routed through the restore path; tests that open a second terminal pass false.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment, theme: Theme = .builtinDefault,
        input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, ownsProcess: Bool = true, ambiguous: AmbiguousSetting = .narrow,
        mouse: Bool = false
    ) throws {
        guard isatty(input) == 1, isatty(output) == 1 else { throw TerminalError.notATerminal }
        inputFD = input
        try Self.setUTF8Locale()
        let term = environment["TERM"] ?? ""
        if term.isEmpty { throw TerminalError.unknownTerminal(term) }
        if term == "dumb" { throw TerminalError.dumbTerminal(term) }
        switch doorstep_check_terminal(term) {
        case 1: break
        case -1: throw TerminalError.dumbTerminal(term)
        case -2: throw TerminalError.noTerminfo
        default: throw TerminalError.unknownTerminal(term)
        }
        switch ambiguous {
        case .narrow, .wide:
            glyphs = Glyphs(ambiguous: ambiguous == .wide ? .wide : .narrow)
            glyphsChosen = "\(ambiguous.rawValue), as set"
        case .auto:
            if let answer = AmbiguousProbe.ask(input: input, output: output) {
                glyphs = Glyphs(ambiguous: answer)
                glyphsChosen = "\(answer.rawValue), as the terminal answered"
            } else {
                glyphs = .wide  // the set that lines up on every terminal
                glyphsChosen = "wide, as the terminal did not answer"
            }
        }
        // the box lines go through the line-drawing set when ambiguous characters are wide; ncurses
        // would send Unicode lines instead under GNU screen or the Linux console unless told
        if glyphs.ambiguous == .wide { setenv("NCURSES_NO_UTF8_ACS", "0", 1) }
        guard let screen = doorstep_newterm(term, output, input) else { throw TerminalError.unknownTerminal(term) }
        self.screen = screen
        set_term(screen)
        self.stderrCapture = ownsProcess ? StderrCapture() : nil
        let window = doorstep_stdscr()
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        if mouse {
            // clicks and the wheel (a terminal's own selection then needs Shift, or --no-mouse)
            _ = mousemask(doorstep_mouse_mask(), nil)
            _ = mouseinterval(300)
        }
        set_escdelay(25)
        curs_set(0)
        leaveok(window, true)
        var rows: Int32 = 0
        var cols: Int32 = 0
        doorstep_getmaxyx(window, &rows, &cols)
        size = Size(width: Int(cols), height: Int(rows))
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        setUpColours(noColour ? theme.withoutColour : theme, colour: !noColour)
        // ncurses leaves a screen made by newterm in its "initial" state until it has been
        // suspended and resumed once, and in that state flushes its output after every cursor
        // move: a frame went to the terminal as a dozen small writes. Suspending and resuming
        // here (before anything is drawn) puts it in its running state: a frame, one write.
        endwin()
        doupdate()
        doorstep_enable_acs(output)
        if ownsProcess { doorstep_install_signal_handlers() }
    }

    deinit { close() }

    /// Puts the terminal back as it was: colours reset, cursor shown, main screen restored.
    /// Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        if let (reader, waker) = waker {
            if let writer = waker.invalidate() { Foundation.close(writer) }
            Foundation.close(reader)
            self.waker = nil
        }
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        if let capture = stderrCapture {
            doorstep_restore_default_signal_handlers()
            capture.restore()
        }
    }

    /// A waker for `read`, made on first use: another thread's `wake()` ends the wait at once
    /// with `.woken`. Nil when no pipe can be made (reads then wait out their timeouts).
    public func makeWaker() -> TerminalWaker? {
        if let (_, existing) = waker { return existing }
        var ends: [Int32] = [0, 0]
        guard !closed, pipe(&ends) == 0 else { return nil }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        let made = TerminalWaker(writeEnd: ends[1])
        waker = (ends[0], made)
        return made
    }

    /// The attention cues: the terminal's bell, or a flash of the screen where it has one.
    public func bell() { if !closed { beep() } }
    public func flashScreen() { if !closed { flash() } }

    // MARK: Input

    /// Waits up to `timeoutMilliseconds` for a key, a resize or a signal.
    public func read(timeoutMilliseconds: Int) -> TerminalEvent {
        if let signal = pendingSignal() { return .signal(signal) }
        let window = doorstep_stdscr()
        let started = DispatchTime.now().uptimeNanoseconds
        var code: wint_t = 0
        let result: Int32
        if let (reader, _) = waker {
            // what ncurses holds or can read at once comes first: its first read also turns the
            // keypad's application mode on, without which an arrow comes as another sequence
            wtimeout(window, 0)
            let ready = wget_wch(window, &code)
            if ready != ERR {
                result = ready
            } else {
                // then wait on the keyboard and the wake pipe together; ncurses reads what came
                // without waiting (it takes a key's bytes from the terminal one at a time, so a
                // key not yet read is seen here; a resize or a signal interrupts the wait)
                var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0), pollfd(fd: reader, events: Int16(POLLIN), revents: 0)]
                let woke = poll(&fds, 2, Int32(timeoutMilliseconds))
                if woke > 0, fds[1].revents != 0 {
                    var drained = [UInt8](repeating: 0, count: 64)
                    while Foundation.read(reader, &drained, drained.count) > 0 {}
                    if fds[0].revents == 0 { return .woken }
                }
                result = wget_wch(window, &code)
            }
        } else {
            wtimeout(window, Int32(timeoutMilliseconds))
            result = wget_wch(window, &code)
        }
        if let signal = pendingSignal() { return .signal(signal) }
        switch result {
        case KEY_CODE_YES:
            fastErrors = 0
            if Int32(code) == KEY_MOUSE {
                var event = MEVENT()
                guard getmouse(&event) == OK else { return .timeout }
                let kinds: [Int32: Mouse.Kind] = [1: .click, 2: .doubleClick, 3: .wheelUp, 4: .wheelDown]
                guard let kind = kinds[doorstep_mouse_kind(event.bstate)] else { return .timeout }
                return .key(.mouse(Mouse(kind, x: Int(event.x), y: Int(event.y))))
            }
            if Int32(code) == KEY_RESIZE {
                var rows: Int32 = 0
                var cols: Int32 = 0
                doorstep_getmaxyx(window, &rows, &cols)
                size = Size(width: Int(cols), height: Int(rows))
                previous = nil
                return .resize(size)
            }
            return .key(KeyMap.functionKey(Int32(code)))
        case OK:
            fastErrors = 0
            return .key(KeyMap.character(UInt32(code)))
        default:
            // ERR: an ordinary timeout, or a terminal that has gone away (ERR at once, forever).
            let elapsedMs = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            if timeoutMilliseconds >= 20, elapsedMs < timeoutMilliseconds / 2 {
                fastErrors += 1
                if isatty(inputFD) != 1 || fastErrors >= 100 { return .gone }
            } else {
                fastErrors = 0
            }
            return .timeout
        }
    }

    private func pendingSignal() -> Int32? {
        let signal = doorstep_pending_quit_signal()
        return signal == 0 ? nil : signal
    }

    // MARK: Output

    /// Flushes `canvas`: writes only the cells that differ from the last flush (everything
    /// after a resize), then one `doupdate`. `only`, when the caller knows the canvas is the
    /// last one with just those areas drawn again, limits the comparison to them.
    public func draw(_ canvas: Canvas, only areas: [Rect]? = nil) {
        let window = doorstep_stdscr()
        let full = previous?.size != canvas.size || previous == nil
        if full { werase(window) }
        var written = 0
        let width = min(canvas.size.width, size.width)
        let height = min(canvas.size.height, size.height)
        var buffer: [wchar_t] = []
        /// The cells that differ from the last frame (on a partial draw).
        var moved: [Int] = []
        // neighbouring cells mostly share a style: its attributes are looked up when it changes
        var lastStyle: Style?
        var lastAttributes: (attr_t, Int32) = (doorstep_a_normal(), 0)
        func attributesOf(_ style: Style) -> (attr_t, Int32) {
            if style != lastStyle {
                lastStyle = style
                lastAttributes = attributes(style)
            }
            return lastAttributes
        }
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let compared = full ? [screen] : (areas ?? [screen]).map { $0.intersection(screen) }
        do {  // (`old` goes before the kept frame changes in place below: no copy of it)
            // same size as the canvas whenever it is compared (a new size is a full draw); read
            // through buffer pointers: a cell compared is then not copied (nor its text retained)
            let old = full ? nil : previous?.cells
            let stride = canvas.size.width
            canvas.cells.withUnsafeBufferPointer { cells in
                (old ?? []).withUnsafeBufferPointer { old in
                    for area in compared where !area.isEmpty {
                        for y in area.y..<area.maxY {
                            for x in area.x..<area.maxX {
                                let index = y * stride + x
                                if !old.isEmpty, old[index] == cells[index] { continue }
                                moved.append(index)
                                let cell = cells[index]
                                if cell.isContinuation { continue }
                                if cell.width == 2, x + 1 >= width { continue }
                                if glyphs.ambiguous == .wide, let letter = Self.lineDrawingLetter(cell.text) {
                                    let (attrs, pair) = attributesOf(cell.style)
                                    _ = doorstep_put_acs(window, Int32(y), Int32(x), letter, attrs, pair)
                                    written += 1
                                    continue
                                }
                                buffer.removeAll(keepingCapacity: true)
                                for scalar in cell.text.unicodeScalars { buffer.append(wchar_t(bitPattern: scalar.value)) }
                                if buffer.isEmpty { buffer.append(32) }
                                let (attrs, pair) = attributesOf(cell.style)
                                _ = doorstep_put_cell(window, Int32(y), Int32(x), buffer, Int32(buffer.count), attrs, pair)
                                written += 1
                            }
                        }
                    }
                }
            }
        }
        lastCellsWritten = written
        // after a partial draw only the cells that differed change: they are copied into the
        // last frame kept here (in place), so the caller's frame is not shared and can change in
        // place next time
        if !full, areas != nil {
            previous?.copyCells(moved, from: canvas)
        } else {
            previous = canvas
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Forgets what the terminal shows: the next draw clears it and writes every cell (Ctrl-L,
    /// after something else wrote over the screen).
    public func repaint() {
        previous = nil
        doorstep_clearok_curscr()
    }

    /// The line-drawing set's letter for a box line, when `text` is one.
    private static func lineDrawingLetter(_ text: String) -> UInt8? {
        let scalars = text.unicodeScalars
        guard scalars.count == 1, let first = scalars.first, first.value >= 0x2500, first.value <= 0x253C else { return nil }
        return Glyphs.lineDrawingLetters[first.value]
    }

    private func attributes(_ style: Style) -> (attr_t, Int32) {
        var attrs = roleAttributes[style.role] ?? doorstep_a_normal()
        if style.bold { attrs |= doorstep_a_bold() }
        if style.inverse { attrs ^= doorstep_a_reverse() }
        return (attrs, pairs[style.role] ?? 0)
    }

    /// One colour pair per role, at the terminal's depth; attributes from the theme.
    private func setUpColours(_ theme: Theme, colour: Bool) {
        if colour, has_colors() {
            start_color()
            use_default_colors()
            depth = ColourDepth(colours: Int(doorstep_colors()))
        }
        var next: Int32 = 1
        for role in Role.allCases {
            let style = theme.style(for: role)
            var attrs = doorstep_a_normal()
            if style.bold { attrs |= doorstep_a_bold() }
            if style.dim { attrs |= doorstep_a_dim() }
            if style.underline { attrs |= doorstep_a_underline() }
            if style.reverse { attrs |= doorstep_a_reverse() }
            if depth != .none, next < doorstep_color_pairs() {
                let (foreground, brightened) = depth.number(for: style.foreground)
                let (background, _) = depth.number(for: style.background)
                if brightened { attrs |= doorstep_a_bold() }
                _ = doorstep_init_pair(next, foreground, background)
                pairs[role] = next
                next += 1
            }
            roleAttributes[role] = attrs
        }
    }

    // MARK: Locale

    /// `setlocale(LC_ALL, "")`, falling back to C.UTF-8 when the codeset is not UTF-8.
    static func setUTF8Locale() throws {
        setlocale(LC_ALL, "")
        if isUTF8() { return }
        setlocale(LC_ALL, "C.UTF-8")
        if isUTF8() { return }
        throw TerminalError.notUTF8(currentCodeset())
    }

    private static func currentCodeset() -> String {
        guard let codeset = doorstep_codeset() else { return "unknown" }
        return String(cString: codeset)
    }

    private static func isUTF8() -> Bool {
        let codeset = currentCodeset().uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }
}
