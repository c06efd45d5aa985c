import ArgumentParser
import DoorstepDomain
import DoorstepSeeds
import DoorstepStore
import Foundation

/// `doorstep import`: households or staff from a spreadsheet export.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add or update households or staff from a spreadsheet's CSV export (UTF-8, with or without BOM; GBK/GB18030 is converted).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The CSV file; its header row says whether it lists households or staff.") var file: String

    func run() throws {
        try reportingFailures {
            guard let bytes = FileManager.default.contents(atPath: file) else {
                throw Failure("\(file): cannot be read (missing or not a file)", exitCode: ExitStatus.dataError)
            }
            let database = try store.open()
            let data = try storeCall { try database.loadAll(at: SystemClock().now()) }
            let result: Spreadsheet.Result
            do {
                result = try Spreadsheet.read(
                    file: file, data: bytes,
                    gridOfBuilding: Dictionary(data.buildings.map { ($0.code, $0.gridCode) }, uniquingKeysWith: { a, _ in a }),
                    grids: Set(data.grids.map(\.code)), communities: Set(data.communities.map(\.code)))
            } catch let error as SeedError {
                throw Failure(error.description, exitCode: ExitStatus.dataError)
            }
            if let encoding = result.convertedFrom { print("\(file): converted from \(encoding) to UTF-8") }
            let name = URL(fileURLWithPath: file).lastPathComponent
            switch result.content {
            case .households(let rows):
                let n = try storeCall { try database.upsert(households: rows, source: name, at: SystemClock().now()) }
                print("\(file): \(n) households imported")
            case .staff(let rows):
                let n = try storeCall { try database.upsert(staff: rows, source: name, at: SystemClock().now()) }
                print("\(file): \(n) staff imported")
            }
        }
    }
}
