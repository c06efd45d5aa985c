import DoorstepDomain
import DoorstepStore
import Foundation
import Hummingbird
import Logging
import Prometheus

/// What `/metrics` tells Prometheus: requests by route, method and status, their latency,
/// the open tickets by state (read from the store when scraped) and the store's errors.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let storeErrors: Counter
    static var requests: MetricNameDescriptor { MetricNameDescriptor(namespace: "doorstep", subsystem: "http", metricName: "requests", unitName: "total",
                                               helpText: "HTTP requests by route, method and status") }
    static var latency: MetricNameDescriptor { MetricNameDescriptor(namespace: "doorstep", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                                              helpText: "Time to answer, by route") }
    static var openTickets: MetricNameDescriptor { MetricNameDescriptor(namespace: "doorstep", metricName: "open_tickets", unitName: "", helpText: "Open tickets by state") }
    static let buckets: [Duration] = [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1)]

    public init() {
        storeErrors = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "doorstep", subsystem: "store", metricName: "errors", unitName: "total", helpText: "Store calls that failed (unavailable)"))
    }

    func record(method: String, route: String, status: Int, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", "\(status)")]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("method", method), ("route", route)], buckets: Self.buckets)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// The exposition text, with the open tickets counted now.
    func scrape(store: any ServiceQueries) -> String {
        if let counts = try? store.openTicketCounts() {
            for state in TicketState.allCases where state.isOpen {
                registry.makeGauge(descriptor: Self.openTickets, labels: [("state", state.rawValue)]).set(Double(counts[state] ?? 0))
            }
        } else {
            storeErrors.increment()
        }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

extension Duration {
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}

/// Times each request, counts it by route and status, and logs it (method, path, status,
/// milliseconds — never a query string or a body: residents' names and phones stay out of logs).
struct RequestRecorder<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            finish(method, request.uri.path, context.endpointPath, response.status.code, start)
            return response
        } catch {
            finish(method, request.uri.path, context.endpointPath, (error as? any HTTPResponseError)?.status.code ?? 500, start)
            throw error
        }
    }

    private func finish(_ method: String, _ path: String, _ route: String?, _ status: Int, _ start: ContinuousClock.Instant) {
        let took = ContinuousClock.now - start
        metrics.record(method: method, route: route ?? "unmatched", status: status, duration: took)
        logger.info("\(method) \(path) \(status) \(took.nanoseconds / 1_000_000) ms")
    }
}
