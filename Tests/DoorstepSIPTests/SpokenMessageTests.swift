import DoorstepCalls
@testable import DoorstepSIP
import Foundation
import Testing

@Suite("The spoken message")
struct SpokenMessageTests {
    @Test("its words: the grid, why, who calls whom, what to press")
    func words() {
        let notice = CallNotice(callID: "C000001", name: "陶敏", role: "all_round_social_worker", phone: "13800000000", gridCode: "JB01",
                                gridName: "江滨一网格", staffID: "S0002", reason: "2件工单超时", caller: "临江街道社会治理指挥中心")
        #expect(SpokenMessage.text(for: notice, caller: "指挥中心") == "江滨一网格,2件工单超时。临江街道社会治理指挥中心呼叫陶敏,确认请按1。")
        var plain = notice
        plain.reason = ""
        plain.caller = ""
        #expect(SpokenMessage.text(for: plain, caller: "指挥中心") == "江滨一网格,指挥中心呼叫陶敏,确认请按1。")
    }

    @Test("WAV: 16-bit mono read back as written; resampled to 8 kHz with the length kept; padded with silence; other formats refused")
    func wave() throws {
        let tone = Wave(rate: 22_050, samples: (0..<22_050).map { Int16(8000 * sin(Double($0) * 2 * .pi * 440 / 22_050)) })
        #expect(Wave(tone.encoded()) == tone)
        let down = tone.resampled(to: 8000)
        #expect(down.rate == 8000 && abs(down.samples.count - 8000) <= 1)
        #expect(down.samples.map { abs(Int($0)) }.max().map { $0 > 6000 && $0 <= 8000 } == true)  // the tone survives
        let padded = down.padded(seconds: 2)
        #expect(padded.samples.count == down.samples.count + 16_000 && padded.samples.suffix(16_000).allSatisfy { $0 == 0 })
        var stereo = tone.encoded()
        stereo[22] = 2  // channels
        #expect(Wave(stereo) == nil)
        #expect(Wave(Data("RIFF....WAVE".utf8)) == nil)
        #expect(Wave(Data()) == nil)
    }

    @Test("made once per text with espeak-ng, 8 kHz mono, kept by the text's hash", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/espeak-ng")))
    func synthesised() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-spoken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let messages = SpokenMessage(folder: folder, silence: 1)
        let file = try messages.file(for: "江滨一网格,街道指挥中心呼叫,确认请按1。")
        let wave = try #require(Wave(try Data(contentsOf: file)))
        #expect(wave.rate == 8000 && wave.samples.count > 8000 * 2)
        let made = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(try messages.file(for: "江滨一网格,街道指挥中心呼叫,确认请按1。") == file)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date == made)
        #expect(try messages.file(for: "另一句") != file)
        let missing = SpokenMessage(folder: folder, program: "/nonexistent/espeak-ng")
        #expect(throws: SpokenMessage.Failure.self) { try missing.file(for: "没有语音") }
    }
}
