/// Exit statuses, one place (scripts depend on them).
public enum ExitStatus {
    /// The action was refused by the rules (illegal transition, another operator won the race).
    public static let refused: Int32 = 1
    /// The terminal cannot show the wall.
    public static let terminal: Int32 = 2
    /// A grid, staff member, ticket, household or call that does not exist.
    public static let notFound: Int32 = 3
    /// Bad flags or arguments.
    public static let usage: Int32 = 64
    /// A bad data file (named with its line).
    public static let dataError: Int32 = 65
    /// No database at the path.
    public static let noDatabase: Int32 = 66
    /// The database could not be used.
    public static let unavailable: Int32 = 69
    /// The operator acting may not do this (their role, or outside their scope); nothing was written.
    public static let forbidden: Int32 = 77
}
