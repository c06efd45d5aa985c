import DoorstepDomain
import Foundation
import Synchronization

/// What a notifier needs to reach a person.
public struct CallNotice: Sendable, Equatable {
    public var callID: String
    public var name: String
    public var role: String
    public var phone: String
    public var gridCode: String
    public var gridName: String
    /// Who is called (their staff id).
    public var staffID: String
    /// Why, in the tile's words (工单超时, 告警 …); empty when the operator gave none.
    public var reason: String
    /// Who calls: the command centre's name (临江街道社会治理指挥中心).
    public var caller: String

    public init(callID: String, name: String, role: String, phone: String, gridCode: String, gridName: String, staffID: String = "",
                reason: String = "", caller: String = "") {
        self.callID = callID
        self.name = name
        self.role = role
        self.phone = phone
        self.gridCode = gridCode
        self.gridName = gridName
        self.staffID = staffID
        self.reason = reason
        self.caller = caller
    }

    /// The environment a notifier command sees.
    public var environment: [String: String] {
        ["DOORSTEP_CALL_ID": callID, "DOORSTEP_NAME": name, "DOORSTEP_ROLE": role, "DOORSTEP_PHONE": phone,
         "DOORSTEP_GRID": gridCode, "DOORSTEP_GRID_NAME": gridName, "DOORSTEP_STAFF_ID": staffID, "DOORSTEP_REASON": reason]
    }
}

/// Delivers a call to a person: the hook for an SMS gateway, a SIP dialler or a pager.
public protocol Notifier: Sendable {
    func deliver(_ notice: CallNotice) throws
}

/// The default: delivers nothing, only records what it was asked (the event log already
/// holds the call).
public final class RecordingNotifier: Notifier {
    private let delivered = Mutex<[CallNotice]>([])

    public init() {}

    public func deliver(_ notice: CallNotice) throws {
        delivered.withLock { $0.append(notice) }
    }

    public var notices: [CallNotice] { delivered.withLock { $0 } }
}

/// Why a notifier command failed.
public struct NotifierError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// Runs an operator-configured command for each call, with the call's details in
/// environment variables (DOORSTEP_CALL_ID, DOORSTEP_NAME, DOORSTEP_ROLE, DOORSTEP_PHONE,
/// DOORSTEP_GRID, DOORSTEP_GRID_NAME). The command runs under /bin/sh with no terminal;
/// its output goes to the log; a non-zero exit or a run longer than `timeout` is an error.
public struct CommandNotifier: Notifier {
    public var command: String
    public var timeout: TimeInterval

    public init(command: String, timeout: TimeInterval = 10) {
        self.command = command
        self.timeout = timeout
    }

    public func deliver(_ notice: CallNotice) throws { try run(environment: notice.environment) }

    /// Runs the command with `extra` added to this process's environment; a failure says how.
    public func run(environment extra: [String: String]) throws {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { _, new in new }
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(["/bin/sh", "-c", command], environment: environment, timeout: timeout)
        } catch let failure as Subprocess.Failure {
            throw NotifierError(description: "notifier: \(failure)")
        }
        guard result.status == 0 else {
            let said = result.output.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200)
            throw NotifierError(description: "notifier exited \(result.status)\(said.isEmpty ? "" : ": \(said)")")
        }
    }
}
