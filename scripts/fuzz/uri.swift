// libFuzzer harness (scripts/fuzz.sh): a request's target as Hummingbird's URI parser reads
// it (its four files, which import nothing), then the query's fields and dates as the service
// reads them (QueryFields.swift).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzURI(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let uri = URI(text)
    _ = uri.path
    let fields = QueryFields.fields(of: uri)
    // no more fields than the query has parts (split by bytes: "&" followed by a combining
    // mark is one Character to Swift, but two parts to the parser, and to us)
    let parts = (uri.query ?? "").utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: false).count
    precondition(fields.count <= max(1, parts))
    for value in fields.values {
        if let date = QueryDate(value) { precondition(date.timeIntervalSince1970.isFinite) }
    }
    return 0
}

/// A field read as Open311's start_date or end_date.
private func QueryDate(_ text: String) -> Date? { QueryFields.date(text) }
