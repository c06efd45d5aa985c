import DoorstepCalls
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// One baresip user agent, run and controlled by Doorstep: started with a configuration of its
/// own in a private folder (owner only: it may hold the registrar's password), spoken to over
/// its TCP control interface (netstrings of JSON) on 127.0.0.1, stopped with the wall.
///
/// Thread-safe: commands are written under a lock, in order (a `callfind` and the command that
/// acts on the call it found go together); messages are read on a thread of the agent's own and
/// handed to `onMessage`.
public final class BaresipAgent: Sendable {
    /// Why baresip could not be started or reached, in words for the operator.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    private let pid: pid_t
    /// The shell that ends baresip if the wall dies without stopping it.
    private let watcher: pid_t?
    private let socket: Int32
    public let folder: URL
    /// The SIP address baresip listens on (`127.0.0.1:PORT`).
    public let sipAddress: String
    private let writeLock = Mutex(0)
    private let handler = Mutex<(@Sendable (BaresipMessage) -> Void)?>(nil)
    private let stopped = Mutex(false)

    /// Starts baresip with `settings` in a new private folder under `parent`, the message file
    /// `defaultMessage` as its audio source until a call's own message replaces it, and connects
    /// to its control port. Throws a failure that names the package when baresip is missing.
    public init(settings: SIPSettings, defaultMessage: URL, parent: URL) throws {
        guard let program = Self.find(settings.program) else {
            throw Failure(description: "SIP calls need baresip, which is not installed (Debian: apt-get install baresip-core)")
        }
        let modules = ["/usr/lib/baresip/modules", "/usr/local/lib/baresip/modules", "/usr/lib/x86_64-linux-gnu/baresip/modules"]
            .first { FileManager.default.fileExists(atPath: "\($0)/ctrl_tcp.so") }
        guard let modules else {
            throw Failure(description: "baresip has no ctrl_tcp module (Debian: apt-get install baresip-core)")
        }
        let folder = parent.appendingPathComponent("baresip-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let controlPort = try LocalPort.free()
        let sipPort = try Self.freeSIPPort()
        let sipListen = settings.listen ?? "127.0.0.1:\(sipPort)"
        let config = settings.configText(sipListen: sipListen, controlPort: controlPort, defaultMessage: defaultMessage.path, modules: modules)
        try Self.writePrivate(config, to: folder.appendingPathComponent("config"))
        try Self.writePrivate(settings.accountLine() + "\n", to: folder.appendingPathComponent("accounts"))
        try Self.writePrivate("", to: folder.appendingPathComponent("contacts"))
        let pid: pid_t
        do {
            pid = try Subprocess.start([program, "-f", folder.path], log: folder.appendingPathComponent("baresip.log"))
        } catch {
            throw Failure(description: "\(error)")
        }
        // connect once it listens (it takes a few hundred milliseconds to load its modules)
        let deadline = ContinuousClock.now + .seconds(10)
        var connected: Int32 = -1
        while ContinuousClock.now < deadline {
            connected = Self.connect(port: controlPort)
            if connected >= 0 { break }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let log = (try? String(contentsOf: folder.appendingPathComponent("baresip.log"), encoding: .utf8)) ?? ""
                // its complaint (in red, between escapes), not its last words ("ua: stop all")
                let lines = log.split(separator: "\n").map { String($0).replacingOccurrences(of: "\u{1B}[31m", with: "").replacingOccurrences(of: "\u{1B}[;m", with: "") }
                let said = lines.last { $0.range(of: "error|fail|in use|cannot|could not|invalid", options: [.regularExpression, .caseInsensitive]) != nil }
                    ?? lines.last ?? "no output"
                throw Failure(description: "baresip stopped at start: \(said) (its log: \(folder.path)/baresip.log)")
            }
            usleep(50_000)
        }
        guard connected >= 0 else {
            kill(pid, SIGKILL)
            throw Failure(description: "baresip did not open its control port within 10 s (its log: \(folder.path)/baresip.log)")
        }
        self.pid = pid
        // baresip outlives a wall killed outright (SIGKILL, or a hang-up it ignores): a watcher
        // ends it when the wall is gone, whatever way it went
        // (stopped first when the wall stops baresip itself, so it never kills a reused pid)
        watcher = try? Subprocess.start(["/bin/sh", "-c", "tail --pid=\"$1\" -f /dev/null; kill \"$2\" 2>/dev/null", "doorstep-baresip-watch",
                                         "\(getpid())", "\(pid)"], log: URL(fileURLWithPath: "/dev/null"))
        self.socket = connected
        self.folder = folder
        self.sipAddress = sipListen
        let thread = Thread { [self] in readLoop() }
        thread.name = "doorstep.baresip"
        thread.start()
    }

