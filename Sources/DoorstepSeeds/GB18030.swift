import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Converts GB18030 (a superset of GBK and GB2312, what Chinese spreadsheets export by
/// default) to UTF-8 with the C library's iconv.
enum GB18030 {
    /// The text of `data` read as GB18030, or nil when it is not valid GB18030.
    static func decode(_ data: Data) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in
            for (i, byte) in raw.enumerated() { input[i] = CChar(bitPattern: byte) }
        }
        var output = [CChar](repeating: 0, count: data.count * 2 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(decoding: output.prefix(converted).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
