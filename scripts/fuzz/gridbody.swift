// libFuzzer harness (scripts/fuzz.sh): the grid end's JSON bodies as a phone sends them
// (GridBody.swift alone: Foundation's JSONDecoder, then the typed reads).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGridBody(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let body = try? GridBody(json: bytes) else { return 0 }
    for key in Set(body.fields.keys).union(["staff", "note", "accept", "grid", "state"]) {
        // a field is taken only as the type JSON gave it, and a limit holds
        let text = try? body.text(key, limit: 500)
        if case .text(let sent)? = body.fields[key] {
            precondition(text == (sent.count <= 500 ? sent : nil))
        } else {
            precondition(text == nil)
        }
        let flag = try? body.flag(key)
        if case .flag(let sent)? = body.fields[key] { precondition(flag == sent) } else { precondition(flag == nil) }
    }
    return 0
}
