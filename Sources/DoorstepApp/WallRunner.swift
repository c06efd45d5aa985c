import DoorstepCanvas
import DoorstepDomain
import DoorstepEngine
import DoorstepScreen
import DoorstepTerminal
import Foundation
import Logging

/// Drives the wall on a real terminal: render, flush the difference, wait for a key, the next
/// clock second or a fresh engine snapshot, update, repeat. Runs on the one thread that owns
/// ncurses; the engine polls on its own thread and leaves snapshots in a mailbox.
struct WallRunner {
    enum Outcome: Equatable {
        case quit
        case signal(Int32)
        case terminalGone
    }

    var clock: any Clock
    var engine: PollingLoop
    var effects: WallEffects
    var logger: Logger
    /// How often to look in the engine's mailbox while no key arrives (the engine's polls land
    /// just before the second turns, when the wall wakes anyway).
    var mailboxCheck: TimeInterval = 1
    /// How often to look, for a while after a key: its effect's outcome and the fresh data
    /// it makes arrive within moments.
    var eagerCheck: TimeInterval = 0.1
    /// (longer than a call's grace, so the calls go out within a tenth of a second of its end)
    static let eagerFor: TimeInterval = 4
    /// Seconds between frames drawn and compared whole, whatever changed.
    static let fullCompareEvery: TimeInterval = 60
    /// How often freed memory is given back to the system (`MemoryTrim`).
    static let trimEvery: TimeInterval = 60
    /// Seconds without a poll after which the wall says its data is old.
    var staleAfter: TimeInterval = 10
    /// The cues for a new alarm on the desk (the alert command is the effects').
    var bell = true
    var flash = false
    /// 回放: set when the wall replays the log; then its clock is the replay's, nothing is
    /// written (no supervision of calls, no alarms raised, writing keys refused) and no cue sounds.
    var replay: ReplayDriver?

