// libFuzzer harness (scripts/fuzz.sh): stored text through the sanitiser, the width table, the
// canvas and truncation, and theme files through their parser. Compiled with DoorstepCanvas's
// sources into one module.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCanvas(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let clean = Sanitizer.clean(text)
    for scalar in clean.unicodeScalars {
        let v = scalar.value
        // no control, escape or bidi override may survive the sanitiser
        precondition(!(v < 0x20 || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)),
                     "a control survived: U+\(String(v, radix: 16))")
    }
    let width = DisplayWidth.of(clean)
    precondition(width >= 0)
    let columns = Int(bytes.first ?? 7) % 40 + 1
    let cut = Columns.truncate(clean, to: columns)
    precondition(DisplayWidth.of(cut) <= columns, "truncated to \(columns) but \(DisplayWidth.of(cut)) wide")
    var canvas = Canvas(size: Size(width: columns, height: 2))
    canvas.write(text, x: Int(bytes.last ?? 0) % (columns + 4) - 2, y: 0, style: .normal)
    canvas.write(text, x: 0, y: 1, clip: Rect(x: 1, y: 1, width: max(0, columns - 2), height: 1), style: .normal)
    for row in 0..<2 { precondition(DisplayWidth.of(canvas.line(row)) <= columns, "a row wider than the canvas") }
    _ = try? Theme.parse(text, file: "fuzz.theme")
    return 0
}
