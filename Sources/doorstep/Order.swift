import ArgumentParser
import DoorstepDomain
import DoorstepStore
import Foundation

/// `doorstep order`: the resident end (居民点单). Prints the new ticket's id.
struct Order: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Place a resident's order (点单); prints the new ticket's id.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The grid's code.") var grid: String
    @Option(help: "The category's code (party_public, convenience, mediation, hazard, care in the demo).") var category: String
    @Option(help: "What the resident asks for.") var title: String
    @Option(help: "The resident's name.") var name = ""
    @Option(help: "The resident's phone.") var phone = ""
    @Option(help: "low, normal, high or urgent.") var priority = "normal"
    @Option(help: "resident, patrol, visit or hotline.") var source = "resident"
    @Option(help: "When the order was placed, if earlier (ISO 8601, e.g. 2026-11-29T09:30:00+08:00).") var orderedAt: String?

    func run() throws {
        try reportingFailures {
            let request = OrderRequest(
                gridCode: grid, categoryCode: category, title: title, source: try parseChoice(source, as: TicketSource.self, flag: "--source"),
                priority: try parseChoice(priority, as: TicketPriority.self, flag: "--priority"), residentName: name, residentPhone: phone,
                orderedAt: try orderedAt.map { try parseTime($0, flag: "--ordered-at") })
            let database = try store.open()
            let ticket = try storeCall { try database.order(request, by: store.who, at: SystemClock().now()) }
            print(ticket.id)
        }
    }
}

/// A string-backed enum from a flag, or a usage failure listing the accepted values.
func parseChoice<E: RawRepresentable & CaseIterable>(_ text: String, as type: E.Type, flag: String) throws -> E where E.RawValue == String {
    guard let value = E(rawValue: text.lowercased()) else {
        throw Failure("\(flag): '\(text)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))", exitCode: ExitStatus.usage)
    }
    return value
}

/// An ISO 8601 time from a flag.
func parseTime(_ text: String, flag: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    throw Failure("\(flag): '\(text)' is not an ISO 8601 time such as 2026-11-29T09:30:00+08:00", exitCode: ExitStatus.usage)
}