    /// `body` gets every message baresip sends from now on, on the agent's reading thread.
    public func onMessage(_ body: @escaping @Sendable (BaresipMessage) -> Void) {
        handler.withLock { $0 = body }
    }

    /// Sends `commands` together (nothing else goes between them); false when the agent is gone.
    @discardableResult
    public func send(_ commands: [(name: String, parameters: String?)]) -> Bool {
        writeLock.withLock { counter in
            var bytes = Data()
            for command in commands {
                counter += 1
                bytes.append(BaresipMessage.command(command.name, command.parameters, token: "d\(counter)"))
            }
            return bytes.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return true }
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.send(socket, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                    if n < 0, errno == EINTR { continue }
                    if n <= 0 { return false }
                    offset += n
                }
                return true
            }
        }
    }

    /// Whether baresip still runs.
    public var isRunning: Bool {
        stopped.withLock { $0 } == false && kill(pid, 0) == 0
    }

    /// Hangs up what is left, asks baresip to quit, and ends it if it has not within `grace`.
    public func stop(grace: TimeInterval = 2) {
        let first = stopped.withLock { was in
            defer { was = true }
            return !was
        }
        guard first else { return }
        if let watcher {
            kill(watcher, SIGKILL)
            var status: Int32 = 0
            waitpid(watcher, &status, 0)
        }
        send([("quit", nil)])
        var status: Int32 = 0
        if !reaped(within: grace), waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        shutdown(socket, Int32(SHUT_RDWR))
        try? FileManager.default.removeItem(at: folder)
    }

    deinit {
        stop(grace: 0.5)
        close(socket)
    }

    /// Waits up to `seconds` for baresip to end, reaping it; whether it did.
    private func reaped(within seconds: TimeInterval) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        var status: Int32 = 0
        repeat {
            if waitpid(pid, &status, WNOHANG) == pid { return true }
            usleep(20_000)
        } while ContinuousClock.now < deadline
        return false
    }

    private func readLoop() {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = recv(socket, &chunk, chunk.count, 0)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            buffer.append(contentsOf: chunk[0..<n])
            guard let payloads = try? Netstring.take(from: &buffer) else { break }
            let body = handler.withLock { $0 }
            for payload in payloads {
                if let message = BaresipMessage.decode(payload) { body?(message) }
            }
        }
        if stopped.withLock({ $0 }) == false {
            // (reaped if it ends, so no zombie waits for the wall to leave)
            _ = reaped(within: 1)
            handler.withLock { $0 }?(.event(type: "AGENT_GONE", callID: nil, peer: nil, parameter: "baresip's control connection closed"))
        }
    }

    // MARK: - starting

    static func find(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func writePrivate(_ text: String, to file: URL) throws {
        let made = FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        guard made else { throw Failure(description: "cannot write \(file.path)") }
    }

    /// A port free at 127.0.0.1 for UDP and TCP, with the next one free for TCP (baresip
    /// listens for SIP on UDP and TCP at the port and for TLS at the next; one of them taken
    /// stops it at start: seen under the whole suite's load).
    static func freeSIPPort() throws -> Int {
        for _ in 0..<100 {
            let port = try LocalPort.free(Int32(SOCK_DGRAM.rawValue))
            if port < 65_535, LocalPort.isFree(port, Int32(SOCK_STREAM.rawValue)), LocalPort.isFree(port + 1, Int32(SOCK_STREAM.rawValue)) {
                return port
            }
        }
        throw Failure(description: "cannot find a port free for SIP over UDP, TCP and TLS at 127.0.0.1")
    }

    static func connect(port: Int) -> Int32 {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var address = LocalPort.loopback(port: port)
        let done = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if done == 0 { return fd }
        close(fd)
        return -1
    }
}
