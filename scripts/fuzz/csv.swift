// libFuzzer harness (scripts/fuzz.sh): a spreadsheet's CSV export, in UTF-8 with or without a
// BOM, or GB18030/GBK converted first (CSVTable.swift, GB18030.swift, SeedError.swift and
// SwiftCSV's sources).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    if let table = try? CSVTable(file: "fuzz.csv", data: bytes, columns: ["id", "name"]) {
        for record in table.records { _ = record.optional("name"); _ = try? record.integer("id") }
    }
    if let text = GB18030.decode(bytes) {
        _ = try? CSVTable(file: "fuzz.csv", text: text, columns: ["id"])
    }
    return 0
}
