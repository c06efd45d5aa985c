import Foundation
import Testing
@testable import DoorstepDomain

@Suite("The local minute, remembered for a minute")
struct LocalMinuteTests {
    /// What the calendar says, asked afresh.
    static func asked(_ now: Date, _ calendar: Calendar) -> (Int, Date) {
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        return ((parts.hour ?? 0) * 60 + (parts.minute ?? 0), calendar.startOfDay(for: now))
    }

    @Test("second by second across midnight, a month's and a year's end and both daylight-saving changes, it says what the calendar says",
          arguments: ["Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "UTC"])
    func agreesWithTheCalendar(zone: String) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: zone))
        // (seconds since 1970, UTC): 2026-12-31 23:58, 2026-03-08 06:58 and 2026-11-01 05:58
        // (New York's changes), 2026-03-29 00:58 and 2026-10-25 00:58 (London's), 2026-04-04 14:58
        // and 2026-10-03 15:28 (Lord Howe's half-hour changes)
        let starts: [TimeInterval] = [1_798_761_480, 1_772_953_080, 1_793_512_680, 1_774_745_880, 1_792_889_880, 1_775_314_680, 1_791_041_280]
        for start in starts {
            var remembered = LocalMinute()
            for second in stride(from: 0.0, through: 300, by: 0.5) {
                let now = Date(timeIntervalSince1970: start + second)
                let (minute, day) = remembered.at(now, calendar: calendar)
                let (askedMinute, askedDay) = Self.asked(now, calendar)
                #expect(minute == askedMinute && day == askedDay, "\(zone) at \(now)")
            }
        }
    }

    @Test("a clock set back is asked afresh, not answered from the minute remembered")
    func clockSetBack() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        var remembered = LocalMinute()
        let later = Date(timeIntervalSince1970: 1_798_761_590)  // 2027-01-01 07:59:50 local
        _ = remembered.at(later, calendar: calendar)
        let earlier = later.addingTimeInterval(-3_600 * 9)  // the day before
        let (minute, day) = remembered.at(earlier, calendar: calendar)
        #expect(minute == Self.asked(earlier, calendar).0)
        #expect(day == Self.asked(earlier, calendar).1)
        #expect(day != calendar.startOfDay(for: later))
    }
}
