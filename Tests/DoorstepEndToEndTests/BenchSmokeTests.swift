import Foundation
import Testing

/// The benchmark is not a test; this only checks that it runs and prints every figure.
@Suite("Bench smoke", .serialized)
struct BenchSmokeTests {
    @Test("doorstep bench --scale street --json prints every field")
    func smoke() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("bench.sqlite").path
        let result = try spawn([doorstepBinary(), "bench", "--scale", "street", "--json", "--tickets", "100", "--db", db])
        #expect(result.status == 0, "\(result.output)")
        // standard error (the progress of building the synthetic street) is captured with the output
        let json = try #require(result.output.split(separator: "\n").last { $0.hasPrefix("{") }, "no JSON line in: \(result.output)")
        #expect(result.output.contains("building street: tickets 20000/20000"), "no progress shown while building")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["ingest_per_s", "ingest_single_per_s", "load_ms", "sqlite_raw_per_s", "first_frame_ms", "first_frame_cpu_ms", "poll_idle_ms", "poll_100_ms", "frame_ms",
                    "bytes_one_tile", "bytes_clock", "bytes_full", "rss_mb"] {
            let value = object[key] as? Double
            #expect((value ?? 0) > 0, "\(key) = \(String(describing: object[key]))")
        }
        #expect(object["scale"] as? String == "street")
        #expect(object["grids"] as? Int == 64)
        #expect(object["streets"] as? Int == 0)  // one street: no street tiles above it
        #expect(FileManager.default.fileExists(atPath: db), "the synthetic database is kept for the next run")
        // the first frame alone, for profiling: its figures and none of the rest
        let alone = try spawn([doorstepBinary(), "bench", "--scale", "street", "--json", "--first-frame-only", "--db", db])
        #expect(alone.status == 0, "\(alone.output)")
        let aloneJSON = try #require(alone.output.split(separator: "\n").last { $0.hasPrefix("{") }, "no JSON line in: \(alone.output)")
        let first = try #require(try JSONSerialization.jsonObject(with: Data(aloneJSON.utf8)) as? [String: Any])
        #expect(((first["first_frame_ms"] as? Double) ?? 0) > 0)
        #expect((first["poll_100_ms"] as? Double) == 0)
        let refused = try spawn([doorstepBinary(), "bench", "--scale", "galaxy"])
        #expect(refused.status == 64)
    }
}
