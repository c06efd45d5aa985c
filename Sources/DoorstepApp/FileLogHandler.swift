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

    /// Where log lines go; shared by every logger of the process.
    final class Sink: Sendable {
        private let handle: Mutex<FileHandle>

        init?(path: String) {
            let url = URL(fileURLWithPath: path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
            }
            guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
            handle.seekToEndOfFile()
            self.handle = Mutex(handle)
        }

        func write(_ line: String) {
            handle.withLock { $0.write(Data(line.utf8)) }
        }
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
        let stamp = ISO8601DateFormatter().string(from: SystemClock().now())
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
