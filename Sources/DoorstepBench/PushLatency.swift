import DoorstepApp
import DoorstepCanvas
import DoorstepDomain
import DoorstepEngine
import DoorstepScreen
import DoorstepStore
import Foundation
#if PostgreSQL
import DoorstepPostgres
import Logging
#endif

/// On a PostgreSQL server: how long an order placed through one connection takes to reach a
/// wall's frame through another, the wall woken by the commit's NOTIFY (its poll every 30 s
/// would be far later). The engine, the listener and the render are the wall's own.
struct PushLatency {
    let writer: any SQLStore
    let reader: any SQLStore
    let clock: any Clock
    let grids: [String]
    let categories: [String]

    /// The median of `rounds` orders, each from its commit to a frame that shows it, in
    /// milliseconds; `placed` is told each order's id (the bench cancels them after).
    func median(of rounds: Int, placed: (String) -> Void) throws -> Double {
        #if PostgreSQL
        guard let server = writer as? PostgresStore else { return 0 }
        let loop = PollingLoop(engine: Engine(store: reader, clock: clock, calendar: .local), interval: 30)
        guard var snapshot = loop.start() else { throw Failure("the bench could not start a wall's engine", exitCode: ExitStatus.unavailable) }
        defer { loop.stop() }
        // (timed only once the listener says it hears the server: an order before its LISTEN would wait for the poll)
        let listening = DispatchSemaphore(value: 0)
        let listener = FeedListener(store: server, logger: Logger(label: "doorstep.bench"), onState: { if $0 { listening.signal() } }) {
            loop.pollSoon(push: true)
        }
        listener.start()
        defer { listener.stop() }
        guard listening.wait(timeout: .now() + 30) == .success else {
            throw Failure("the bench's listener did not hear the server within 30 s", exitCode: ExitStatus.unavailable)
        }
        var times: [Double] = []
        for round in 0..<rounds {
            let request = OrderRequest(gridCode: grids[(round * 7919) % grids.count], categoryCode: categories[round % categories.count],
                                       title: "推送 \(round)")
            let stopwatch = Stopwatch()
            let id = try writer.order(request, by: "bench", at: clock.now()).id
            placed(id)
            let deadline = Date().addingTimeInterval(10)
            // (each new snapshot looked through once: a city's 50,000 tickets are not scanned while waiting)
            while !snapshot.overview.openTickets.contains(where: { $0.id == id }) {
                repeat {
                    guard Date() < deadline else { throw Failure("an order took over 10 s to reach the bench's wall", exitCode: ExitStatus.unavailable) }
                    if let next = loop.takeNew() { snapshot = next; break }
                    usleep(200)
                } while true
            }
            let state = WallState(overview: snapshot.overview, language: .zh, now: clock.now(), timeZone: .current, size: Size(width: 200, height: 60))
            _ = WallView.render(state)
            times.append(stopwatch.milliseconds)
        }
        return times.sorted()[times.count / 2]
        #else
        return 0
        #endif
    }
}
