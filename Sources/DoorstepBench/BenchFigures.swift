import DoorstepCanvas
import Foundation

/// The figures one bench run produces.
public struct BenchFigures {
    var scale = "street"
    /// `sqlite` or `postgresql`.
    var store = "sqlite"
    var build = "debug"
    var grids = 0
    var ticketsInStore = 0
    var streets = 0
    var ingestPerSecond = 0.0
    var ingestSinglePerSecond = 0.0
    var loadMs = 0.0
    var sqliteRawPerSecond = 0.0
    /// On a server: the same rows through bare multi-row INSERTs.
    var serverRawPerSecond = 0.0
    var firstFrameMs = 0.0
    var firstFrameCPUMs = 0.0
    var pollIdleMs = 0.0
    var poll100Ms = 0.0
    var frameMs = 0.0
    var bytesOneTile = 0
    var bytesClock = 0
    var bytesTick = 0
    var bytesFull = 0
    var rssMB = 0.0
    /// On a server: from an order's commit to the wall's frame with it, woken by NOTIFY (median).
    var pushMs = 0.0

    public var dictionary: [String: Any] {
        ["scale": scale, "store": store, "build": build, "grids": grids, "tickets": ticketsInStore,
         "streets": streets, "ingest_per_s": ingestPerSecond.rounded(), "ingest_single_per_s": ingestSinglePerSecond.rounded(),
         "load_ms": round2(loadMs), "sqlite_raw_per_s": sqliteRawPerSecond.rounded(), "server_raw_per_s": serverRawPerSecond.rounded(),
         "first_frame_ms": round2(firstFrameMs), "first_frame_cpu_ms": round2(firstFrameCPUMs), "poll_idle_ms": round2(pollIdleMs), "poll_100_ms": round2(poll100Ms),
         "frame_ms": round2(frameMs), "bytes_one_tile": bytesOneTile, "bytes_clock": bytesClock, "bytes_tick": bytesTick, "bytes_full": bytesFull,
         "rss_mb": round2(rssMB), "push_ms": round2(pushMs)]
    }

    public var table: String {
        let rows: [(String, String, String)] = [
            ("scale", scale, "\(grids) grids" + (streets > 0 ? " in \(streets) streets" : "") + ", \(ticketsInStore) open tickets, \(build) build, \(store)"),
            ("ingest_per_s", String(format: "%.0f", ingestPerSecond), "tickets/s through the store's bulk order path (5,000 a transaction)"),
            ("ingest_single_per_s", String(format: "%.0f", ingestSinglePerSecond), "tickets/s one order a transaction (a resident's)"),
            ("sqlite_raw_per_s", String(format: "%.0f", sqliteRawPerSecond), "the same rows, bare prepared insert, one transaction"),
            ("server_raw_per_s", String(format: "%.0f", serverRawPerSecond), "on a server: the same rows, bare multi-row INSERTs, one transaction"),
            ("first_frame_ms", String(format: "%.2f", firstFrameMs), "open, build the read models, render the first frame"),
            ("first_frame_cpu_ms", String(format: "%.2f", firstFrameCPUMs), "CPU time of it, summed over every thread"),
            ("load_ms", String(format: "%.2f", loadMs), "of which: open the store, load the working set, first poll"),
            ("poll_idle_ms", String(format: "%.3f", pollIdleMs), "one poll, nothing changed (median)"),
            ("poll_100_ms", String(format: "%.2f", poll100Ms), "one poll absorbing 100 events (median)"),
            ("frame_ms", String(format: "%.2f", frameMs), "render the wall at 240×70 (median)"),
            ("bytes_one_tile", "\(bytesOneTile)", "sent to the terminal when one tile changes status"),
            ("bytes_clock", "\(bytesClock)", "sent when only the clock changes"),
            ("bytes_tick", "\(bytesTick)", "sent for a one-second tick (the clock and any countdown crossing a minute)"),
            ("bytes_full", "\(bytesFull)", "a full repaint"),
            ("rss_mb", String(format: "%.1f", rssMB), "peak resident memory"),
            ("push_ms", String(format: "%.2f", pushMs), "on a server: an order's commit to the wall's frame, by NOTIFY (median)"),
        ]
        return rows.map { Columns.pad($0.0, to: 20) + Columns.pad($0.1, to: 12, align: .right) + "  " + $0.2 }.joined(separator: "\n")
    }

    private func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
