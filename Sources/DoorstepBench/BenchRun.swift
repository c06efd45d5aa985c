import DoorstepApp
import DoorstepCanvas
import DoorstepDomain
import DoorstepEngine
import DoorstepScreen
import DoorstepSeeds
@_spi(Bench) import DoorstepStore
import DoorstepTerminal
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One benchmark run over a fresh database at `path`.
public struct BenchRun {
    var path: String
    var synthetic: Synthetic
    var tickets: Int
    /// Stop after the first frame (to profile it alone, under callgrind say).
    var firstFrameOnly = false
    var clock: any Clock = SystemClock()
    let size = Size(width: 240, height: 70)

    public init(path: String, synthetic: Synthetic, tickets: Int, firstFrameOnly: Bool = false) {
        self.path = path
        self.synthetic = synthetic
        self.tickets = tickets
        self.firstFrameOnly = firstFrameOnly
    }

    public func measure() throws -> BenchFigures {
        var figures = BenchFigures()
        #if DEBUG
        figures.build = "debug"
        #else
        figures.build = "release"
        #endif
        figures.scale = synthetic.scale.rawValue
        if !FileManager.default.fileExists(atPath: path) {
            let summary = try CommandLineEnd.buildSynthetic(synthetic, at: path, now: clock.now()) { done, total in
                FileHandle.standardError.write(Data("\rbuilding \(synthetic.scale.rawValue): tickets \(done)/\(total)".utf8))
            }
            FileHandle.standardError.write(Data("\n\(summary)\n".utf8))
        }
        let store = try storeCall { try SQLiteStore(path: path) }

        // first frame: open, build the read models, render
        let stopwatch = Stopwatch()
        let cpuStart = processCPUSeconds()
        let reader = try storeCall { try SQLiteStore(path: path, readOnly: true) }
        let engine = Engine(store: reader, clock: clock, calendar: .local)
        guard let first = engine.poll() else { throw Failure("the bench database could not be read", exitCode: ExitStatus.unavailable) }
        figures.loadMs = stopwatch.milliseconds
        var state = WallState(overview: first.overview, language: .zh, now: clock.now(), timeZone: TimeZone.current, size: size)
        _ = WallView.render(state)
        figures.firstFrameMs = stopwatch.milliseconds
        figures.firstFrameCPUMs = (processCPUSeconds() - cpuStart) * 1000
        figures.ticketsInStore = first.overview.figures.openTickets
        figures.streets = first.overview.streets.count
        figures.grids = first.overview.grids.count
        if firstFrameOnly { return figures }
        let gridCodes = first.overview.grids.map(\.grid.code)
        let categoryCodes = first.overview.categories.map(\.code)
        let staffIDs = gridCodes.flatMap { (first.overview.staffByGrid[$0] ?? []).map(\.id) }
        guard !gridCodes.isEmpty, !categoryCodes.isEmpty, !staffIDs.isEmpty else {
            throw Failure("the bench database has no grids, categories or staff", exitCode: ExitStatus.dataError)
        }

        // the wall holds the last snapshot while the engine makes the next, as the real one does
        var held = first
        figures.pollIdleMs = median(50) { if let next = engine.poll() { held = next } }
        // 100 events from another connection: 50 orders and 50 duty changes
        var ordered: [String] = []
        figures.poll100Ms = try median(7) { run in
            for n in 0..<50 {
                let grid = gridCodes[(run * 997 + n * 31) % gridCodes.count]
                let request = OrderRequest(gridCode: grid, categoryCode: categoryCodes[n % categoryCodes.count], title: "压测 \(run)-\(n)")
                ordered.append(try store.order(request, by: "bench", at: clock.now()).id)
                let person = staffIDs[(run * 100 + n) % staffIDs.count]
                _ = try store.setDuty(staffID: person, n % 2 == 0 ? .busy : .onDuty, by: "bench", at: clock.now())
            }
        } measure: {
            if let next = engine.poll() { held = next }
        }
        state.update(.overview(held.overview))
        // leave the working set as it was: the bench's orders are cancelled
        for id in ordered { _ = try storeCall { try store.act(on: id, .cancel(reason: "bench"), by: "bench", at: clock.now()) } }
        figures.frameMs = median(20) { _ = WallView.render(state) }

        // bytes through the real ncurses backend on a pseudo-terminal
        let bytes = try PseudoTerminalMeter(size: size)
        var frame = WallView.render(state)
        figures.bytesFull = bytes.draw(frame)
        // the next second: the clock, and any countdown that crosses a minute
        state.update(.tick(state.now.addingTimeInterval(1)))
        var next = WallView.render(state)
        figures.bytesTick = bytes.draw(next)
        // then the first second after it in which nothing but the clock changes
        for _ in 0..<120 {
            frame = next
            state.update(.tick(state.now.addingTimeInterval(1)))
            next = WallView.render(state)
            if Array(next.text.split(separator: "\n").dropFirst()) == Array(frame.text.split(separator: "\n").dropFirst()) { break }
            _ = bytes.draw(next)
        }
        figures.bytesClock = bytes.draw(next)
        frame = next
        // one tile turns red: a street's above a street, else a grid's
        var changed = state.overview
        if state.atStreetLevel, !changed.streetTallies.isEmpty {
            if changed.streetTallies[0].worst == .normal {
                changed.streetTallies[0].alarm = 1
            } else {
                (changed.streetTallies[0].alarm, changed.streetTallies[0].attention) = (0, 0)
            }
        } else if !changed.grids.isEmpty {
            let normal = changed.grids[0].assessment.status == .normal
            changed.grids[0].assessment = GridAssessment(reasons: normal ? [.overdueTickets(1)] : [])
        }
        state.update(.overview(changed))
        frame = WallView.render(state)
        figures.bytesOneTile = bytes.draw(frame)
        bytes.close()

        // the wall's peak memory: everything so far (the ingest below builds its own data)
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        figures.rssMB = Double(usage.ru_maxrss) / 1024
        try measureIngest(try storeCall { try store.loadAll(at: clock.now()) }, into: &figures)
        return figures
    }

