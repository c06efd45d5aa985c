import ArgumentParser
import DoorstepDomain
import DoorstepSeeds
import DoorstepStore
import Foundation

/// `doorstep init`: create a database from a data set, or a synthetic one for scale.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a database from a data set (default: the demo street) or a synthetic one.")

    @OptionGroup var store: StoreOptions

    @Option(help: "A data-set folder of CSV files, such as seeds/demo (default: the embedded demo street).")
    var from: String?

    @Option(help: "Generate a synthetic data set instead: street, district or city (deterministic).")
    var synthetic: String?

    @Flag(help: "Replace the content of an existing database.")
    var force = false

    func validate() throws {
        if from != nil, synthetic != nil { throw ValidationError("give --from or --synthetic, not both") }
    }

    func run() throws {
        try reportingFailures {
            let path = store.path
            if FileManager.default.fileExists(atPath: path), !force {
                throw Failure("\(path) already exists; add --force to replace its content", exitCode: ExitStatus.refused)
            }
            let now = SystemClock().now()
            if let synthetic {
                let scale = try parseChoice(synthetic, as: Synthetic.Scale.self, flag: "--synthetic")
                let summary = try buildSynthetic(Synthetic(scale: scale), at: path, now: now) { done, total in
                    FileHandle.standardError.write(Data("\r\(synthetic): tickets \(done)/\(total)".utf8))
                }
                FileHandle.standardError.write(Data("\n".utf8))
                print(summary)
                return
            }
            let data = try WallOptions.loadData(from: from, now: now)
            let database = try storeCall { try SQLiteStore(path: path, create: true) }
            try storeCall { try database.replaceAll(with: data, at: now) }
            print("\(path): \(data.street.name), \(data.communities.count) communities, \(data.grids.count) grids, "
                + "\(data.staff.count) staff, \(data.households.count) households, \(data.tickets.count) tickets")
        }
    }
}

/// Writes a synthetic data set to `path`, tickets in batches, reporting progress.
func buildSynthetic(_ set: Synthetic, at path: String, now: Date, progress: (Int, Int) -> Void) throws -> String {
    let database = try storeCall { try SQLiteStore(path: path, create: true) }
    let data = set.street(now: now)
    try storeCall { try database.replaceAll(with: data, at: now) }
    let batch = 20_000
    var done = 0
    while done < set.tickets {
        let next = min(set.tickets, done + batch)
        let tickets = (done..<next).map { set.ticket($0, now: now) }
        try storeCall { try database.appendTickets(tickets) }
        done = next
        progress(done, set.tickets)
    }
    return "\(path): \(set.scale.rawValue), \(data.communities.count) communities, \(set.grids) grids, \(data.staff.count) staff, "
        + "\(data.households.count) households, \(set.tickets) tickets (\(set.openTickets) open)"
}
