// libFuzzer harness (scripts/fuzz.sh): times as an operator types them (LocalTimeText.swift).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLocalTime(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: size % 2 == 0 ? "Asia/Shanghai" : "America/New_York") ?? .gmt
    if let (date, _) = LocalTimeText.parse(text, on: Date(timeIntervalSince1970: 1_796_000_000), calendar: calendar) {
        precondition(date.timeIntervalSince1970.isFinite)
    }
    return 0
}