    /// Tickets through the store's bulk path and its one-order path, and the same rows through
    /// a bare prepared insert, into a scratch copy of the territory (the bench database keeps
    /// its working set from run to run).
    private func measureIngest(_ data: CentreData, into figures: inout BenchFigures) throws {
        let scratch = path + ".ingest"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + suffix) } }
        let store = try storeCall { try SQLiteStore(path: scratch, create: true) }
        var territory = data
        territory.tickets = []
        territory.outcomes = []
        territory.callIns = []  // they name tickets left out
        territory.carePlans = []  // and households the working set leaves out
        try storeCall { try store.replaceAll(with: territory, at: clock.now()) }
        let requests = (0..<tickets).map { n in
            OrderRequest(gridCode: data.grids[n % data.grids.count].code, categoryCode: data.categories[n % data.categories.count].code,
                         title: "压测工单 \(n)", residentName: "测试", residentPhone: "15500000000")
        }
        var stopwatch = Stopwatch()
        for batch in stride(from: 0, to: requests.count, by: 5_000) {
            _ = try storeCall { try store.order(Array(requests[batch..<min(requests.count, batch + 5_000)]), by: "bench", at: clock.now()) }
        }
        figures.ingestPerSecond = Double(requests.count) / stopwatch.seconds
        let single = requests.prefix(1000)
        stopwatch = Stopwatch()
        for request in single { _ = try storeCall { try store.order(request, by: "bench", at: clock.now()) } }
        figures.ingestSinglePerSecond = Double(single.count) / stopwatch.seconds
        stopwatch = Stopwatch()
        try storeCall { try store.rawInsert(tickets: requests, at: clock.now()) }
        figures.sqliteRawPerSecond = Double(requests.count) / stopwatch.seconds
    }

    private func median(_ runs: Int, _ body: () -> Void) -> Double {
        median(runs, prepare: { _ in }, measure: body)
    }

    /// The median of `runs` timings of `measure` in milliseconds, `prepare` run untimed before each.
    private func median(_ runs: Int, prepare: (Int) throws -> Void, measure: () -> Void) rethrows -> Double {
        var times: [Double] = []
        for run in 0..<runs {
            try prepare(run)
            let stopwatch = Stopwatch()
            measure()
            times.append(stopwatch.milliseconds)
        }
        return times.sorted()[times.count / 2]
    }
}

