import DoorstepDomain
import DoorstepStore
import Foundation
import Hummingbird
import Logging
import NIOPosix

/// `doorstep serve`: the HTTP service over one store — Open311 GeoReport v2 for residents'
/// channels under `/open311/v2/`, the grid end for workers' phones under `/api/v1/`, and
/// `/healthz`, `/metrics`, `/openapi.json`. SIGTERM and SIGINT drain the requests in flight
/// and stop it.
public struct DoorstepServer: Sendable {
    public var host: String
    public var port: Int
    let open311: Open311
    let gridEnd: GridEnd
    let metrics = ServerMetrics()
    let logger: Logger
    /// The store's calls block (SQLite, a busy wait behind another writer): they run here, not on
    /// the threads that serve connections and Swift's tasks, so `/healthz` and reads of other
    /// requests go on meanwhile. Started by `run`.
    let pool = NIOThreadPool(numberOfThreads: 8)
    /// Bodies above this are refused before they are read whole.
    public static let maxBody = 16 * 1024
    /// A connection that sends nothing for this long is closed: a client that opens
    /// connections and dribbles (or never finishes) its headers cannot hold them for good.
    public var idleTimeout: Duration = .seconds(30)
    let routeMethods = RouteMethods()

    public init(host: String, port: Int, store: GridEnd.Store, clock: any Clock, callTimeout: TimeInterval = Call.defaultTimeout,
                rateLimit: Double = 100, logger: Logger) {
        self.host = host
        self.port = port
        self.open311 = Open311(store: store, clock: clock, limiter: RateLimiter(perSecond: rateLimit))
        self.gridEnd = GridEnd(store: store, clock: clock, callTimeout: callTimeout)
        self.logger = logger
    }

    /// What `GET /open311/v2/{name}.{format}` answers (the OpenAPI document lists the same).
    public static let open311Documents = ["discovery", "services", "requests"]

