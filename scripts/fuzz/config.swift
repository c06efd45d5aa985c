// libFuzzer harness (scripts/fuzz.sh): the settings file (ConfigFile.swift, with stand-ins for
// the app's Failure and exit statuses).
import Foundation

struct Failure: Error {
    init(_ message: String, exitCode: Int32) { precondition(!message.isEmpty) }
}

enum ExitStatus { static let dataError: Int32 = 65 }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? ConfigFile.parse(Data(bytes: data, count: size), path: "fuzz.json")
    return 0
}
