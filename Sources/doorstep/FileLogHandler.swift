import DoorstepDomain
import Foundation
import Logging

/// swift-log handler that appends lines to a file: nothing may reach stdout or stderr while
/// the screen is up.
struct FileLogHandler: LogHandler {
    private let sink: Sink
    private let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    /// Where log lines go; shared by every logger of the process.
    final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private let handle: FileHandle

        init?(path: String) {
            let url = URL(fileURLWithPath: path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
            }
            guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
            handle.seekToEndOfFile()
            self.handle = handle
        }

        func write(_ line: String) {
            lock.lock()
            defer { lock.unlock() }
            handle.write(Data(line.utf8))
        }
    }

    init(label: String, sink: Sink) {
        self.label = label
        self.sink = sink
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let extra = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = ISO8601DateFormatter().string(from: SystemClock().now())
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\(extra)\n")
    }

    /// The default log file: `$XDG_STATE_HOME/doorstep/doorstep.log` (~/.local/state/…).
    static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty { return state + "/doorstep/doorstep.log" }
        let home = environment["HOME"] ?? NSTemporaryDirectory()
        return home + "/.local/state/doorstep/doorstep.log"
    }

    /// Sends every logger of the process to `path`; falls back to discarding when the file
    /// cannot be opened (the screen must stay clean either way).
    static func bootstrap(path: String) {
        let sink = Sink(path: path)
        LoggingSystem.bootstrap { label in
            guard let sink else { return SwiftLogNoOpLogHandler() }
            return FileLogHandler(label: label, sink: sink)
        }
    }
}
