import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Ports at 127.0.0.1 that nothing holds now: for the SIP user agent the wall runs, and for the
/// servers the tests start.
public enum LocalPort {
    /// Why no port could be had.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// A port the kernel picks for `type` (SOCK_STREAM or SOCK_DGRAM): bound to port 0, read
    /// back, closed again.
    public static func free(_ type: Int32 = Int32(SOCK_STREAM.rawValue)) throws -> Int {
        let fd = socket(AF_INET, type, 0)
        guard fd >= 0 else { throw Failure(description: "cannot open a socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0 else { throw Failure(description: "cannot find a free port: \(String(cString: strerror(errno)))") }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether `port` can be bound for `type` now.
    public static func isFree(_ port: Int, _ type: Int32) -> Bool {
        let fd = socket(AF_INET, type, 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// 127.0.0.1:`port`.
    public static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
