import DoorstepCanvas

/// The report as Markdown: headings, tables and the series as a sparkline, for a chat
/// message or a wiki page.
enum MarkdownReport {
    static func render(_ sheet: ReportSheet) -> String {
        var out: [String] = ["# " + escaped(sheet.title), ""]
        out.append(([sheet.soFar, sheet.madeAt].compactMap { $0 }).joined(separator: " · "))
        out.append("")
        out.append("## " + sheet.words.headline)
        out.append("")
        out += table(.init(headers: [sheet.words.figure, sheet.words.value], rows: sheet.headline.map { [$0.label, $0.value] }))
        out.append("")
        out.append("## " + sheet.seriesTitle)
        out.append("")
        let counts = sheet.series.map(\.orders)
        out.append("`" + Sparkline.text(counts, glyphs: .narrow) + "` " + (counts.max().map { "max \($0)" } ?? ""))
        out.append("")
        out += table(.init(headers: [sheet.bucketName, sheet.words.ordered], rows: sheet.series.map { [$0.label, String($0.orders)] }))
        out.append("")
        out.append("## " + sheet.words.byCommunity)
        out.append("")
        out += table(sheet.communities)
        out.append("")
        out.append("## " + sheet.words.byCategory)
        out.append("")
        out += sheet.categories.rows.isEmpty ? [sheet.words.none] : table(sheet.categories)
        out.append("")
        out.append("## " + sheet.words.risingTitle)
        out.append("")
        if let note = sheet.risingNote { out.append(note) }
        out += sheet.rising.map { "- " + escaped($0) }
        out.append("")
        out.append("_" + escaped(sheet.rule) + "_")
        for list in sheet.lists {
            out.append("")
            out.append("## " + list.title)
            out.append("")
            out += list.table.rows.isEmpty ? [sheet.words.none] : table(list.table)
            if list.more > 0 { out += ["", sheet.words.more(list.more)] }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func table(_ table: ReportSheet.Table) -> [String] {
        let header = "| " + table.headers.map(escaped).joined(separator: " | ") + " |"
        let rule = "|" + table.headers.map { _ in " --- |" }.joined()
        return [header, rule] + table.rows.map { "| " + $0.map(escaped).joined(separator: " | ") + " |" }
    }

    /// Text that cannot break a table or start markup: pipes, backslashes, the characters that
    /// open emphasis, code, links or HTML are escaped; line breaks are already gone.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\|*_`[]<>#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
