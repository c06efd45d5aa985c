import GRDB

extension StatementArguments {
    /// Arguments from a list of text values.
    ///
    /// GRDB's initializer for a sequence of some `DatabaseValueConvertible` maps it with a key
    /// path in generic code, which the runtime builds again on every call; on a poll or a
    /// simulated change a second that was a measurable share of the demo's CPU. This goes
    /// through the existential initializer, a plain closure.
    static func texts(_ values: [String]) -> StatementArguments {
        StatementArguments(values.map { $0 as (any DatabaseValueConvertible)? })
    }
}
