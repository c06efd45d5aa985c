import Foundation

extension Calendar {
    /// The local calendar the wall uses for duty hours and "today".
    public static var local: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        return calendar
    }
}
