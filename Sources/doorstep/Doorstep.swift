import ArgumentParser

@main
struct Doorstep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doorstep",
        abstract: "家门口 Doorstep: a terminal command centre for grid-based community governance.",
        discussion: """
            Run `doorstep demo` to see the wall screen on the embedded demo street. Every command that             uses a database takes --db PATH (default: $DOORSTEP_DB, then $XDG_DATA_HOME/doorstep/doorstep.sqlite).
            """,
        subcommands: [
            Demo.self, Wall.self, Snapshot.self, Init.self, Import.self, Simulate.self,
            // resident end
            Order.self, Rate.self,
            // community end
            Dispatch.self, Escalate.self, Cancel.self,
            // grid end
            Accept.self, Resolve.self, VisitCommand.self, DutyCommand.self, Ack.self,
            // command centre
            CallCommand.self, Calls.self, Grids.self, StaffList.self, Tickets.self, Bench.self,
        ]
    )
}
