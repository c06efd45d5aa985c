import DoorstepActions
import DoorstepDomain
import DoorstepEngine
import DoorstepScreen
import DoorstepStore
import Foundation
import Logging

/// Carries out what the wall asks (calls) on a worker thread, supervises missed calls once a
/// second, and hands outcomes back to the screen's thread as messages.
final class WallActions: @unchecked Sendable {
    private let desk: CallDesk
    private let store: any DoorstepStore
    private let actor: String
    private let engine: PollingLoop
    private let logger: Logger
    private let queue = DispatchQueue(label: "doorstep.actions")
    private let lock = NSLock()
    private var outbox: [WallMessage] = []
    private var supervising = false

    init(desk: CallDesk, store: any DoorstepStore, actor: String, engine: PollingLoop, logger: Logger) {
        self.desk = desk
        self.store = store
        self.actor = actor
        self.engine = engine
        self.logger = logger
    }

    /// Messages produced since the last call, oldest first.
    func takeMessages() -> [WallMessage] {
        lock.lock()
        defer { lock.unlock() }
        let messages = outbox
        outbox = []
        return messages
    }

    private func post(_ message: WallMessage) {
        lock.lock()
        outbox.append(message)
        lock.unlock()
    }

    func placeCalls(staffIDs: [String], gridCode: String?, overview: Overview, strings: UIStrings) {
        queue.async { [self] in
            do {
                let report = try desk.place(staffIDs: staffIDs, gridCode: gridCode, overview: overview)
                logger.info("calls placed", metadata: ["calls": "\(report.calls.map(\.id))"])
                for problem in report.problems { logger.warning("notifier: \(problem)") }
                post(.outcome(report.problems.first ?? strings.callsPlaced(report.calls.count), isProblem: !report.problems.isEmpty))
            } catch {
                logger.warning("call failed: \(error)")
                post(.outcome(Self.describe(error, strings), isProblem: true))
            }
            engine.pollSoon()
        }
    }

    /// Carries out an effect the wall's update asked for.
    func perform(_ effect: WallEffect, state: WallState) {
        switch effect {
        case .quit:
            break
        case .placeCalls(let staffIDs, let gridCode):
            placeCalls(staffIDs: staffIDs, gridCode: gridCode, overview: state.overview, strings: state.strings)
        case .act(let ticketID, let action):
            let strings = state.strings
            queue.async { [self] in
                do {
                    let ticket = try store.act(on: ticketID, action, by: actor, at: SystemClock().now())
                    logger.info("ticket moved", metadata: ["ticket": "\(ticketID)", "state": "\(ticket.state.rawValue)"])
                    post(.outcome(strings.moved(ticketID, strings.state(ticket.state.rawValue)), isProblem: false))
                } catch StoreError.conflict(let refusal, let winner) {
                    logger.notice("ticket action refused: \(refusal) \(winner ?? "")")
                    post(.outcome(strings.refused(refusal.action.verb, ticketID, strings.state(refusal.state.rawValue), winner ?? ""), isProblem: true))
                } catch {
                    logger.notice("ticket action refused: \(error)")
                    post(.outcome(Self.describe(error, strings), isProblem: true))
                }
                engine.pollSoon()
            }
        case .loadHistory(let ticketID):
            let strings = state.strings
            queue.async { [self] in
                do {
                    post(.history(ticketID: ticketID, try store.history(of: ticketID)))
                } catch {
                    logger.notice("history not read: \(error)")
                    post(.outcome(Self.describe(error, strings), isProblem: true))
                }
            }
        case .reveal(let subject):
            let strings = state.strings
            queue.async { [self] in
                do {
                    // who saw what and when goes into the event log before anything is shown
                    try store.record(kind: "privacy.reveal", subject: subject, actor: actor, detail: "resident details shown on the wall", at: SystemClock().now())
                    logger.notice("resident details revealed", metadata: ["subject": "\(subject)", "by": "\(actor)"])
                    post(.revealed(subject: subject))
                } catch {
                    logger.notice("reveal not recorded: \(error)")
                    post(.outcome(Self.describe(error, strings), isProblem: true))
                }
            }
        }
    }

    /// A failure in the operator's language: what happened from the store's kind of error,
    /// with its cause as the store gave it.
    static func describe(_ error: Error, _ strings: UIStrings) -> String {
        switch error as? StoreError {
        case .unavailable(let reason)?: return strings.storeUnavailable(reason)
        case .notFound(_, let id)?: return strings.notFound(id)
        case .corrupt(let detail)?: return strings.storeUnreadable(detail)
        default: return strings.actionFailed("\(error)")
        }
    }

    /// Escalates missed calls in `overview` (skipped while the previous round still runs).
    func supervise(_ overview: Overview) {
        lock.lock()
        if supervising {
            lock.unlock()
            return
        }
        supervising = true
        lock.unlock()
        queue.async { [self] in
            let report = desk.supervise(overview)
            if !report.calls.isEmpty {
                logger.notice("missed calls escalated", metadata: ["calls": "\(report.calls.map(\.id))"])
                engine.pollSoon()
            }
            for problem in report.problems {
                logger.warning("escalation: \(problem)")
                post(.outcome(problem, isProblem: true))
            }
            lock.lock()
            supervising = false
            lock.unlock()
        }
    }
}
