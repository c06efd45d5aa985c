import DoorstepCalls
import DoorstepDomain
import DoorstepEngine
import DoorstepScreen
import DoorstepSIP
import DoorstepStore
import Foundation
import Logging

/// The wall's one effect runner: carries out what the wall's update asks (calls, ticket moves,
/// histories, reveals) on a worker queue, supervises missed calls, and hands the outcomes back
/// to the screen's thread as messages.
///
/// Thread-safe: the outbox and the supervising flag are guarded by `lock`; store and notifier
/// work runs on `queue`, one job at a time.
public final class WallEffects: @unchecked Sendable {
    private let desk: CallDesk
    private let alarms: AlarmDesk
    private let alertCommand: String?
    private let store: any LifecycleCommands & StoreQueries & AlarmCommands
    private let actor: String
    private let engine: PollingLoop
    private let clock: any Clock
    private let logger: Logger
    private let queue = DispatchQueue(label: "doorstep.actions")
    private let lock = NSLock()
    private var outbox: [WallMessage] = []
    /// Told when a message is posted (the wall wakes to take it, rather than at its next look).
    private var onPost: (@Sendable () -> Void)?
    /// The rounds under way: a round is skipped while its previous one still runs.
    private var running: Set<Round> = []
    private enum Round { case supervision, alarms }
    /// The SIP user agent, when calls go over SIP.
    private var sip: SIPNotifier?

    public init(desk: CallDesk, alarms: AlarmDesk, alertCommand: String? = nil, store: any LifecycleCommands & StoreQueries & AlarmCommands,
                actor: String, engine: PollingLoop, clock: any Clock, logger: Logger) {
        self.desk = desk
        self.alarms = alarms
        self.alertCommand = alertCommand
        self.store = store
        self.actor = actor
        self.engine = engine
        self.clock = clock
        self.logger = logger
    }