    func run(terminal: Terminal, state initial: WallState) -> Outcome {
        var state = initial
        state.update(.resize(terminal.size))
        var lastFrame: Canvas?
        // what the last frame shows; render only when something can have changed: a message,
        // fresh data, a key, a resize, or the clock reaching a new second (the wakes between, to
        // look at the mailbox, are free)
        var shown = state
        var changed = true
        /// Only fresh data arrived since the last frame (no key, resize or message): then only
        /// the panes it moved are drawn again.
        var onlyData = false
        var shownSecond = Int(state.now.timeIntervalSince1970.rounded(.down))
        /// Until when to look in the mailbox often (after a key).
        var eagerUntil = Date.distantPast
        /// When the whole frame was last drawn and compared (see `fullCompareEvery`).
        var lastFullCompare = Date.distantPast
        /// When freed memory was last given back (after the first frame, then once a minute).
        var lastTrim = Date.distantPast
        // the store's own staleness (from the engine), and the engine's silence (no poll lately)
        var storeStale = state.staleSince
        var storeFault: StorageFault?
        var lastProblem: String?
        // alarms standing when the wall opens are shown, not announced; after, those raised since
        // the newest announced (less a margin, for another machine's clock or a late poll) are
        // looked at, not the whole queue
        let margin: TimeInterval = 600
        var announceFrom = state.now.addingTimeInterval(-margin)
        var announced = Set(state.newAlarms(raisedSince: announceFrom).map(\.id))
        // which alarms were looked at: (a ledger built afresh counts its versions from the start again)
        func alarmsMark(_ ledger: AlarmLedger) -> [Int] { [ledger.version, ledger.queue.count, ledger.unacknowledgedCount] }
        var alarmsSeen = alarmsMark(state.overview.alarms)
        /// Carries out an effect, or, on a replay, puts its keys to its clock and refuses writing.
        func perform(_ effect: WallEffect) {
            guard let replay else {
                effects.perform(effect, state: state)
                return
            }
            if case .replay(let command) = effect {
                replay.apply(command)
                // the header's time moves with the key (the data follows with the poll asked for)
                _ = state.update(.tick(clock.now()))
                engine.pollSoon()
            } else if effect.writes {
                state.update(.outcome(.replayNothingWritten))
            } else {
                effects.perform(effect, state: state)
            }
        }
        while true {
            if let replay {
                let status = replay.status(entry: state.replay?.entry)
                if status != state.replay {
                    state.replay = status
                    changed = true
                    onlyData = false
                }
            }
            let messages = effects.takeMessages()
            for message in messages { state.update(message) }
            if !messages.isEmpty { changed = true }
            if let snapshot = engine.takeNew() {
                if !changed { onlyData = true }
                changed = true
                state.update(.overview(snapshot.overview))
                state.update(.events(snapshot.recentEvents))
                if replay == nil {
                    effects.supervise(snapshot.overview)
                    effects.reconcileAlarms(snapshot.overview)
                }
                // a new alarm on the desk: the bell, a flash, the alert command (unless muted)
                // (looked for only when the alarms changed: a city has thousands)
                let changed = alarmsMark(state.overview.alarms) != alarmsSeen
                alarmsSeen = alarmsMark(state.overview.alarms)
                let fresh = changed ? state.newAlarms(raisedSince: announceFrom).filter { !announced.contains($0.id) } : []
                if let newest = fresh.map(\.raisedAt).max(), newest.addingTimeInterval(-margin) > announceFrom {
                    announceFrom = newest.addingTimeInterval(-margin)
                    announced = announced.intersection(state.newAlarms(raisedSince: announceFrom).map(\.id))
                }
                if !fresh.isEmpty {
                    announced.formUnion(fresh.map(\.id))
                    logger.notice("new alarms", metadata: ["alarms": "\(fresh.map(\.id))", "muted": "\(state.muted)"])
                    if !state.muted, replay == nil {
                        if bell { terminal.bell() }
                        if flash { terminal.flashScreen() }
                        effects.alert(fresh, overview: snapshot.overview)
                    }
                    // an unattended wall stops turning and shows the newest alarm's grid
                    if let newest = fresh.max(by: { $0.raisedAt < $1.raisedAt }) { state.holdCycle(on: newest) }
                }
                // (each new complaint of the store is logged, and the moment it is over: what a
                // wall that stayed stale was told is then in its log)
                if snapshot.problem != lastProblem, let problem = snapshot.problem { logger.warning("engine stale: \(problem)") }
                lastProblem = snapshot.problem
                if snapshot.staleSince != storeStale || snapshot.fault != storeFault {
                    if snapshot.staleSince == nil, let since = storeStale { logger.notice("engine caught up (stale since \(since))") }
                    storeStale = snapshot.staleSince
                    storeFault = snapshot.fault
                    state.update(.stale(snapshot.staleSince, snapshot.fault))
                }
            }
            let second = Int(state.now.timeIntervalSince1970.rounded(.down))
            if changed || second != shownSecond {
                // (the last frame is taken out of its optional so it is changed in place, not copied)
                var frame = lastFrame.take() ?? Canvas(size: .init(width: 0, height: 0))
                // once a minute the whole frame is drawn and compared, whatever changed: a cell a
                // partial draw should have redrawn and did not is put right within the minute
                let partialAllowed = state.now.timeIntervalSince(lastFullCompare) < Self.fullCompareEvery && state.now >= lastFullCompare
                if partialAllowed, !changed, let areas = WallView.renderClockTick(state, from: shown.now, onto: &frame) {
                    // a second passing with nothing else new: the clock alone, and what moves with it
                    terminal.draw(frame, only: areas)
                } else if partialAllowed, onlyData || !changed, frame.size == state.size, let panes = WallView.panesMoved(from: shown, to: state) {
                    // fresh data alone, or a second while a call rings: the panes it moved (a new
                    // event need not redraw the tiles)
                    let areas = WallView.redraw(panes, of: state, from: shown, onto: &frame)
                    terminal.draw(frame, only: areas)
                } else {
                    // the backend compares with what it drew last and writes only what differs
                    frame = WallView.render(state)
                    terminal.draw(frame)
                    lastFullCompare = state.now
                }
                lastFrame = frame
                changed = false
                onlyData = false
                shownSecond = second
                shown = state
                if state.now.timeIntervalSince(lastTrim) >= Self.trimEvery || state.now < lastTrim {
                    MemoryTrim.release()
                    lastTrim = state.now
                }
            }
            let now = clock.now()
            let fraction = now.timeIntervalSince1970 - now.timeIntervalSince1970.rounded(.down)
            let toNextSecond = (1 - fraction) + 0.005
            let check = now < eagerUntil ? eagerCheck : mailboxCheck
            let wait = max(10, Int(min(toNextSecond, check) * 1000))
            switch terminal.read(timeoutMilliseconds: wait) {
            case .key(let key):
                eagerUntil = clock.now().addingTimeInterval(Self.eagerFor)
                changed = true
                onlyData = false
                // the key at the time it came, not at the last tick's (up to a second before): a
                // call's 3 s of grace are counted from the key
                state.now = clock.now()
                switch state.update(.key(key)) {
                case .quit?:
                    logger.info("operator quit")
                    return .quit
                case .repaint?:
                    terminal.repaint()
                    lastFullCompare = .distantPast
                case let effect?:
                    perform(effect)
                case nil:
                    break
                }
            case .resize(let size):
                logger.info("terminal resized", metadata: ["size": "\(size)"])
                state.update(.resize(size))
                changed = true
                onlyData = false
            case .timeout:
                // time alone sends an untaken alarm up (no fresh data need come)
                if replay == nil { effects.reconcileAlarms(state.overview) }
                // an engine that has not polled for a while: the wall says its data is old (a
                // replay's clock runs at its own speed: only the store's complaints count there)
                let silentSince = replay != nil ? nil : engine.lastPoll.flatMap { clock.now().timeIntervalSince($0) > staleAfter ? $0 : nil }
                let stale = storeStale ?? silentSince
                if stale != state.staleSince {
                    if silentSince != nil, storeStale == nil { logger.warning("engine silent since \(silentSince.map { "\($0)" } ?? "")") }
                    if stale == nil { logger.notice("engine heard from again") }
                    state.update(.stale(stale, storeStale == nil ? nil : storeFault))
                    changed = true
                    onlyData = false
                }
                let notice = state.notice
                let pending = state.pendingCall
                let (view, selected, muted) = (state.viewScope, state.selectedGrid, state.muted)
                if let effect = state.update(.tick(clock.now())) { perform(effect) }
                // (a mute running out changes the header, as a new view does the wall)
                if state.notice != notice || state.pendingCall != pending || state.viewScope != view || state.selectedGrid != selected
                    || state.muted != muted {
                    changed = true
                    onlyData = false
                }
            case .woken:
                // news of a commit elsewhere (NOTIFY), or an effect's outcome: taken at the top of
                // the loop and drawn now, not at the next look
                break
            case .signal(let signal):
                logger.notice("leaving on signal \(signal)")
                return .signal(signal)
            case .gone:
                logger.notice("terminal has gone away")
                return .terminalGone
            }
        }
    }
}

