import CNcursesw
import Foundation

/// While the screen is up, standard error goes to a temporary file, so a stray message can
/// neither corrupt the screen nor be lost: `restore()` puts the real stream back and
/// replays what was captured (as htop does).
final class StderrCapture {
    private let saved: Int32
    private let path: String
    private var restored = false

    init?() {
        var template = Array("\(NSTemporaryDirectory())/doorstep-stderr-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { return nil }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        saved = dup(STDERR_FILENO)
        guard saved >= 0 else {
            Foundation.close(fd)
            unlink(path)
            return nil
        }
        doorstep_flush_stderr()
        dup2(fd, STDERR_FILENO)
        Foundation.close(fd)
    }

    func restore() {
        guard !restored else { return }
        restored = true
        doorstep_flush_stderr()
        dup2(saved, STDERR_FILENO)
        Foundation.close(saved)
        if let data = FileManager.default.contents(atPath: path), !data.isEmpty {
            FileHandle.standardError.write(data)
        }
        unlink(path)
    }
}
