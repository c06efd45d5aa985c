import DoorstepScreen
import Foundation
import Plot

/// The report as one self-contained HTML page — its styles inline, its charts inline SVG, no
/// script, nothing fetched — so a leader can open it from a chat attachment, offline, and
/// print it. Built with Plot, which escapes every piece of text it is given; no stored text
/// goes into an attribute (attributes carry only numbers and the page's own class names).
enum HTMLReport {
    typealias Body = Node<HTML.BodyContext>

    static func render(_ sheet: ReportSheet, language: DoorstepScreen.Language) -> String {
        let html = HTML(
            .attribute(named: "lang", value: language == .zh ? "zh-CN" : "en"),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                .title(sheet.title),
                .style(css)),
            .body(
                .header(
                    .h1(.text(sheet.title)),
                    .p(.class("meta"), .text(([sheet.soFar, sheet.madeAt].compactMap { $0 }).joined(separator: " · ")))),
                .section(
                    .h2(.text(sheet.words.headline)),
                    .div(.class("figures"), .forEach(sheet.headline) { item in
                        .div(.class("figure"), .span(.class("value"), .text(item.value)), .span(.class("label"), .text(item.label)))
                    })),
                .section(
                    .h2(.text(sheet.seriesTitle)),
                    columns(sheet.series)),
                .section(
                    .h2(.text(sheet.words.byCommunity)),
                    bars(sheet.communityOrders),
                    table(sheet.communities, totalRow: true)),
                .section(
                    .h2(.text(sheet.words.byCategory)),
                    sheet.categories.rows.isEmpty
                        ? .p(.text(sheet.words.none))
                        : .group(bars(sheet.categoryOrders), table(sheet.categories))),
                .section(
                    .h2(.text(sheet.words.risingTitle)),
                    sheet.risingNote.map { .p(.class("note"), .text($0)) } ?? .empty,
                    sheet.rising.isEmpty ? .empty : .ul(.forEach(sheet.rising) { .li(.class("rising"), .text("↑ " + $0)) }),
                    .p(.class("rule"), .text(sheet.rule))),
                .forEach(sheet.lists) { list in
                    .section(
                        .h2(.text(list.title)),
                        list.table.rows.isEmpty ? .p(.text(sheet.words.none)) : table(list.table),
                        list.more > 0 ? .p(.class("note"), .text(sheet.words.more(list.more))) : .empty)
                }))
        return html.render(indentedBy: .spaces(1)) + "\n"
    }

    static func table(_ table: ReportSheet.Table, totalRow: Bool = false) -> Body {
        .table(
            .thead(.tr(.forEach(table.headers.enumerated()) { column, header in
                table.numeric.contains(column) ? .th(.class("number"), .text(header)) : .th(.text(header))
            })),
            .tbody(.forEach(table.rows.enumerated()) { index, row in
                .tr(
                    totalRow && index == table.rows.count - 1 ? .class("total") : .empty,
                    .forEach(row.enumerated()) { column, cell in table.numeric.contains(column) ? .td(.class("number"), .text(cell)) : .td(.text(cell)) })
            }))
    }

    // MARK: Charts (inline SVG: sizes in the page's own numbers, text escaped as any other)

    /// A column a bucket, its count above it, its label below (every label when they fit,
    /// else every third).
    static func columns(_ values: [(label: String, orders: Int)]) -> Body {
        let width = 760.0
        let height = 200.0
        let top = 18.0
        let bottom = 34.0
        let largest = max(1, values.map(\.orders).max() ?? 1)
        let slot = width / Double(max(1, values.count))
        let every = values.count > 12 ? 3 : 1
        var nodes: [Body] = [
            .attribute(named: "viewBox", value: "0 0 \(Int(width)) \(Int(height))"),
            .attribute(named: "class", value: "chart"),
            .attribute(named: "role", value: "img"),
            line(x1: 0, y1: height - bottom, x2: width, y2: height - bottom, className: "axis"),
        ]
        for (index, value) in values.enumerated() {
            let barHeight = (height - top - bottom) * Double(value.orders) / Double(largest)
            let x = Double(index) * slot + slot * 0.15
            nodes.append(rect(x: x, y: height - bottom - barHeight, width: slot * 0.7, height: barHeight, className: "bar"))
            if value.orders > 0 {
                nodes.append(label(String(value.orders), x: x + slot * 0.35, y: height - bottom - barHeight - 4, className: "count"))
            }
            if index % every == 0 {
                nodes.append(label(value.label, x: x + slot * 0.35, y: height - bottom + 16, className: "tick"))
            }
        }
        return .element(named: "svg", nodes: nodes)
    }

    /// A bar a row, its name on the left and its count at its end.
    static func bars(_ values: [(label: String, orders: Int)]) -> Body {
        guard !values.isEmpty else { return .empty }
        let row = 22.0
        let width = 760.0
        let nameWidth = 150.0
        let largest = max(1, values.map(\.orders).max() ?? 1)
        let height = row * Double(values.count) + 6
        var nodes: [Body] = [
            .attribute(named: "viewBox", value: "0 0 \(Int(width)) \(Int(height))"),
            .attribute(named: "class", value: "chart"),
            .attribute(named: "role", value: "img"),
        ]
        for (index, value) in values.enumerated() {
            let y = Double(index) * row + 3
            let length = (width - nameWidth - 60) * Double(value.orders) / Double(largest)
            nodes.append(label(value.label, x: nameWidth - 8, y: y + row * 0.68, className: "name"))
            nodes.append(rect(x: nameWidth, y: y + 3, width: length, height: row - 8, className: "bar"))
            nodes.append(label(String(value.orders), x: nameWidth + length + 6, y: y + row * 0.68, className: "end"))
        }
        return .element(named: "svg", nodes: nodes)
    }

    private static func rect(x: Double, y: Double, width: Double, height: Double, className: String) -> Body {
        .element(named: "rect", nodes: [
            .attribute(named: "x", value: number(x)), .attribute(named: "y", value: number(y)),
            .attribute(named: "width", value: number(width)), .attribute(named: "height", value: number(height)),
            .attribute(named: "class", value: className),
        ])
    }

    private static func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) -> Body {
        .element(named: "line", nodes: [
            .attribute(named: "x1", value: number(x1)), .attribute(named: "y1", value: number(y1)),
            .attribute(named: "x2", value: number(x2)), .attribute(named: "y2", value: number(y2)),
            .attribute(named: "class", value: className),
        ])
    }

    private static func label(_ text: String, x: Double, y: Double, className: String) -> Body {
        .element(named: "text", nodes: [
            .attribute(named: "x", value: number(x)), .attribute(named: "y", value: number(y)),
            .attribute(named: "class", value: className), .text(text),
        ])
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", max(0, value)) }

    static let css = """
        body { font-family: -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
               color: #1f2328; background: #fff; max-width: 820px; margin: 24px auto; padding: 0 16px; line-height: 1.5; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 17px; border-left: 4px solid #c62828; padding-left: 8px; margin: 28px 0 10px; }
        .meta, .note, .rule { color: #57606a; font-size: 13px; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 8px; }
        .figure { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 10px; }
        .figure .value { display: block; font-size: 22px; font-weight: 600; }
        .figure .label { color: #57606a; font-size: 12px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 8px; }
        th, td { border-bottom: 1px solid #d0d7de; padding: 4px 6px; text-align: left; }
        th { background: #f6f8fa; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        tr.total td { font-weight: 600; border-top: 2px solid #8c959f; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg .bar { fill: #c62828; }
        svg .axis { stroke: #8c959f; stroke-width: 1; }
        svg text { font-size: 11px; fill: #1f2328; }
        svg .count, svg .tick { text-anchor: middle; }
        svg .name { text-anchor: end; }
        li.rising { color: #b3261e; font-weight: 600; }
        @media print { body { margin: 0; } h2 { break-after: avoid; } table, svg { break-inside: avoid; } }
        """
}
