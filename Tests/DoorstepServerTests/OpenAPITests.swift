import DoorstepDomain
import DoorstepServer
import DoorstepStore
import DoorstepTestSupport
import Foundation
import Logging
import Testing

@testable import DoorstepServer

/// `openapi.json` at the repository's top is the document `/openapi.json` serves, and it and
/// the routes agree: every route is documented, every documented path has a route.
@Suite("OpenAPI document")
struct OpenAPITests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("openapi.json")

    @Test("the served document is the repository's openapi.json (record mode writes the Swift copy)")
    func servedIsTheFile() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        if text != OpenAPIDocument.json, ProcessInfo.processInfo.environment["DOORSTEP_RECORD_SNAPSHOTS"] != nil {
            let swift = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Sources/DoorstepServer/OpenAPIDocument.generated.swift")
            try ("// Generated from openapi.json at the repository's top by a test (OpenAPITests): edit that file,\n"
                + "// then run `DOORSTEP_RECORD_SNAPSHOTS=1 swift test --filter OpenAPI` to bring this one in line.\n\n"
                + "enum OpenAPIDocument {\n    static let json = #\"\"\"\n" + text + "\n\"\"\"#\n}\n").write(to: swift, atomically: true, encoding: .utf8)
            Issue.record("recorded the Swift copy of openapi.json: build and run again")
        }
        #expect(text == OpenAPIDocument.json, "openapi.json changed: DOORSTEP_RECORD_SNAPSHOTS=1 swift test --filter OpenAPI")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((object["openapi"] as? String)?.hasPrefix("3.") == true)
    }

    /// A path with its parameters and the format suffix made one shape: `/open311/v2/{}`.
    static func shape(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.contains("{") || segment.hasSuffix(".{format}") ? "{}" : String(segment)
        }.joined(separator: "/")
    }

    @Test("the routes and the document agree, method by method")
    func agree() throws {
        let (folder, store) = try TemporaryDatabase.demo(now: StoreFixtures.now)
        defer { folder.cleanUp() }
        let server = DoorstepServer(host: "127.0.0.1", port: 0, store: store, clock: ManualClock(StoreFixtures.now), logger: Logger(label: "test"))
        let routes = Set(server.router().routes.map { "\($0.method.rawValue) \(Self.shape($0.path.description))" })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let paths = try #require(object["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { documented.insert("\(method.uppercased()) \(Self.shape(path))") }
            // a document read through the one `{name}.{format}` route must be one it answers
            if let name = path.firstMatch(of: /^\/open311\/v2\/([a-z_]+)\.\{format\}$/)?.1 {
                #expect(DoorstepServer.open311Documents.contains(String(name)), "\(path) is documented but not answered")
            }
        }
        #expect(routes == documented, "routes only: \(routes.subtracting(documented).sorted()); documented only: \(documented.subtracting(routes).sorted())")
        for name in DoorstepServer.open311Documents {
            #expect(paths["/open311/v2/\(name).{format}"] != nil, "\(name) is answered but not documented")
        }
    }
}
