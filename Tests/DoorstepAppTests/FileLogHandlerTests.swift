@testable import DoorstepApp
import Foundation
import Testing

/// The log file: lines from several processes land whole, the file is its owner's alone, and
/// each line's time reads as ISO 8601 would write it.
@Suite("Log file")
struct FileLogHandlerTests {
    @Test("two writers on one file (two descriptors, as two processes have) leave every line whole; the file is mode 0600")
    func appendsWholeLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("logs/doorstep.log").path
        let first = try #require(FileLogHandler.Sink(path: path))
        let second = try #require(FileLogHandler.Sink(path: path))
        let lines = 400
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let sink = writer == 0 ? first : second
            for n in 0..<lines { sink.write("writer \(writer) line \(n) " + String(repeating: "网格", count: n % 50) + "\n") }
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let written = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(written.count == 2 * lines)
        #expect(Set(written).count == 2 * lines)
        #expect(written.allSatisfy { $0.hasPrefix("writer ") && $0.split(separator: " ").count <= 5 })
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode & 0o077 == 0)
    }

    @Test("the time of a line is what ISO8601DateFormatter writes, at a year's end, a leap day and the epoch")
    func stamps() {
        let formatter = ISO8601DateFormatter()
        for seconds in [0, 1_798_761_599, 1_835_438_400.5, 1_772_323_200, 1_796_032_800] as [TimeInterval] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(FileLogHandler.stamp(date) == formatter.string(from: date))
        }
    }
}
