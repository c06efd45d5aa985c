import CSV
import DoorstepCanvas
import DoorstepDomain
import Foundation

/// The report's tallies as one CSV table for a spreadsheet: the total, each community, each
/// category and each hour or day, one row each, with the figures as plain numbers. It starts
/// with a UTF-8 byte-order mark, which is how Excel knows to read it as UTF-8 (without one it
/// shows Chinese as mojibake). The lists and the rising concerns are in the other formats.
enum CSVReport {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func render(_ report: StreetReport, sheet: ReportSheet) throws -> Data {
        let words = sheet.words
        let stream = OutputStream(toMemory: ())
        stream.open()
        defer { stream.close() }
        var mark = byteOrderMark
        guard stream.write(&mark, maxLength: mark.count) == mark.count else { throw CSVError.cannotWriteStream }
        // CRLF, as a spreadsheet writes it
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: [
            words.group, words.name, words.ordered, words.dispatched, words.accepted, words.resolved, words.rated, words.satisfaction,
            words.acceptMinutesColumn, words.escalated,
            words.cancelled,
        ])
        func row(_ group: String, _ name: String, _ tally: StreetReport.Tally) throws {
            try writer.write(row: [group, safe(name)] + [
                tally.ordered, tally.dispatched, tally.accepted, tally.resolved, tally.rated,
            ].map(String.init) + [
                tally.satisfaction.map { String(format: "%.2f", $0) } ?? "",
                tally.averageAcceptMinutes.map { String(format: "%.1f", $0) } ?? "",
                String(tally.escalated), String(tally.cancelled),
            ])
        }
        try row(words.headline, words.total, report.totals)
        for community in report.byCommunity { try row(words.community, community.name, community.tally) }
        for (category, named) in zip(report.byCategory, sheet.categoryOrders) { try row(words.category, named.label, category.tally) }
        for (bucket, tally) in zip(sheet.series, report.perBucket) { try row(sheet.bucketName, bucket.label, tally) }
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else { throw CSVError.cannotWriteStream }
        // (the writer puts breaks between rows; the last row ends with one too, as a spreadsheet writes it)
        return data + Data("\r\n".utf8)
    }

    /// Stored text as a cell that a spreadsheet shows as text: cleaned of control characters,
    /// and with a leading apostrophe where it would otherwise start a formula (= + - @).
    static func safe(_ text: String) -> String {
        let cleaned = Sanitizer.clean(text)
        guard let first = cleaned.first, "=+-@".contains(first) else { return cleaned }
        return "'" + cleaned
    }
}