/// Opens the terminal, runs the wall over `engine` until the operator leaves, and restores the
/// terminal; returns the exit status to leave with (0 when the operator quit, 128 + the signal,
/// 129 when the terminal went away).
public func showWall(engine: PollingLoop, effects: WallEffects, settings: ScreenSettings, desk: Desk = .street, operatorNames: [String: String] = [:],
                     operatorDesks: [String: String] = [:], logger: Logger) throws -> Int32 {
    try showWall(engine: engine, effects: effects, settings: settings, desk: desk, operatorNames: operatorNames, operatorDesks: operatorDesks,
                 clock: SystemClock(), replay: nil, logger: logger)
}

/// The same, on `clock`, and as a replay when `replay` is given.
func showWall(engine: PollingLoop, effects: WallEffects, settings: ScreenSettings, desk: Desk = .street, operatorNames: [String: String] = [:],
              operatorDesks: [String: String] = [:], clock: any Clock, replay: ReplayDriver?, logger: Logger) throws -> Int32 {
    guard let first = engine.start() else {
        engine.stop()
        effects.stop()
        throw Failure("the wall has no data: the store could not be read (see the log)", exitCode: ExitStatus.unavailable)
    }
    let terminal: Terminal
    do {
        terminal = try Terminal(theme: settings.theme, ambiguous: settings.ambiguous, mouse: settings.mouse)
    } catch let error as TerminalError {
        engine.stop()
        effects.stop()
        throw Failure(error.description, exitCode: ExitStatus.terminal)
    }
    var state = WallState(
        overview: first.overview, language: settings.language, now: clock.now(), timeZone: TimeZone.current, size: terminal.size)
    logger.info("ambiguous characters: \(terminal.glyphsChosen)")
    // news of a commit elsewhere (a NOTIFY from the server), and an effect's outcome (a history,
    // a grid's households, a call placed), wake the screen at once
    if let waker = terminal.makeWaker() {
        engine.whenPushed { waker.wake() }
        effects.whenPosted { waker.wake() }
    }
    state.glyphs = terminal.glyphs
    state.desk = desk
    if let every = settings.cycle { state.startCycle(every: every, schedule: settings.cycleSchedule) }
    state.muteFor = settings.muteMinutes * 60
    state.operatorNames = operatorNames
    state.operatorDesks = operatorDesks
    state.update(.stale(first.staleSince))
    state.update(.events(first.recentEvents))
    state.replay = replay?.status(entry: nil)
    let runner = WallRunner(clock: clock, engine: engine, effects: effects, logger: logger, mailboxCheck: min(1, settings.refresh),
                            staleAfter: max(10, settings.refresh * 5), bell: settings.bell, flash: settings.flash, replay: replay)
    let outcome = runner.run(terminal: terminal, state: state)
    engine.stop()
    terminal.close()
    effects.stop()  // hangs up the calls still ringing (SIP) and stops the user agent
    switch outcome {
    case .quit: return 0
    case .signal(let signal): return 128 + signal
    case .terminalGone: return 129
    }
}
