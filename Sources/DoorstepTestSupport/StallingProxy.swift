import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A TCP relay on 127.0.0.1 to a port on 127.0.0.1 that can stop passing bytes while it keeps
/// every connection open: a network that stops answering (packets dropped, nothing refused),
/// which a client notices only by waiting. `stall()` and `resume()`; `stop()` closes all.
public final class StallingProxy: Sendable {
    public let port: Int
    private let target: Int
    private let listener: Int32
    private let state = Mutex(State())

    private struct State {
        var stalled = false
        var stopped = false
        var sockets: [Int32] = []
    }

    public init(to target: Int) throws {
        self.target = target
        // (close-on-exec, here and on every socket below: a program another test starts meanwhile
        // — a tmux server that lives for minutes — must not hold a copy of a relayed connection,
        // or closing it here would not close it: the other side would never hear the end)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        guard bound == 0, listen(socket, 16) == 0 else {
            close(socket)
            throw TestServer.Unavailable(description: "the proxy cannot listen: errno \(errno)")
        }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        listener = socket
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// From now on no byte passes either way (connections stay open, new ones are accepted
    /// and go nowhere).
    public func stall() { state.withLock { $0.stalled = true } }

    /// Bytes pass again, those held back first.
    public func resume() { state.withLock { $0.stalled = false } }

    /// Closes the listener and every connection.
    public func stop() {
        let sockets = state.withLock { state in
            state.stopped = true
            defer { state.sockets.removeAll() }
            return state.sockets
        }
        for socket in sockets { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }
    private var isStalled: Bool { state.withLock { $0.stalled } }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return address
    }

    private func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            var watched = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&watched, 1, 200) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            let server = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var address = Self.loopback(port: target)
            let connected = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else {
                close(client)
                close(server)
                continue
            }
            state.withLock { $0.sockets += [client, server] }
            let thread = Thread { [self] in pump(client, server) }
            thread.start()
        }
    }

    /// Passes bytes between the two until either closes (or the proxy stops); while stalled,
    /// reads nothing, so what is sent waits in the kernel's buffers.
    private func pump(_ a: Int32, _ b: Int32) {
        defer {
            // (forgotten before closed: `stop()` must not shut down a number reused meanwhile)
            state.withLock { $0.sockets.removeAll { $0 == a || $0 == b } }
            close(a)
            close(b)
        }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !isStopped {
            if isStalled {
                usleep(50_000)
                continue
            }
            var watched = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
            guard poll(&watched, 2, 100) > 0 else { continue }
            for (index, from) in [a, b].enumerated() where watched[index].revents != 0 {
                let to = from == a ? b : a
                let count = buffer.withUnsafeMutableBytes { read(from, $0.baseAddress, $0.count) }
                guard count > 0 else { return }
                var sent = 0
                while sent < count {
                    let wrote = buffer.withUnsafeBytes { bytes in bytes.baseAddress.map { send(to, $0 + sent, count - sent, Int32(MSG_NOSIGNAL)) } ?? -1 }
                    guard wrote > 0 else { return }
                    sent += wrote
                }
            }
        }
    }
}
