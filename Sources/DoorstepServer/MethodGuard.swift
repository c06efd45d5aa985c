import Hummingbird
import Synchronization

/// The paths the service answers and the methods each takes, recorded once the routes are
/// built: a request for a path it answers by a method it does not take is a 405 naming the
/// methods it takes (`Allow`), not a 404 that says the path is not there.
final class RouteMethods: Sendable {
    private let routes = Mutex<[(segments: [Substring], method: String)]>([])

    /// Records the router's routes (`/open311/v2/{file}` as the router writes them: a `{name}`
    /// or `*` matches any one segment).
    func record(_ routes: [(path: String, method: String)]) {
        let table = routes.map { (segments: $0.path.split(separator: "/"), method: $0.method) }
        self.routes.withLock { $0 = table }
    }

    /// The methods taken at `path`, sorted; empty when no route has its shape.
    func allowed(at path: String) -> [String] {
        let asked = path.split(separator: "/")
        let methods = routes.withLock { table in
            table.filter { route in
                route.segments.count == asked.count
                    && zip(route.segments, asked).allSatisfy { pattern, segment in (pattern.hasPrefix("{") && pattern.hasSuffix("}")) || pattern == "*" || pattern == segment }
            }.map(\.method)
        }
        return Set(methods).sorted()
    }
}

/// Turns the router's "not found" for a path answered by other methods into a 405 with `Allow`,
/// in the API's own error shape (Open311's list of errors, or the grid end's object).
struct MethodGuard<Context: RequestContext>: RouterMiddleware {
    let methods: RouteMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = methods.allowed(at: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            let message = "\(request.method.rawValue) is not taken here; \(allowed.joined(separator: " or ")) is"
            // (Open311's errors are a list; the grid end's an object)
            let body = request.uri.path.hasPrefix(Open311.base) ? Open311.error(405, message).body : GridEnd.error(405, message).body
            var response = DoorstepServer.json(GridEnd.Answer(status: 405, body: body))
            response.headers[.allow] = allowed.joined(separator: ", ")
            return response
        }
    }
}
