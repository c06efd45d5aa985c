import ArgumentParser
import DoorstepDomain
import DoorstepStore
import Foundation

/// `doorstep init`: create a database from a data set.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a database from a data set (default: the demo street).")

    @OptionGroup var store: StoreOptions

    @Option(help: "A data-set folder of CSV files, such as seeds/demo (default: the embedded demo street).")
    var from: String?

    @Flag(help: "Replace the content of an existing database.")
    var force = false

    func run() throws {
        try reportingFailures {
            let path = store.path
            if FileManager.default.fileExists(atPath: path), !force {
                throw Failure("\(path) already exists; add --force to replace its content", exitCode: ExitStatus.refused)
            }
            let now = Date()
            let data = try WallOptions.loadData(from: from, now: now)
            let database = try storeCall { try SQLiteStore(path: path, create: true) }
            try storeCall { try database.replaceAll(with: data, at: now) }
            print("\(path): \(data.street.name), \(data.communities.count) communities, \(data.grids.count) grids, "
                + "\(data.staff.count) staff, \(data.households.count) households, \(data.tickets.count) tickets")
        }
    }
}
