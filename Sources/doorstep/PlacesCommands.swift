import ArgumentParser
import DoorstepApp

/// `doorstep places`: the key places (重点场所) and their visits.
struct Places: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List key places (重点场所) with their last visit and whether visited this month.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "JSON: an array of {code, grid, name, kind, contact, visited_this_month, last_visit, last_note}.") var json = false
    @Option(help: "Only this grid's places.") var grid: String?

    func run() throws { try reportingFailures { say(try store.end.places(json: json, grid: grid)) } }
}
