import ArgumentParser
import DoorstepApp

/// `doorstep operator add|list|remove`: who works the terminals and commands (操作员).
struct OperatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator",
        abstract: "Manage operators: the people who work the terminals and commands, each with a role and a scope.",
        subcommands: [List.self, Add.self, Remove.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the operators.")
        @OptionGroup var store: StoreOptions
        @Flag(help: "JSON: an array of {id, name, role, scope, staff, login}.") var json = false
        func run() throws { try reportingFailures { say(try store.end.operators(json: json)) } }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an operator, or change the one with this id (a street duty operator's command once any operator exists).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The operator's id, one word (jb01-worker).") var id: String
        @Option(help: "Their name.") var name: String
        @Option(help: "street_duty, community_dispatcher, social_work_station, grid_worker or viewer.") var role: String
        @Option(help: "street, a community's code (dispatcher, social work station, viewer) or a grid's code (grid worker).")
        var scope: String = "street"
        @Option(help: "Their staff record, when they also hold a grid post.") var staff: String?
        @Option(help: "The Unix account that acts as them when a command names nobody.") var login: String?
        func run() throws {
            try reportingFailures {
                say(try store.end.addOperator(id: id, name: name, role: role, scope: scope, staff: staff, login: login))
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an operator (a street duty operator's command).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The operator's id.") var id: String
        func run() throws { try reportingFailures { say(try store.end.removeOperator(id: id)) } }
    }
}
