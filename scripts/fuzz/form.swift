// libFuzzer harness (scripts/fuzz.sh): Open311's form bodies (FormBody.swift alone).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let fields = FormBody.fields(body) {
        // every field read back is one the body named
        precondition(fields.count <= body.split(separator: "&").count)
    }
    return 0
}
