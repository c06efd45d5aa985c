import ArgumentParser
import DoorstepApp
import DoorstepDomain

/// `doorstep clears`: 四清, what is known of each household.
struct ClearsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clears", abstract: "四清: confirm what is known of a household, or list a grid's households with it.",
        subcommands: [Confirm.self, List.self])

    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Confirm facets of a household's 四清 now, each with what is recorded (the others keep their dates).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The household's id.") var household: String
        @Option(help: "家庭情况: the family situation.") var family: String?
        @Option(help: "人员类别: the people's category.") var category: String?
        @Option(help: "服务事项: the services it needs.") var needs: String?
        @Option(help: "隐患矛盾: hidden hazards and disputes.") var hazards: String?
        @Option(help: "Who confirms (a staff id; default: the command-line user).") var by: String?

        func validate() throws {
            guard [family, category, needs, hazards].contains(where: { $0 != nil }) else {
                throw ValidationError("give at least one of --family, --category, --needs and --hazards")
            }
        }

        func run() throws {
            var notes: [FourClears.Facet: String] = [:]
            notes[.family] = family
            notes[.category] = category
            notes[.needs] = needs
            notes[.hazards] = hazards
            try reportingFailures { say(try store.end.confirmClears(household: household, notes, by: by)) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a grid's households with their 四清 and whether each is clear now.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The grid's code.") var grid: String
        @Flag(help: "JSON: an array of {household, building, clear, clear_until, family, family_confirmed_at, category, …}.") var json = false

        func run() throws { try reportingFailures { say(try store.end.clears(grid: grid, json: json)) } }
    }
}
