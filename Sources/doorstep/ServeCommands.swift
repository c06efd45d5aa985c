import ArgumentParser
import DoorstepApp
import Foundation

/// `doorstep key issue|list|revoke`: the HTTP service's API keys, one per channel.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Manage the API keys residents' channels post requests with (Open311), one per channel.",
        subcommands: [Issue.self, List.self, Revoke.self], defaultSubcommand: List.self)

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a key to a channel and print it (shown this once; a street duty operator's command).")
        @OptionGroup var store: StoreOptions
        @Option(help: "The channel's name: hotline, wechat, suishoupai … (lower-case letters, digits, '-', '_').") var channel: String
        func run() throws { try reportingFailures { say(try store.end.issueKey(channel: channel)) } }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the keys and tokens (never their secrets).")
        @OptionGroup var store: StoreOptions
        @Flag(help: "JSON: an array of {id, holder, issued_by, issued_at, revoked_at}.") var json = false
        func run() throws { try reportingFailures { say(try store.end.keys(json: json)) } }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key (a street duty operator's command).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The key's or token's id (K0001, T0001).") var id: String
        func run() throws { try reportingFailures { say(try store.end.revokeKey(id: id)) } }
    }
}

/// `doorstep token issue|list|revoke`: operators' bearer tokens for the grid-end API.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage the bearer tokens workers' phones act with (the grid-end API), one per operator.",
        subcommands: [Issue.self, KeyCommand.List.self, KeyCommand.Revoke.self], defaultSubcommand: KeyCommand.List.self)

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a token to an operator and print it (shown this once; a street duty operator's command).")
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("operator"), help: "The operator it acts as, with their role and scope (jb01-worker).") var operatorID: String
        func run() throws { try reportingFailures { say(try store.end.issueToken(operatorID: operatorID)) } }
    }
}

/// `doorstep serve`: runs `doorstep-server`, the HTTP service, from beside this binary (it is a
/// binary of its own so that the wall does not carry an HTTP stack).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve Open311 GeoReport v2 to residents' channels and the grid-end API to workers' phones over HTTP (runs doorstep-server).",
        discussion: "Arguments after `serve` go to doorstep-server: --listen HOST:PORT (127.0.0.1:8311), --db PATH.")
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let server = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("doorstep-server").path }
            ?? own.deletingLastPathComponent().appendingPathComponent("doorstep-server").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            FileHandle.standardError.write(Data("doorstep: no HTTP service at \(server) (build it: swift build --product doorstep-server)\n".utf8))
            throw ExitCode(69)
        }
        let argv = ([server] + arguments).map { strdup($0) } + [nil]
        execv(server, argv)
        FileHandle.standardError.write(Data("doorstep: cannot run \(server): \(String(cString: strerror(errno)))\n".utf8))
        throw ExitCode(69)
    }
}
