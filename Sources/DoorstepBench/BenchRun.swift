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
    /// On a server: the scratch database the ingest figures fill (none: not measured there).
    var ingestDatabase: String?
    var clock: any Clock = SystemClock()
    let size = Size(width: 240, height: 70)

    public init(path: String, synthetic: Synthetic, tickets: Int, firstFrameOnly: Bool = false, ingestDatabase: String? = nil) {
        self.path = path
        self.ingestDatabase = ingestDatabase
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
        let server = ServerURL.isPostgres(path)
        figures.store = server ? "postgresql" : "sqlite"
        if server, !StoreAccess.holdsData(path) {
            throw Failure("\(ServerURL.redacted(path)) holds no street to measure: copy one in first "
                          + "(doorstep copy --from ~/.cache/doorstep/bench-\(synthetic.scale.rawValue).sqlite --to …)", exitCode: ExitStatus.dataError)
        }
        if !server, !FileManager.default.fileExists(atPath: path) {
            let summary = try CommandLineEnd.buildSynthetic(synthetic, at: path, now: clock.now()) { done, total in
                FileHandle.standardError.write(Data("\rbuilding \(synthetic.scale.rawValue): tickets \(done)/\(total)".utf8))
            }
            FileHandle.standardError.write(Data("\n\(summary)\n".utf8))
        }
        let store = try StoreAccess.open(path)

        // first frame: open, build the read models, render
        let stopwatch = Stopwatch()
        let cpuStart = processCPUSeconds()
        let reader = try StoreAccess.open(path, readOnly: true)
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
        if server {
            // an order from another connection on the wall's frame, woken by the commit's NOTIFY
            figures.pushMs = try PushLatency(writer: store, reader: reader, clock: clock, grids: gridCodes, categories: categoryCodes)
                .median(of: 11) { ordered.append($0) }
        }
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
        // ingest into a scratch copy of the territory: a file beside the database, or the
        // server database named for it
        let data = try storeCall { try store.loadAll(at: clock.now()) }
        if !server {
            let scratch = path + ".ingest"
            let remove = { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + suffix) } }
            remove()
            defer { remove() }
            let target = try storeCall { try SQLiteStore(path: scratch, create: true) }
            let raw = try measureIngest(data, into: target, &figures) { try target.rawInsert(tickets: $0, at: clock.now()) }
            figures.sqliteRawPerSecond = raw
        } else if let ingestDatabase {
            guard ServerURL.isPostgres(ingestDatabase) else {
                throw Failure("--ingest-db \(ingestDatabase): give a postgresql:// database (a file's ingest is measured beside it)",
                              exitCode: ExitStatus.usage)
            }
            let target = try StoreAccess.open(ingestDatabase)
            let raw = try measureIngest(data, into: target, &figures) { try target.rawMultiRowInsert(tickets: $0, at: clock.now()) }
            figures.serverRawPerSecond = raw
        }
        return figures
    }

    /// Tickets through the store's bulk path and its one-order path into `target`, a scratch
    /// copy of the territory (the bench database keeps its working set from run to run), then
    /// the same rows through `yardstick` (a bare insert), whose rate it returns.
    private func measureIngest(_ data: CentreData, into target: any SQLStore, _ figures: inout BenchFigures,
                               yardstick: ([OrderRequest]) throws -> Void) throws -> Double {
        var territory = data
        territory.tickets = []
        territory.outcomes = []
        territory.callIns = []  // they name tickets left out
        territory.carePlans = []  // and households the working set leaves out
        try storeCall { try target.replaceAll(with: territory, at: clock.now()) }
        let requests = (0..<tickets).map { n in
            OrderRequest(gridCode: data.grids[n % data.grids.count].code, categoryCode: data.categories[n % data.categories.count].code,
                         title: "压测工单 \(n)", residentName: "测试", residentPhone: "15500000000")
        }
        figures.ingestPerSecond = try rate(requests.count) {
            for batch in stride(from: 0, to: requests.count, by: 5_000) {
                _ = try storeCall { try target.order(Array(requests[batch..<min(requests.count, batch + 5_000)]), by: "bench", at: clock.now()) }
            }
        }
        let single = Array(requests.prefix(1000))
        figures.ingestSinglePerSecond = try rate(single.count) {
            for request in single { _ = try storeCall { try target.order(request, by: "bench", at: clock.now()) } }
        }
        return try rate(requests.count) { try storeCall { try yardstick(requests) } }
    }

    /// Items a second: `count` of them through `body`.
    private func rate(_ count: Int, _ body: () throws -> Void) throws -> Double {
        let stopwatch = Stopwatch()
        try body()
        return Double(count) / stopwatch.seconds
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

