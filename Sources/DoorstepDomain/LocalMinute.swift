import Foundation

/// The local minute of day and the start of the local day for an instant, worked out by the
/// calendar once a minute and remembered: the engine asks every second, and the calendar's
/// answers cost a quarter of an idle poll (callgrind, the demo's engine thread).
///
/// Within one UTC minute the local minute cannot change in a zone whose offset is whole
/// minutes (every zone in use today; a daylight-saving change moves whole hours or half
/// hours, at a minute's start). In a zone with seconds in its offset nothing is remembered.
struct LocalMinute: Sendable {
    private var minuteStart: Date?
    private var minuteOfDay = 0
    private var startOfDay = Date.distantPast

    /// The minute of day (0…1439, local) and the start of the local day at `now`.
    mutating func at(_ now: Date, calendar: Calendar) -> (minuteOfDay: Int, startOfDay: Date) {
        if let start = minuteStart, now >= start, now.timeIntervalSince(start) < 60 { return (minuteOfDay, startOfDay) }
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        minuteOfDay = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        startOfDay = calendar.startOfDay(for: now)
        let wholeMinutes = calendar.timeZone.secondsFromGMT(for: now) % 60 == 0
        minuteStart = wholeMinutes ? Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60) : nil
        return (minuteOfDay, startOfDay)
    }
}
