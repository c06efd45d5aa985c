import DoorstepCalls
import Foundation
import Synchronization

/// Places each call as a SIP call through one baresip user agent, and reports what became of
/// it (`SIPOutcome`) to `onOutcome`: the wall records an answer, a refusal or a failure without
/// anyone typing `doorstep ack`. Several calls ring at once (a grid's 1+1+2+N).
///
/// baresip does not say which call a `dial` made; its events carry the call's id and the peer's
/// address, so a new id is matched to the oldest call dialled to that address not yet matched.
/// A call still ringing after `timeout` is hung up (the wall counts it missed and escalates).
public final class SIPNotifier: Notifier {
    /// A call the notifier placed and follows.
    struct Placed: Sendable {
        var callID: String
        var address: String
        var staffID: String
        var message: URL?
        /// The far end answered (its SDP came): the call's audio is starting or playing.
        var picked = false
        var answered = false
        var hungUpByUs = false
    }

    struct Book: Sendable {
        var waiting: [Placed] = []  // dialled, not yet matched to baresip's id
        var calls: [String: Placed] = [:]  // by baresip's id
        var outcome: (@Sendable (String, String, SIPOutcome) -> Void)?
        var line: (@Sendable (SIPLine) -> Void)?
    }

    public let settings: SIPSettings
    public let agent: BaresipAgent
    let messages: SpokenMessage
    let caller: String
    let timeout: TimeInterval
    private let book = Mutex(Book())
    private let synthesis = DispatchQueue(label: "doorstep.sip.messages")
    private let later = Later()

    /// Starts baresip (see `BaresipAgent`); `caller` is who the message says calls (临江街道指挥中心).
    public init(settings: SIPSettings, caller: String, timeout: TimeInterval, folder: URL) throws {
        if let problem = settings.problem { throw BaresipAgent.Failure(description: problem) }
        self.settings = settings
        self.caller = caller
        self.timeout = timeout
        messages = SpokenMessage(folder: folder.appendingPathComponent("messages"))
        // what a worker hears if a call's own message is not ready when they answer
        let general = try messages.file(for: "\(caller)呼叫,请查看工作手机,确认请按1。")
        // (tried twice: a port found free can be taken by another program before baresip binds it)
        agent = try (try? BaresipAgent(settings: settings, defaultMessage: general, parent: folder))
            ?? BaresipAgent(settings: settings, defaultMessage: general, parent: folder)
        agent.onMessage { [weak self] message in self?.handle(message) }
        if settings.registrar != nil {
            // the first REGISTER's answer may come before the control connection is up, so
            // its event is lost: ask for the registration's state while it settles
            for delay in [0.5, 2.0, 5.0, 15.0] {
                later.after(delay) { [weak self] in self?.agent.send([("reginfo", nil)]) }
            }
        }
    }

    /// `body(callID, staffID, outcome)` hears what becomes of each call, on the agent's thread.
    public func onOutcome(_ body: @escaping @Sendable (String, String, SIPOutcome) -> Void) {
        book.withLock { $0.outcome = body }
    }

    /// `body` hears when the line changes: registered, the registrar failing, the agent gone.
    public func onLine(_ body: @escaping @Sendable (SIPLine) -> Void) {
        book.withLock { $0.line = body }
    }

    public func deliver(_ notice: CallNotice) throws {
        guard let address = settings.address(phone: notice.phone, id: notice.staffID) else {
            throw NotifierError(description: "\(notice.name) has no phone number to call at \(settings.target)")
        }
        guard agent.isRunning else { throw NotifierError(description: "baresip is not running (its log: \(agent.folder.path)/baresip.log)") }
        book.withLock { $0.waiting.append(Placed(callID: notice.callID, address: address, staffID: notice.staffID)) }
        guard agent.send([("dial", address)]) else {
            book.withLock { $0.waiting.removeAll { $0.callID == notice.callID } }
            throw NotifierError(description: "baresip's control connection is closed")
        }
        // the words are made while the phone rings (seconds), not before the INVITE
        let text = SpokenMessage.text(for: notice, caller: caller)
        synthesis.async { [self] in
            let file = try? messages.file(for: text)
            // picked up before the words were ready (the general words are playing): switch now
            let playing: String? = book.withLock { book in
                if let i = book.waiting.firstIndex(where: { $0.callID == notice.callID }) { book.waiting[i].message = file }
                var playing: String?
                for (id, call) in book.calls where call.callID == notice.callID {
                    book.calls[id]?.message = file
                    if call.picked { playing = id }
                }
                return playing
            }
            if let playing, let file { agent.send([("callfind", playing), ("ausrc", "aufile,\(file.path)")]) }
        }
        let callID = notice.callID
        later.after(timeout) { [weak self] in self?.giveUp(on: callID) }
    }