    /// The routes, as a router (the tests drive it on a free port).
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let open311 = self.open311
        let logger = self.logger
        let metrics = self.metrics
        let server = self
        router.add(middleware: RequestRecorder(metrics: metrics, logger: logger))
        router.add(middleware: MethodGuard(methods: routeMethods))
        router.get("/metrics") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.scrape(store: open311.store))))
        }
        router.get("/openapi.json") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        router.get("/healthz") { _, _ -> Response in
            do {
                _ = try open311.store.jurisdiction()
                return Self.plain(.ok, "ok\n")
            } catch {
                logger.error("healthz: \(error)")
                return Self.plain(.serviceUnavailable, "store unavailable: \(error)\n")
            }
        }
        router.get(RouterPath(Open311.base + "/:file")) { request, context -> Response in
            let (name, format) = try Self.split(context.parameters.require("file"))
            let query = Self.query(request)
            let authority = request.head.authority ?? "localhost"
            return try await server.answer(format) {
                switch name {
                case "discovery": return try open311.discovery(baseURL: "http://\(authority)")
                case "services": return try open311.services(query)
                case "requests": return try open311.requests(query)
                default: return Open311.error(404, "no \(name) here (see discovery.json)")
                }
            }
        }
        router.get(RouterPath(Open311.base + "/services/:file")) { _, context -> Response in
            let (code, format) = try Self.split(context.parameters.require("file"))
            return try await server.answer(format) { try open311.definition(serviceCode: code) }
        }
        router.get(RouterPath(Open311.base + "/requests/:file")) { request, context -> Response in
            let (id, format) = try Self.split(context.parameters.require("file"))
            let query = Self.query(request)
            return try await server.answer(format) { try open311.request(id: id, query: query) }
        }
        // (the request's id sits where `requests/:file` has its file: Hummingbird wants one name a place)
        router.post(RouterPath(Open311.base + "/requests/:file/:action")) { request, context -> Response in
            let id = try context.parameters.require("file")
            let (name, format) = try Self.split(context.parameters.require("action"))
            guard name == "rating" else { return try await server.answer(format) { Open311.error(404, "no \(name) on a request (rating)") } }
            return try await server.answer(format, form: request) { form in try open311.rate(id: id, form) }
        }
        router.post(RouterPath(Open311.base + "/:file")) { request, context -> Response in
            let (name, format) = try Self.split(context.parameters.require("file"))
            guard name == "requests" else { return try await server.answer(format) { Open311.error(404, "no \(name) to post to") } }
            let idempotency = request.headers.first { $0.name.canonicalName == "idempotency-key" }?.value
            return try await server.answer(format, form: request) { form in try open311.post(form, idempotencyKey: idempotency) }
        }
        addGridEnd(to: router)
        routeMethods.record(router.routes.map { (path: $0.path.description, method: $0.method.rawValue) })
        return router
    }

    /// `/api/v1/`: the grid end, as the bearer token's operator.
    private func addGridEnd(to router: Router<BasicRequestContext>) {
        let gridEnd = self.gridEnd
        let logger = self.logger
        let metrics = self.metrics
        let pool = self.pool
        /// The operator, the JSON body (POST) and the answer of `handle`, or the refusal; the
        /// token's check and `handle` run on the store's pool.
        @Sendable func serve(_ request: Request, body wanted: Bool,
                             _ handle: @escaping @Sendable (Operator, GridBody) throws -> GridEnd.Answer) async -> Response {
            var request = request
            var data = Data()
            if wanted {
                let type = request.headers[.contentType] ?? ""
                guard type.lowercased().hasPrefix("application/json") else {
                    return Self.json(GridEnd.error(415, "Content-Type must be application/json, not '\(type)'"))
                }
                guard let body = try? await request.collectBody(upTo: Self.maxBody) else {
                    return Self.json(GridEnd.error(413, "the body is over \(Self.maxBody) bytes"))
                }
                data = Data(body.readableBytesView)
            }
            let authorization = request.headers[.authorization]
            let body = data
            do {
                return Self.json(try await pool.runIfActive {
                    guard let op = try gridEnd.authenticate(authorization) else {
                        return GridEnd.error(401, "a bearer token is missing, unknown or revoked (doorstep token issue --operator ID)")
                    }
                    let fields: GridBody
                    do { fields = try GridBody(json: body) } catch { return GridEnd.error(400, "\(error)") }
                    return try handle(op, fields)
                })
            } catch {
                logger.warning("grid end: \(error)")
                metrics.storeErrors.increment()
                return Self.json(GridEnd.error(503, "the store is unavailable"))
            }
        }
        router.get(RouterPath(GridEnd.base + "/me")) { request, _ in await serve(request, body: false) { op, _ in gridEnd.me(op) } }
        router.get(RouterPath(GridEnd.base + "/tickets")) { request, _ in await serve(request, body: false) { op, _ in try gridEnd.tickets(op) } }
        router.post(RouterPath(GridEnd.base + "/tickets/:id/:verb")) { request, context in
            let id = try context.parameters.require("id"), verb = try context.parameters.require("verb")
            return await serve(request, body: true) { op, body in gridEnd.act(op, ticketID: id, verb: verb, body: body) }
        }
        router.post(RouterPath(GridEnd.base + "/calls/:id/answer")) { request, context in
            let id = try context.parameters.require("id")
            return await serve(request, body: true) { op, body in gridEnd.answer(op, callID: id, body: body) }
        }
        router.post(RouterPath(GridEnd.base + "/care/:id/done")) { request, context in
            let id = try context.parameters.require("id")
            return await serve(request, body: true) { op, body in gridEnd.careDone(op, serviceID: id, body: body) }
        }
        router.post(RouterPath(GridEnd.base + "/visits")) { request, _ in await serve(request, body: true) { op, body in gridEnd.visit(op, body: body) } }
        router.post(RouterPath(GridEnd.base + "/duty")) { request, _ in await serve(request, body: true) { op, body in gridEnd.duty(op, body: body) } }
    }

    static func json(_ answer: GridEnd.Answer) -> Response {
        Response(status: .init(code: answer.status), headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: answer.body.json())))
    }

    /// Serves until SIGTERM or SIGINT; `onListening` hears the address once bound (port 0 picks one).
    public func run(onListening: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        pool.start()
        defer { pool.shutdownGracefully { _ in } }
        let app = Application(
            router: router(), server: .http1(configuration: .init(idleTimeout: .nanoseconds(idleTimeout.nanoseconds))),
            configuration: .init(address: .hostname(host, port: port), serverName: "doorstep"),
            onServerRunning: { channel in
                let address = channel.localAddress
                onListening("\(address?.ipAddress ?? "?"):\(address?.port ?? 0)")
            }, logger: logger)
        try await app.runService()
    }

    // MARK: helpers

    /// The form body of `request`: refused when not form-encoded (415), over the limit (413,
    /// before it is read whole when its length is declared) or not valid (400).
    static func readForm(_ request: Request) async throws -> [String: String] {
        var request = request
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw Refusal(415, "Content-Type must be application/x-www-form-urlencoded, not '\(type)'")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maxBody {
            throw Refusal(413, "the body is over \(Self.maxBody) bytes")
        }
        guard let body = try? await request.collectBody(upTo: Self.maxBody) else { throw Refusal(413, "the body is over \(Self.maxBody) bytes") }
        guard let form = FormBody.fields(String(buffer: body)) else { throw Refusal(400, "the body is not a valid URL-encoded form in UTF-8") }
        return form
    }

    enum Format: Sendable { case json, xml }

    /// `services.json` → ("services", .json); a name without one of the two is refused.
    static func split(_ file: String) throws -> (String, Format) {
        if file.hasSuffix(".json") { return (String(file.dropLast(5)), .json) }
        if file.hasSuffix(".xml") { return (String(file.dropLast(4)), .xml) }
        throw HTTPError(.notFound, message: "name the format: \(file).json or \(file).xml")
    }

    /// An Open311 answer in `format`, worked out on the store's pool: a refusal or a store
    /// error as the spec's list of errors.
    @Sendable func answer(_ format: Format, _ body: @escaping @Sendable () throws -> Open311.Answer) async throws -> Response {
        let result: Open311.Answer
        do {
            result = try await pool.runIfActive(body)
        } catch let refusal as Refusal {
            result = Open311.error(refusal)
        } catch let error as StoreError {
            logger.warning("store: \(error)")
            if case .unavailable = error { metrics.storeErrors.increment() }
            // (the store's invalid input is the request's fields: a 400)
            result = Open311.error(Refusal(error, actingAs: nil, invalid: 400))
        }
        let (data, type) = format == .json ? (result.body.json(), "application/json; charset=utf-8") : (result.body.xml(root: result.root), "text/xml; charset=utf-8")
        var headers: HTTPFields = [.contentType: type]
        if let wait = result.retryAfter { headers[.retryAfter] = "\(wait)" }
        return Response(status: .init(code: result.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The same for a form posted: read first (a refusal answered in `format`), then `body`.
    @Sendable func answer(_ format: Format, form request: Request,
                          _ body: @escaping @Sendable ([String: String]) throws -> Open311.Answer) async throws -> Response {
        let form: [String: String]
        do {
            form = try await Self.readForm(request)
        } catch let refusal as Refusal {
            return try await answer(format) { Open311.error(refusal) }
        }
        return try await answer(format) { try body(form) }
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The query string's fields (`QueryFields`).
    static func query(_ request: Request) -> [String: String] { QueryFields.fields(of: request.uri) }
}
