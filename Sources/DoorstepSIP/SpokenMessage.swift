import DoorstepCalls
import Foundation

/// The words a worker hears on answering (in Chinese): the grid, why, who calls, and what to
/// press; synthesised once per distinct text with espeak-ng's Mandarin voice into an 8 kHz
/// WAV file (what baresip's file source takes), followed by silence to press a key in.
public struct SpokenMessage: Sendable {
    /// The folder the files are kept in (one per text, named by its hash).
    public let folder: URL
    public let program: String
    /// Seconds of silence after the words (the call ends when the file does).
    public let silence: Double

    public init(folder: URL, program: String = "espeak-ng", silence: Double = 8) {
        self.folder = folder
        self.program = program
        self.silence = silence
    }

    /// The words for a call: "江滨一网格,2件工单超时。临江街道社会治理指挥中心呼叫陶敏,确认请按1。"
    /// (`caller` when the notice names no centre).
    public static func text(for notice: CallNotice, caller: String) -> String {
        let reason = notice.reason.isEmpty ? "" : notice.reason + "。"
        let who = notice.caller.isEmpty ? caller : notice.caller
        return "\(notice.gridName),\(reason)\(who)呼叫\(notice.name),确认请按1。"
    }

    /// Why a message cannot be made.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The file for `text`, made when it is not there yet.
    public func file(for text: String) throws -> URL {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let file = folder.appendingPathComponent(String(format: "message-%016llx.wav", hash))
        if FileManager.default.fileExists(atPath: file.path) { return file }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let raw = folder.appendingPathComponent("raw-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).wav")
        defer { try? FileManager.default.removeItem(at: raw) }
        let result: Subprocess.Result
        do {
            result = try Subprocess.run([program, "-v", "cmn", "-w", raw.path, text], environment: ProcessInfo.processInfo.environment, timeout: 20)
        } catch {
            throw Failure(description: "cannot run \(program) (Debian: apt-get install espeak-ng): \(error)")
        }
        guard result.status == 0, let data = try? Data(contentsOf: raw) else {
            throw Failure(description: "\(program) could not speak the message: \(result.output.prefix(200))")
        }
        guard let wave = Wave(data) else { throw Failure(description: "\(program) wrote a WAV file that is not 16-bit mono PCM") }
        let out = wave.resampled(to: 8000).padded(seconds: silence)
        let partial = file.appendingPathExtension("part")
        try out.encoded().write(to: partial)
        guard rename(partial.path, file.path) == 0 else {
            throw Failure(description: "cannot write \(file.path): \(String(cString: strerror(errno)))")
        }
        return file
    }
}

/// 16-bit mono PCM audio: read from a WAV file, resampled, written back.
struct Wave: Equatable {
    var rate: Int
    var samples: [Int16]

    init(rate: Int, samples: [Int16]) {
        self.rate = rate
        self.samples = samples
    }

    /// The audio in a WAV file's bytes; nil unless it is 16-bit mono PCM.
    init?(_ data: Data) {
        let bytes = [UInt8](data)
        func u32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else { return nil }
        var at = 12
        var rate = 0
        var format = (audio: 0, channels: 0, bits: 0)
        while at + 8 <= bytes.count {
            let id = String(decoding: bytes[at..<at + 4], as: UTF8.self)
            // espeak-ng writing to a pipe leaves the data size as 0x7ffff000-ish: take what is there
            let size = min(u32(at + 4), bytes.count - at - 8)
            let body = at + 8
            if id == "fmt ", size >= 16 {
                format = (u16(body), u16(body + 2), u16(body + 14))
                rate = u32(body + 4)
            } else if id == "data" {
                guard format == (1, 1, 16), rate > 0 else { return nil }
                var samples = [Int16]()
                samples.reserveCapacity(size / 2)
                var i = body
                while i + 1 < body + size {
                    samples.append(Int16(bitPattern: UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8))
                    i += 2
                }
                self.init(rate: rate, samples: samples)
                return
            }
            at = body + size + (size & 1)
        }
        return nil
    }

    /// At `target` samples a second: averaged over each output sample's span when going down
    /// (a box filter against aliasing), interpolated when going up.
    func resampled(to target: Int) -> Wave {
        guard rate != target, !samples.isEmpty else { return self }
        let step = Double(rate) / Double(target)
        let count = Int(Double(samples.count) / step)
        var out = [Int16]()
        out.reserveCapacity(count)
        for n in 0..<count {
            let start = Double(n) * step
            if step > 1 {
                let from = Int(start), to = min(samples.count, max(from + 1, Int(start + step)))
                var sum = 0
                for i in from..<to { sum += Int(samples[i]) }
                out.append(Int16(clamping: sum / (to - from)))
            } else {
                let i = Int(start), fraction = start - Double(i)
                let next = Double(samples[min(i + 1, samples.count - 1)])
                out.append(Int16(clamping: Int(Double(samples[i]) * (1 - fraction) + next * fraction)))
            }
        }
        return Wave(rate: target, samples: out)
    }

    func padded(seconds: Double) -> Wave {
        Wave(rate: rate, samples: samples + [Int16](repeating: 0, count: Int(seconds * Double(rate))))
    }

    /// The WAV file's bytes.
    func encoded() -> Data {
        var data = Data()
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { data.append(contentsOf: $0) } }
        func u16(_ v: Int) { withUnsafeBytes(of: UInt16(v).littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: "RIFF".utf8)
        u32(36 + samples.count * 2)
        data.append(contentsOf: "WAVEfmt ".utf8)
        u32(16); u16(1); u16(1); u32(rate); u32(rate * 2); u16(2); u16(16)
        data.append(contentsOf: "data".utf8)
        u32(samples.count * 2)
        for sample in samples { u16(Int(UInt16(bitPattern: sample))) }
        return data
    }
}