    /// Hangs up the call if it is still ringing (nobody answered in time).
    /// A dial baresip never made a call of (no event at all by then) is dropped and reported
    /// failed, so it neither waits for ever nor takes the events of a later call to the address.
    func giveUp(on callID: String) {
        let (found, unplaced, outcome) = book.withLock { book -> (String?, Placed?, (@Sendable (String, String, SIPOutcome) -> Void)?) in
            if let i = book.waiting.firstIndex(where: { $0.callID == callID }) { return (nil, book.waiting.remove(at: i), book.outcome) }
            guard let (id, call) = book.calls.first(where: { $0.value.callID == callID }), !call.answered else { return (nil, nil, nil) }
            book.calls[id]?.hungUpByUs = true
            return (id, nil, nil)
        }
        if let found { agent.send([("callfind", found), ("hangup", nil)]) }
        if let unplaced { outcome?(unplaced.callID, unplaced.staffID, .failed("baresip placed no call to \(unplaced.address)")) }
    }

    /// Hangs up every call and stops baresip.
    public func stop() {
        let ids = book.withLock { Array($0.calls.keys) }
        for id in ids { agent.send([("callfind", id), ("hangup", nil)]) }
        later.stop()
        agent.stop()
    }

    func handle(_ message: BaresipMessage) {
        if case .response(_, _, let data) = message, let line = SIPLine(reginfo: data) {
            book.withLock { $0.line }?(line)
            return
        }
        if case .event(let type, _, _, let parameter) = message, let line = SIPLine(event: type, parameter: parameter) {
            book.withLock { $0.line }?(line)
            return
        }
        guard case .event(let type, let id?, let peer, let parameter) = message else { return }
        var report: (Placed, SIPOutcome)?
        var switchTo: URL?
        let outcome = book.withLock { book -> (@Sendable (String, String, SIPOutcome) -> Void)? in
            if book.calls[id] == nil, let peer, let i = book.waiting.firstIndex(where: { Self.same($0.address, peer) }) {
                book.calls[id] = book.waiting.remove(at: i)
            }
            guard var call = book.calls[id] else { return nil }
            switch type {
            case "CALL_RINGING":
                report = (call, .ringing)
            case "CALL_REMOTE_SDP" where parameter == "answer":
                call.picked = true
                book.calls[id] = call
                switchTo = call.message  // the call's own words, before its audio starts
            case "CALL_ESTABLISHED":
                call.answered = true
                book.calls[id] = call
                report = (call, .answered)
            case "CALL_DTMF_START":
                report = (call, .pressed(parameter))
            case "CALL_CLOSED":
                book.calls[id] = nil
                let closed = call.hungUpByUs && !call.answered
                    ? SIPOutcome.unanswered("no answer in \(Int(timeout)) s")
                    : SIPOutcome.closed(reason: parameter, answered: call.answered)
                report = (call, closed)
            default:
                break
            }
            return book.outcome
        }
        if let switchTo { agent.send([("callfind", id), ("ausrc", "aufile,\(switchTo.path)")]) }
        if let (call, result) = report { outcome?(call.callID, call.staffID, result) }
    }

    /// Whether baresip's peer URI is the address dialled (it may add or drop `;transport=…`).
    static func same(_ dialled: String, _ peer: String) -> Bool {
        func bare(_ uri: String) -> Substring { uri.split(separator: ";", maxSplits: 1).first ?? Substring(uri) }
        return bare(dialled) == bare(peer)
    }
}
