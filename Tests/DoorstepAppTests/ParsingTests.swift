import DoorstepApp
import Foundation
import Testing

@Suite("Times from flags")
struct ParsingTests {
    var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .current
        return calendar
    }
    /// 2026-12-01 09:30 in Shanghai.
    let now = Date(timeIntervalSince1970: 1_796_088_600)

    @Test("a local time today, a local date and time, or ISO 8601 with its zone; anything else is refused naming the flag")
    func localTimes() throws {
        #expect(try parseLocalTime("14:00", flag: "--from", now: now, calendar: calendar) == now.addingTimeInterval(4.5 * 3_600))
        #expect(try parseLocalTime("08:15:30", flag: "--from", now: now, calendar: calendar) == now.addingTimeInterval(-(75 * 60 - 30)))
        #expect(try parseLocalTime("2026-11-30 23:00", flag: "--from", now: now, calendar: calendar) == now.addingTimeInterval(-10.5 * 3_600))
        #expect(try parseLocalTime("2026-11-30T23:00:00", flag: "--from", now: now, calendar: calendar) == now.addingTimeInterval(-10.5 * 3_600))
        #expect(try parseLocalTime("2026-12-01T01:30:00Z", flag: "--from", now: now, calendar: calendar) == now)
        #expect(try parseLocalTime("2026-12-01T09:30:00+08:00", flag: "--from", now: now, calendar: calendar) == now)
        for bad in ["", "teatime", "25:00", "10:61", "2026-02-30 10:00", "2026-13-01 10:00", "10", "1:2:3:4"] {
            #expect(throws: Failure.self, "\(bad)") { try parseLocalTime(bad, flag: "--from", now: now, calendar: calendar) }
        }
        #expect(localStamp(now, calendar: calendar) == "2026-12-01 09:30:00")
    }
}
