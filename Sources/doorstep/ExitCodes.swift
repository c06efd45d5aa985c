/// Exit statuses, one place (scripts depend on them).
enum ExitStatus {
    /// The action was refused by the rules (illegal transition, another operator won the race).
    static let refused: Int32 = 1
    /// The terminal cannot show the wall.
    static let terminal: Int32 = 2
    /// A grid, staff member, ticket, household or call that does not exist.
    static let notFound: Int32 = 3
    /// Bad flags or arguments.
    static let usage: Int32 = 64
    /// A bad data file (named with its line).
    static let dataError: Int32 = 65
    /// No database at the path.
    static let noDatabase: Int32 = 66
    /// The database could not be used.
    static let unavailable: Int32 = 69
}
