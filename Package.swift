// swift-tools-version: 6.1
// Doorstep (家门口): a terminal command centre for grid-based community governance.
// Layers, one direction: Domain ← Seeds, Store ← Engine ← Screen (pure view) ← Terminal (ncurses) ← doorstep.
import PackageDescription

let package = Package(
    name: "Doorstep",
    platforms: [.macOS(.v15)],  // Synchronization.Mutex
    products: [
        .executable(name: "doorstep", targets: ["doorstep"]),
        // `doorstep serve` runs this: the HTTP service (Hummingbird) in a binary of its own, so
        // that `swift run doorstep demo` does not build an HTTP stack it does not use
        .executable(name: "doorstep-server", targets: ["doorstep-server"]),
    ],
    // `swift build --traits PostgreSQL`: a doorstep whose --db also takes postgresql:// URLs. Off by
    // default, so that a newcomer's first `swift run doorstep demo` does not build a PostgreSQL
    // client, SwiftNIO and TLS (minutes on two cores) for a demo that runs on SQLite.
    traits: [
        .trait(name: "PostgreSQL", description: "the commands open postgresql:// stores (postgres-nio)"),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // the street's reports: HTML built with a type-safe DSL that escapes the text it is given
        // (Plot), CSV written with its quoting rules (CSV.swift) — two small packages, no dependencies
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
    ],
    targets: [
        // The only C the project touches: ncursesw, through a shim header.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // SHA-256, constant-time comparison and the system's secure random bytes, from OpenSSL's
        // libcrypto: API keys and tokens are stored hashed and compared in constant time.
        .systemLibrary(
            name: "CLibcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Domain model and rules. No I/O.
        .target(name: "DoorstepDomain"),
        // Pure canvas kit: cells, display width, clipped text, boxes, layout. No I/O.
        .target(name: "DoorstepCanvas"),
        // Data sets (CSV exported from a spreadsheet) and the embedded demo street.
        .target(
            name: "DoorstepSeeds",
            dependencies: ["DoorstepDomain", .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
        // The store: SQLite through GRDB behind the `DoorstepStore` protocol; every change is a
        // short transaction that also appends to the event log (the change feed).
        .target(
            name: "DoorstepStore",
            dependencies: [
                "DoorstepDomain", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own column functions, for decoding a city's rows in bulk
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The store on PostgreSQL (postgres-nio), for a district's many machines: the same
        // protocols and conformance suite as SQLite; its own target, so that a build of the
        // demo does not compile a PostgreSQL client it does not use.
        .target(
            name: "DoorstepPostgres",
            dependencies: [
                "DoorstepDomain", "DoorstepStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The polling engine: read models kept current from the change feed, on a thread of its own.
        .target(name: "DoorstepEngine", dependencies: ["DoorstepDomain", "DoorstepStore"]),
        // The demo's load generator: residents ordering, dispatchers, workers, calls (demo categories).
        .target(name: "DoorstepSimulation", dependencies: ["DoorstepDomain", "DoorstepStore"]),
        // One-key calls: stored, handed to a notifier, escalated along the chain when missed.
        .target(name: "DoorstepCalls", dependencies: ["DoorstepDomain", "DoorstepStore"]),
        // SIP calls through baresip (run and controlled over its TCP interface), with the spoken
        // message made by espeak-ng. No SIP stack of its own.
        .target(name: "DoorstepSIP", dependencies: ["DoorstepCalls", "DoorstepEngine"]),
        // The wall screen: state, update(state, message) and view(state) → canvas. Pure.
        .target(name: "DoorstepScreen", dependencies: ["DoorstepDomain", "DoorstepCanvas"]),
        // The street's daily and weekly reports in Markdown, CSV, JSON and HTML. Pure: a report in, bytes out.
        .target(
            name: "DoorstepReports",
            dependencies: [
                "DoorstepDomain", "DoorstepCanvas", "DoorstepScreen",
                .product(name: "Plot", package: "Plot"), .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The terminal backend: the only module that imports ncurses.
        .target(name: "DoorstepTerminal", dependencies: ["DoorstepCanvas", "CNcursesw"]),
        // Secrets for the HTTP ends: API keys per channel and operators' tokens, made, hashed, checked.
        .target(name: "DoorstepCredentials", dependencies: ["CLibcrypto"]),
        // The app as a library: settings, paths, logging, the wall's run loop and effects, and
        // what each command does; the executable only parses arguments.
        .target(
            name: "DoorstepApp",
            dependencies: [
                "DoorstepDomain", "DoorstepSeeds", "DoorstepStore", "DoorstepEngine", "DoorstepSimulation", "DoorstepCalls", "DoorstepSIP",
                "DoorstepCanvas", "DoorstepScreen", "DoorstepTerminal", "DoorstepCredentials", "DoorstepReports",
                .product(name: "Logging", package: "swift-log"),
                .target(name: "DoorstepPostgres", condition: .when(traits: ["PostgreSQL"])),
            ]
        ),
        // The HTTP service: Open311 GeoReport v2 for residents' channels, a JSON API for workers'
        // phones, over the same store and permission checks as the terminals (Hummingbird 2).
        .target(
            name: "DoorstepServer",
            dependencies: [
                "DoorstepDomain", "DoorstepStore", "DoorstepCredentials", "DoorstepCanvas",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                // a thread pool for the store's blocking calls (built for Hummingbird anyway)
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "doorstep-server",
            dependencies: [
                "DoorstepServer", "DoorstepApp", "DoorstepStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // `doorstep bench`: the figures, measured (build with -c release).
        .target(
            name: "DoorstepBench",
            dependencies: ["DoorstepApp", "DoorstepDomain", "DoorstepSeeds", "DoorstepStore", "DoorstepEngine", "DoorstepCanvas",
                           "DoorstepScreen", "DoorstepTerminal",
                           // (on a server: the time from a commit's NOTIFY to the wall's frame)
                           .target(name: "DoorstepPostgres", condition: .when(traits: ["PostgreSQL"])),
                           .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "doorstep",
            dependencies: [
                "DoorstepApp", "DoorstepBench", "DoorstepDomain", "DoorstepSeeds", "DoorstepStore", "DoorstepCalls", "DoorstepReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers the store, engine, calls and simulation tests share (temporary databases, a fixed now).
        // (and a throwaway PostgreSQL cluster for the suites that run on both stores)
        .target(name: "DoorstepTestSupport", dependencies: ["DoorstepDomain", "DoorstepSeeds", "DoorstepStore", "DoorstepPostgres", "DoorstepCalls",
                                                            .product(name: "Logging", package: "swift-log")],
                path: "Sources/DoorstepTestSupport"),
        .testTarget(name: "DoorstepDomainTests", dependencies: ["DoorstepDomain", "DoorstepSeeds"]),
        .testTarget(name: "DoorstepCanvasTests", dependencies: ["DoorstepCanvas", "DoorstepDomain"]),
        .testTarget(name: "DoorstepSeedsTests", dependencies: ["DoorstepSeeds", "DoorstepDomain"]),
        .testTarget(
            name: "DoorstepStoreTests",
            dependencies: [
                "DoorstepStore", "DoorstepDomain", "DoorstepSeeds", "DoorstepTestSupport", "DoorstepPostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]  // read through #filePath and copied before use
        ),
        // (the replay's agreement with a live session is checked on the rendered wall: the simulator writes, the screen draws)
        .testTarget(name: "DoorstepEngineTests", dependencies: ["DoorstepEngine", "DoorstepStore", "DoorstepDomain", "DoorstepTestSupport",
                                                                "DoorstepSimulation", "DoorstepScreen", "DoorstepCanvas"]),
        .testTarget(name: "DoorstepSIPTests", dependencies: ["DoorstepSIP", "DoorstepCalls"]),
        .testTarget(name: "DoorstepCallsTests", dependencies: ["DoorstepCalls", "DoorstepStore", "DoorstepDomain", "DoorstepTestSupport"]),
        .testTarget(name: "DoorstepSimulationTests", dependencies: ["DoorstepSimulation", "DoorstepDomain", "DoorstepTestSupport"]),
        .testTarget(
            name: "DoorstepScreenTests",
            dependencies: ["DoorstepScreen", "DoorstepCanvas", "DoorstepDomain", "DoorstepSeeds"],
            exclude: ["Snapshots"]  // read through #filePath, so a recording lands in the source tree
        ),
        .testTarget(name: "DoorstepTerminalTests", dependencies: ["DoorstepTerminal", "DoorstepCanvas"]),
        .testTarget(name: "DoorstepReportsTests", dependencies: ["DoorstepReports", "DoorstepDomain", "DoorstepScreen", "DoorstepSeeds"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "DoorstepAppTests", dependencies: ["DoorstepApp", "DoorstepCalls", "DoorstepDomain", "DoorstepScreen"]),
        // Runs the real binary in tmux; depends on the executable so `swift test` builds it.
        // (Tools/: the emulated CJK terminal, a Python script the tests run from the source tree)
        .testTarget(name: "DoorstepEndToEndTests", dependencies: ["doorstep", "doorstep-server", "DoorstepCalls", "DoorstepTestSupport", "DoorstepPostgres"],
                    exclude: ["Tools"]),
        .testTarget(
            name: "DoorstepPostgresTests",
            dependencies: ["DoorstepPostgres", "DoorstepStore", "DoorstepDomain", "DoorstepCalls", "DoorstepTestSupport", .product(name: "Logging", package: "swift-log"),
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "DoorstepServerTests",
            dependencies: ["DoorstepServer", "DoorstepStore", "DoorstepDomain", "DoorstepCredentials", "DoorstepTestSupport",
                           .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")]
        ),
    ]
)
