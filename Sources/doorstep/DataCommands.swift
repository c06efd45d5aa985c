import ArgumentParser
import DoorstepApp
import DoorstepBench
import DoorstepSeeds
import Foundation

/// `doorstep init`: create a database from a data set, or a synthetic one for scale.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a database from a data set (default: the demo street) or a synthetic one.")

    @OptionGroup var store: StoreOptions
    @Option(help: "A data-set folder of CSV files, such as seeds/demo (default: the embedded demo street).") var from: String?
    @Option(help: "Generate a synthetic data set instead: street, district or city (deterministic).") var synthetic: String?
    @Flag(help: "Replace the content of an existing database.") var force = false

    func validate() throws {
        if from != nil, synthetic != nil { throw ValidationError("give --from or --synthetic, not both") }
    }

    func run() throws {
        try reportingFailures {
            if let synthetic {
                let scale = try parseChoice(synthetic, as: Synthetic.Scale.self, flag: "--synthetic")
                let summary = try store.end.initialise(synthetic: scale, force: force) { done, total in
                    FileHandle.standardError.write(Data("\r\(synthetic): tickets \(done)/\(total)".utf8))
                }
                FileHandle.standardError.write(Data("\n".utf8))
                say(summary)
            } else {
                say(try store.end.initialise(from: from, force: force))
            }
        }
    }
}

/// `doorstep copy`: a whole database to another store (SQLite ⇄ PostgreSQL).
struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a whole database to another: territory, people, tickets with their history, calls, care, alarms, keys and the event log.",
        discussion: """
            From a SQLite file to a PostgreSQL server to move a street onto it, or back for a backup a person can \
            open (postgresql:// needs a doorstep built with `swift build --traits PostgreSQL`). Copy a database \
            nobody is writing to; every table's rows are counted on both sides at the end.
            """)

    @Option(help: "The database to copy from: a file, or postgresql://user@host:port/database.") var from: String
    @Option(help: "The database to copy to: a new file, or an empty PostgreSQL database.") var to: String
    @Flag(help: "Replace what the target already holds.") var force = false

    func run() throws {
        try reportingFailures {
            // on a terminal one line that moves on; in a log, a line per table
            let live = isatty(2) == 1
            let summary = try CopyEnd.copy(from: from, to: to, replace: force) { table, done, total in
                guard total > 0 else { return }
                if live {
                    FileHandle.standardError.write(Data("\r\u{1B}[K\(table): \(done)/\(total)".utf8))
                } else if done == total {
                    FileHandle.standardError.write(Data("\(table): \(total)\n".utf8))
                }
            }
            if live { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            say(summary)
        }
    }
}

/// `doorstep import`: households or staff from a spreadsheet export.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add or update households, staff or Party members from a spreadsheet's CSV export (UTF-8, with or without BOM; GBK/GB18030 is converted).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The CSV file; its header row says whether it lists households, staff or Party members.") var file: String

    func run() throws {
        try reportingFailures { for line in try store.end.importSpreadsheet(file) { say(line) } }
    }
}

/// `doorstep simulate`: realistic activity against a database, for demos and load.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make realistic activity (orders, dispatches, accepts, resolutions, ratings, visits, duty changes, calls, acks).")

    @OptionGroup var store: StoreOptions
    @Option(help: "Changes per minute.") var rate: Double = 60
    @Option(help: "Seed: the same seed over the same data makes the same choices.") var seed: UInt64 = 1
    @Option(help: "Seconds to run.") var duration: Double = 60
    @Flag(help: "Print each change.") var verbose = false

    func run() throws {
        try reportingFailures {
            say(try store.end.simulate(rate: rate, seed: seed, duration: duration) { if verbose { say($0) } })
        }
    }
}

/// `doorstep bench`: the figures the wall must reach, measured on this machine.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure ingest, first frame, polls, frames, bytes to the terminal and memory (build with -c release).")

    @Option(help: "street, district or city: a synthetic database of that size, built once and reused.") var scale = "street"
    @Flag(help: "One JSON object instead of a table.") var json = false
    @Option(help: "Tickets written for the ingest figures (into a scratch copy of the territory).") var tickets = 20_000
    @Flag(help: "Measure the first frame alone and stop (to profile it, e.g. under valgrind --tool=callgrind).") var firstFrameOnly = false
    @Option(help: ArgumentHelp(
        "The benchmark database: a file, built when missing and reused (default: $XDG_CACHE_HOME/doorstep/bench-SCALE.sqlite), or postgresql://… holding a copy of one.",
        discussion: "Only --db postgresql://… measures a server; copy a bench database onto it first with `doorstep copy`."))
    var db: String?
    @Option(help: "With --db postgresql://…: an empty database on a server that the ingest figures fill (and replace on every run); without it they are not measured there.")
    var ingestDb: String?

    func run() throws {
        try reportingFailures {
            let size = try parseChoice(scale, as: Synthetic.Scale.self, flag: "--scale")
            guard tickets > 0 else { throw Failure("--tickets must be above 0", exitCode: ExitStatus.usage) }
            let path = db ?? Paths().benchDatabase(scale: size.rawValue)
            let figures = try BenchRun(path: path, synthetic: Synthetic(scale: size), tickets: tickets, firstFrameOnly: firstFrameOnly,
                                       ingestDatabase: ingestDb).measure()
            if json {
                let data = try JSONSerialization.data(withJSONObject: figures.dictionary, options: [.sortedKeys])
                say(String(decoding: data, as: UTF8.self))
            } else {
                say(figures.table)
            }
        }
    }
}
