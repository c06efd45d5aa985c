// swift-tools-version: 6.0
// Doorstep (家门口): a terminal command centre for grid-based community governance.
// Layers, one direction: Domain ← Seeds, Store ← Engine ← Screen (pure view) ← Terminal (ncurses) ← doorstep.
import PackageDescription

let package = Package(
    name: "Doorstep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "doorstep", targets: ["doorstep"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The only C the project touches: ncursesw, through a shim header.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
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
            dependencies: ["DoorstepDomain", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The polling engine: read models kept current from the change feed.
        .target(name: "DoorstepEngine", dependencies: ["DoorstepDomain", "DoorstepStore"]),
        // What the wall does to the world: calls through a notifier, and their escalation.
        .target(name: "DoorstepActions", dependencies: ["DoorstepDomain", "DoorstepStore"]),
        // The wall screen: state, update(state, message) and view(state) → canvas. Pure.
        .target(name: "DoorstepScreen", dependencies: ["DoorstepDomain", "DoorstepCanvas"]),
        // The terminal backend: the only module that imports ncurses.
        .target(name: "DoorstepTerminal", dependencies: ["DoorstepCanvas", "CNcursesw"]),
        .executableTarget(
            name: "doorstep",
            dependencies: [
                "DoorstepDomain", "DoorstepSeeds", "DoorstepStore", "DoorstepEngine", "DoorstepActions", "DoorstepCanvas", "DoorstepScreen",
                "DoorstepTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "DoorstepDomainTests", dependencies: ["DoorstepDomain"]),
        .testTarget(name: "DoorstepCanvasTests", dependencies: ["DoorstepCanvas"]),
        .testTarget(
            name: "DoorstepStoreTests",
            dependencies: [
                "DoorstepStore", "DoorstepEngine", "DoorstepActions", "DoorstepDomain", "DoorstepSeeds",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]  // read through #filePath and copied before use
        ),
        .testTarget(name: "DoorstepSeedsTests", dependencies: ["DoorstepSeeds", "DoorstepDomain"]),
        .testTarget(
            name: "DoorstepScreenTests",
            dependencies: ["DoorstepScreen", "DoorstepCanvas", "DoorstepDomain", "DoorstepSeeds"],
            exclude: ["Snapshots"]  // read through #filePath, so a recording lands in the source tree
        ),
        .testTarget(
            name: "DoorstepTerminalTests",
            dependencies: ["DoorstepTerminal", "DoorstepCanvas"]
        ),
        // Runs the real binary in tmux; depends on the executable so `swift test` builds it.
        .testTarget(name: "DoorstepEndToEndTests", dependencies: ["doorstep", "DoorstepActions"]),
    ]
)
