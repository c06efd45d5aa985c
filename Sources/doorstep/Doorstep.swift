import ArgumentParser

@main
struct Doorstep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doorstep",
        abstract: "家门口 Doorstep: a terminal command centre for grid-based community governance.",
        discussion: "Run `doorstep demo` to see the wall screen on the embedded demo street.",
        subcommands: [Demo.self, Snapshot.self]
    )
}