    /// The effects of a wall over `store` with `settings`: its calls through the settings'
    /// notifier and escalation chain.
    public convenience init(settings: ScreenSettings, store: any LifecycleCommands & StoreQueries & AlarmCommands, engine: PollingLoop, actor: String,
                            logger: Logger) {
        let clock = SystemClock()
        var notifier = settings.callNotifier
        var sip: SIPNotifier?
        var sipProblem: String?
        if let sipSettings = settings.sip {
            do {
                let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["XDG_RUNTIME_DIR"] ?? NSTemporaryDirectory())
                    .appendingPathComponent("doorstep-sip")
                sip = try SIPNotifier(settings: sipSettings, caller: "街道指挥中心", timeout: settings.callTimeout, folder: folder)
                notifier = sip ?? notifier
                logger.notice("SIP calls through baresip", metadata: ["listen": "\(sip?.agent.sipAddress ?? "")", "target": "\(sipSettings.target)"])
            } catch {
                sipProblem = "\(error)"
                logger.error("SIP calls unavailable, calls are recorded only: \(error)")
            }
        }
        let desk = CallDesk(
            store: store, notifier: notifier, clock: clock, timeout: settings.callTimeout, chain: settings.chain, actor: actor)
        let alarms = AlarmDesk(store: store, calls: desk, clock: clock, escalateAfter: settings.alarmEscalation, actor: actor)
        self.init(desk: desk, alarms: alarms, alertCommand: settings.alertCommand, store: store, actor: actor, engine: engine, clock: clock,
                  logger: logger)
        self.sip = sip
        sip?.onOutcome { [weak self] callID, staffID, outcome in self?.phoneOutcome(callID: callID, staffID: staffID, outcome) }
        sip?.onLine { [weak self] line in self?.phoneLine(line) }
        if let sipProblem {
            post(.outcome(.failed("SIP: \(sipProblem) — calls are recorded only")))
            post(.phoneLine(.unavailable))
        }
    }

    /// Hangs up the calls still ringing and stops the SIP user agent (the wall is leaving).
    public func stop() {
        sip?.stop()
    }

    /// The line's trouble to the header (and its log), or its end.
    func phoneLine(_ line: SIPLine) {
        switch line {
        case .registered:
            logger.notice("SIP: registered")
            post(.phoneLine(nil))
        case .registrationFailed(let reason):
            logger.warning("SIP: registration failed: \(reason)")
            post(.phoneLine(.registrarNotAnswering))
        case .gone(let reason):
            logger.error("SIP: the user agent went away (\(reason)); calls are recorded only from now on")
            post(.phoneLine(.agentGone))
        }
    }

    /// What became of a SIP call, recorded as the phone said it: picked up is answered ("by
    /// phone"), busy or declined is declined with the SIP reason, unreachable is failed (and
    /// escalated at once), a key pressed is confirmed; a call nobody picked up is left to time
    /// (missed, then escalated). Declines and failures are also shown to the operator.
    func phoneOutcome(callID: String, staffID: String, _ outcome: SIPOutcome) {
        let answer: PhoneAnswer
        switch outcome {
        case .answered: answer = .answered
        case .declined(let reason): answer = .declined(reason: reason)
        case .failed(let reason): answer = .failed(reason: reason)
        case .pressed(let key): answer = .pressed(key: key)
        case .ringing, .unanswered, .ended:
            logger.info("phone", metadata: ["call": "\(callID)", "outcome": "\(outcome)"])
            return
        }
        queue.async { [self] in
            do {
                let call = try store.recordPhone(answer, callID: callID, timeout: desk.timeout, at: clock.now())
                logger.notice("phone", metadata: ["call": "\(callID)", "outcome": "\(outcome)", "state": "\(call.state.rawValue)"])
                switch answer {
                case .answered: post(.outcome(.answered(callID: callID, accepted: true)))
                case .declined(let reason), .failed(let reason): post(.outcome(.failed("\(callID): \(reason)")))
                case .pressed: break
                }
            } catch {
                logger.notice("the phone's word on \(callID) was not recorded: \(error)")
            }
            engine.pollSoon()
        }
    }

    /// Keeps the alarms in step with the grids (raised, cleared, escalated; skipped when there
    /// is nothing to do, or while the previous round still runs).
    public func reconcileAlarms(_ overview: Overview) {
        guard alarms.hasWork(in: overview) else { return }
        runAlone(.alarms) { [self] in
            let report = alarms.reconcile(overview)
            if !report.raised.isEmpty || !report.cleared.isEmpty || !report.escalated.isEmpty {
                logger.notice("alarms", metadata: ["raised": "\(report.raised.map(\.id))", "cleared": "\(report.cleared.map(\.id))",
                                                   "escalated": "\(report.escalated.map(\.id))"])
                engine.pollSoon()
            }
            for problem in report.problems { logger.warning("alarms: \(problem)") }
        }
    }

    /// Runs `job` on the queue, unless the previous `round` is still under way.
    private func runAlone(_ round: Round, _ job: @escaping @Sendable () -> Void) {
        lock.lock()
        guard running.insert(round).inserted else {
            lock.unlock()
            return
        }
        lock.unlock()
        queue.async { [self] in
            job()
            lock.lock()
            running.remove(round)
            lock.unlock()
        }
    }

    /// Runs the alert command for new alarms (in the background: a slow sound never holds the wall).
    public func alert(_ new: [Alarm], overview: Overview) {
        guard let alertCommand, !new.isEmpty else { return }
        queue.async { [self] in
            for alarm in new {
                let notifier = CommandNotifier(command: alertCommand)
                let name = overview.summary(ofGrid: alarm.gridCode)?.grid.name ?? alarm.gridCode
                do {
                    try notifier.run(environment: ["DOORSTEP_ALARM_ID": alarm.id, "DOORSTEP_GRID": alarm.gridCode, "DOORSTEP_GRID_NAME": name,
                                                   "DOORSTEP_REASONS": alarm.reasons.joined(separator: ",")])
                } catch {
                    logger.warning("alert command: \(error)")
                }
            }
        }
    }

    /// Messages produced since the last call, oldest first.
    public func takeMessages() -> [WallMessage] {
        lock.lock()
        defer { lock.unlock() }
        let messages = outbox
        outbox = []
        return messages
    }

    private func post(_ message: WallMessage) {
        lock.lock()
        outbox.append(message)
        let wake = onPost
        lock.unlock()
        wake?()
    }

    /// `body` runs on the posting thread whenever an effect's outcome is posted.
    public func whenPosted(_ body: @escaping @Sendable () -> Void) {
        lock.lock()
        onPost = body
        lock.unlock()
    }

    func placeCalls(staffIDs: [String], gridCode: String?, overview: Overview) {
        queue.async { [self] in
            do {
                let report = try desk.place(staffIDs: staffIDs, gridCode: gridCode, overview: overview)
                logger.info("calls placed", metadata: ["calls": "\(report.calls.map(\.id))"])
                for problem in report.problems { logger.warning("notifier: \(problem)") }
                post(.outcome(report.problems.first.map { .failed($0) } ?? .callsPlaced(report.calls.count)))
            } catch {
                logger.warning("call failed: \(error)")
                post(.outcome(Self.notice(for: error)))
            }
            engine.pollSoon()
        }
    }

    /// Carries out an effect the wall's update asked for.
    public func perform(_ effect: WallEffect, state: WallState) {
        switch effect {
        case .quit, .replay, .repaint:
            break  // (the run loop's: leaving, and a replay's clock)
        case .placeCalls(let staffIDs, let gridCode):
            placeCalls(staffIDs: staffIDs, gridCode: gridCode, overview: state.overview)
        case .act(let ticketID, let action):
            queue.async { [self] in
                do {
                    let ticket = try store.act(on: ticketID, action, by: actor, at: clock.now())
                    logger.info("ticket moved", metadata: ["ticket": "\(ticketID)", "state": "\(ticket.state.rawValue)"])
                    post(.outcome(.moved(ticketID: ticketID, to: ticket.state)))
                } catch {
                    logger.notice("ticket action refused: \(error)")
                    post(.outcome(Self.notice(for: error)))
                }
                engine.pollSoon()
            }
        case .callIn(let ticketID, let responderIDs):
            queue.async { [self] in
                do {
                    let made = try store.callIn(ticketID: ticketID, responderIDs: responderIDs, hours: nil, by: actor, at: clock.now())
                    logger.info("parties called in", metadata: ["ticket": "\(ticketID)", "call-ins": "\(made.map(\.id))"])
                    post(.outcome(.calledIn(ticketID: ticketID, count: made.count)))
                } catch {
                    logger.notice("call-in refused: \(error)")
                    post(.outcome(Self.notice(for: error)))
                }
                engine.pollSoon()
            }
        case .handover(let to, let note):
            // (what the shift inherits is what this desk shows now, counted off the screen's thread)
            let (overview, now, grids, toName) = (state.overview, state.now, state.deskGridCodes, state.personName(to))
            queue.async { [self] in
                do {
                    let inherited = HandoverSummary(overview, at: now, grids: grids)
                    let made = try store.recordHandover(to: to, note: note, inherited: inherited, by: actor, at: clock.now())
                    logger.info("handover recorded", metadata: ["handover": "\(made.id)", "to": "\(to)"])
                    post(.outcome(.handedOver(id: made.id, to: toName)))
                } catch {
                    logger.notice("handover refused: \(error)")
                    post(.outcome(Self.notice(for: error)))
                }
                engine.pollSoon()
            }
        case .acknowledgeAlarms(let ids):
            queue.async { [self] in
                do {
                    let taken = try store.acknowledgeAlarms(ids: ids, by: actor, at: clock.now())
                    logger.info("alarms acknowledged", metadata: ["alarms": "\(taken.map(\.id))"])
                    post(.outcome(.alarmsAcknowledged(taken.count)))
                } catch {
                    logger.notice("alarms not acknowledged: \(error)")
                    post(.outcome(Self.notice(for: error)))
                }
                engine.pollSoon()
            }
        case .answerCall(let callID, let staffID, let accept):
            queue.async { [self] in
                do {
                    let call = try store.acknowledge(callID: callID, staffID: staffID, accept: accept, timeout: desk.timeout, at: clock.now())
                    logger.info("call answered from the wall", metadata: ["call": "\(callID)", "state": "\(call.state.rawValue)"])
                    post(.outcome(.answered(callID: callID, accepted: accept)))
                } catch {
                    logger.notice("call not answered: \(error)")
                    post(.outcome(Self.notice(for: error)))
                }
                engine.pollSoon()
            }
        case .loadHistory(let ticketID):
            read("history") { [store] in .history(ticketID: ticketID, try store.history(of: ticketID)) }
        case .loadHouseholds(let grid):
            read("households") { [store] in .households(gridCode: grid, try store.households(ofGrid: grid)) }
        case .reveal(let subject):
            queue.async { [self] in
                do {
                    // who saw what and when goes into the event log before anything is shown
                    try store.recordReveal(of: subject, by: actor, at: clock.now())
                    logger.notice("resident details revealed", metadata: ["subject": "\(subject)", "by": "\(actor)"])
                    post(.revealed(subject: subject))
                } catch {
                    logger.notice("reveal not recorded: \(error)")
                    post(.outcome(Self.notice(for: error)))
                }
            }
        }
    }

    /// Reads something for a page on the worker queue and hands it to the screen, or the
    /// reason it could not be read.
    private func read(_ what: String, _ body: @escaping @Sendable () throws -> WallMessage) {
        queue.async { [self] in
            do {
                post(try body())
            } catch {
                logger.notice("\(what) not read: \(error)")
                post(.outcome(Self.notice(for: error)))
            }
        }
    }

    /// A failure as the operator's notice: what happened from the store's kind of error, with
    /// its cause as the store gave it (put into words by the screen).
    static func notice(for error: Error) -> OperatorNotice {
        switch error as? StoreError {
        case .unavailable(let reason, _)?: return .storeUnavailable(reason)
        case .notFound(_, let id)?: return .notFound(id: id)
        case .corrupt(let detail)?: return .storeUnreadable(detail)
        case .conflict(let refusal, let last)?: return .refused(refusal, lastMove: last)
        case .forbidden(let detail)?: return .forbidden(detail)
        default: return .failed("\(error)")
        }
    }

    /// Escalates missed calls in `overview` (skipped when none is missed, or while the previous
    /// round still runs).
    public func supervise(_ overview: Overview) {
        // most seconds nothing is missed: no need to wake the worker queue
        guard desk.anyMissed(in: overview) else { return }
        runAlone(.supervision) { [self] in
            let report = desk.supervise(overview)
            if !report.calls.isEmpty {
                logger.notice("missed calls escalated", metadata: ["calls": "\(report.calls.map(\.id))"])
                engine.pollSoon()
            }
            for problem in report.problems {
                logger.warning("escalation: \(problem)")
                post(.outcome(.failed(problem)))
            }
        }
    }
}
