import DoorstepDomain
import Foundation
import Logging
import Synchronization

/// swift-log handler that appends lines to a file: nothing may reach stdout or stderr while
/// the screen is up.
public struct FileLogHandler: LogHandler {
    private let sink: Sink
    private let label: String
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    /// Where log lines go; shared by every logger of the process. Opened for appending, so
    /// every line lands whole at the end even when several processes (a wall, `serve`, the
    /// command line) log to the same file at once; created readable by its owner only.
    final class Sink: Sendable {
        private let descriptor: Mutex<Int32>

        init?(path: String) {
            let url = URL(fileURLWithPath: path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return nil }
            descriptor = Mutex(fd)
        }

        deinit { descriptor.withLock { _ = close($0) } }

        /// One `write` per line (a line written in pieces could be split by another process's).
        func write(_ line: String) {
            let bytes = Array(line.utf8)
            descriptor.withLock { fd in
                bytes.withUnsafeBytes { buffer in
                    var done = 0
                    while done < buffer.count {
                        let n = Foundation.write(fd, buffer.baseAddress.map { $0 + done }, buffer.count - done)
                        if n < 0, errno == EINTR { continue }
                        guard n > 0 else { return }  // a full disk: the line is lost, the screen stays clean
                        done += n
                    }
                }
            }
        }
    }

    /// `2026-12-02T02:00:14Z`: UTC to the second, as ISO 8601 writes it (made by hand: a date
    /// formatter made for every line was a sixth of a busy city wall's time).
    static func stamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "\(date.timeIntervalSince1970)" }
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    init(label: String, sink: Sink) {
        self.label = label
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let extra = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = Self.stamp(SystemClock().now())
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\(extra)\n")
    }

    /// Sends every logger of the process to `path`; falls back to discarding when the file
    /// cannot be opened (the screen must stay clean either way).
    public static func bootstrap(path: String) {
        let sink = Sink(path: path)
        LoggingSystem.bootstrap { label in
            guard let sink else { return SwiftLogNoOpLogHandler() }
            return FileLogHandler(label: label, sink: sink)
        }
    }
}
