import DoorstepCalls
import Foundation

/// A worker's phone, played by sipp (Debian's sip-tester) on 127.0.0.1 with a scenario from
/// `Tools/sipp`: it answers, answers and presses 1, is busy, or never answers. Stopped when
/// dropped.
final class SIPPhone {
    let port: Int
    /// sipp's trace of every message it received and sent, with times.
    let trace: URL
    private let pid: Int32

    /// Whether sipp is installed (CI installs it; elsewhere the SIP tests are skipped).
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/sipp") }

    init(scenario: String, folder: URL) throws {
        let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Tools/sipp")
        port = try LocalPort.free(Int32(SOCK_DGRAM.rawValue))
        trace = folder.appendingPathComponent("sipp-\(scenario)-\(port).log")
        let started = try spawn(["sipp", "-sf", scenarios.appendingPathComponent("\(scenario).xml").path, "-i", "127.0.0.1", "-p", "\(port)",
                                 "-bg", "-trace_msg", "-message_file", trace.path, "-trace_err", "-error_file", trace.path + ".errors"])
        guard let found = started.output.firstMatch(of: /PID=\[(\d+)\]/), let pid = Int32(found.1) else {
            throw SIPPhoneError(description: "sipp did not start: \(started.output)")
        }
        self.pid = pid
    }

    deinit { kill(pid, SIGTERM) }

    /// The SIP address template that reaches this phone whatever the person's number.
    var target: String { "sip:{phone}@127.0.0.1:\(port)" }

    /// The times sipp received each INVITE (local time, as sipp writes them), oldest first.
    func invites() -> [Date] {
        let text = (try? String(contentsOf: trace, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let parse = DateFormatter()
        parse.dateFormat = "yyyy-MM-dd HH:mm:ss.SSSSSS"
        parse.locale = Locale(identifier: "en_US_POSIX")
        var times: [Date] = []
        for (i, line) in lines.enumerated() where line.hasPrefix("INVITE sip:") {
            // the dashed line with the time is three above: time, "… message received …", blank
            if i >= 3, let stamp = lines[i - 3].split(separator: " ").suffix(2).joined(separator: " ") as String?,
               lines[i - 2].contains("received"), let time = parse.date(from: stamp) {
                times.append(time)
            }
        }
        return times
    }
}

struct SIPPhoneError: Error, CustomStringConvertible {
    var description: String
}
