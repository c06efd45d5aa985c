import DoorstepCanvas
import DoorstepDomain
import Foundation

/// 民情气象站 on the wall: a pane (in the side column, where the wall is tall enough) with the
/// desk's orders of the last two weeks, what is rising and the busiest categories; and a page
/// (`w`) with every category's days, every community's weeks, satisfaction and time to accept,
/// the whole rising list and the rule behind it.
enum TrendsView {
    // MARK: The pane

    static func drawPane(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let t = state.language.trendsStrings
        let inner = canvas.pane(rect, title: t.paneTitle, focused: false)
        guard !inner.isEmpty else { return }
        guard let trends = state.overview.trends else {
            canvas.write(t.counting, x: inner.x, y: inner.y, clip: inner, style: Style(.muted))
            return
        }
        var y = inner.y
        canvas.write(runs: totalLine(state, trends), x: inner.x, y: y, clip: inner, ellipsis: state.glyphs[.ellipsis])
        y += 1
        let rising = risingOnDesk(state, trends)
        let risingRows = min(rising.count, max(1, (inner.maxY - y) - 2))
        if rising.isEmpty, y < inner.maxY {
            canvas.write(trends.historyWeeks > 0 ? t.nothingRising : t.tooLittleHistory, x: inner.x, y: y, clip: inner, style: Style(.muted))
            y += 1
        }
        for concern in rising.prefix(risingRows) where y < inner.maxY {
            canvas.write(runs: risingLine(state, concern), x: inner.x, y: y, clip: inner, ellipsis: state.glyphs[.ellipsis])
            y += 1
        }
        // the rest: the busiest categories this week, each with its fortnight
        let nameWidth = 10
        for (code, days) in busiest(trends).prefix(max(0, inner.maxY - y)) {
            let week = trends.weeklyByCategory[code] ?? []
            let runs: [(String, Style)] = [
                (Columns.pad(Columns.truncate(categoryName(state, code), to: nameWidth, ellipsis: state.glyphs[.ellipsis]), to: nameWidth) + " ", Style(.normal)),
                (Sparkline.text(days, glyphs: state.glyphs) + " ", Style(.key)),
                ("\(t.thisWeek) \(week.last ?? 0)  \(t.usual) \(usualText(trends, week))", Style(.muted)),
            ]
            canvas.write(runs: runs, x: inner.x, y: y, clip: inner, ellipsis: state.glyphs[.ellipsis])
            y += 1
        }
    }

    /// The desk's orders: the street's fortnight day by day (a community's or grid's desk: its
    /// eight weeks), this week against its usual level, satisfaction and time to accept.
    static func totalLine(_ state: WallState, _ trends: ConcernTrends) -> [(String, Style)] {
        let t = state.language.trendsStrings
        let (label, series, weeks): (String, [Int], [Int])
        switch state.shownScope {
        case .street: (label, series, weeks) = (t.street, trends.daily, trends.weekly)
        case .community(let code):
            let w = trends.weeklyByCommunity[code] ?? Array(repeating: 0, count: ConcernTrends.weeks)
            (label, series, weeks) = (state.overview.communities.first { $0.code == code }?.name ?? code, w, w)
        case .grid(let code):
            let w = trends.weeklyByGrid[code] ?? Array(repeating: 0, count: ConcernTrends.weeks)
            (label, series, weeks) = (state.overview.summary(ofGrid: code)?.grid.name ?? code, w, w)
        }
        var runs: [(String, Style)] = [
            (label + " ", Style(.normal, bold: true)), (Sparkline.text(series, glyphs: state.glyphs) + " ", Style(.key)),
            ("\(t.thisWeek) \(weeks.last ?? 0)  \(t.usual) \(usualText(trends, weeks))", Style(.normal)),
        ]
        if let score = trends.satisfaction.last ?? nil { runs.append(("  \(t.satisfaction) \(Formatting.oneDecimal(score))", Style(.muted))) }
        if let minutes = trends.acceptMinutes.last ?? nil { runs.append(("  \(t.accept) \(t.minutes(Int(minutes.rounded())))", Style(.muted))) }
        return runs
    }

    /// "↑ 物业纠纷 · 江滨三网格 JB03  本周 9,常态 2".
    static func risingLine(_ state: WallState, _ concern: RisingConcern) -> [(String, Style)] {
        let t = state.language.trendsStrings
        let what = concern.categoryCode.map { categoryName(state, $0) } ?? t.allCategories
        return [
            ("↑ ", Style(.attention, bold: true)), (what + " · " + placeName(state, concern.scope) + "  ", Style(.normal, bold: true)),
            (t.risingNumbers(concern.thisWeek, usual(concern.usual)), Style(.attention)),
        ]
    }

    /// The rising concerns the desk shows: the street's all; a community's or grid's, those in it.
    static func risingOnDesk(_ state: WallState, _ trends: ConcernTrends) -> [RisingConcern] {
        trends.rising.filter { concern in
            switch (state.shownScope, concern.scope) {
            case (.street, _): return true
            case (.community(let own), .community(let code)): return own == code
            case (.community, .grid(let code)), (.grid, .grid(let code)):
                guard let grid = state.overview.summary(ofGrid: code)?.grid else { return false }
                return state.onDesk(grid: grid.code, community: grid.communityCode)
            case (.community, .street), (.grid, .street), (.grid, .community): return false
            }
        }
    }

    /// Categories by this week's orders, busiest first, with their days.
    static func busiest(_ trends: ConcernTrends) -> [(String, [Int])] {
        trends.dailyByCategory.sorted { a, b in
            let (wa, wb) = (trends.weeklyByCategory[a.key]?.last ?? 0, trends.weeklyByCategory[b.key]?.last ?? 0)
            return wa != wb ? wa > wb : a.key < b.key
        }.map { ($0.key, $0.value) }
    }

    static func categoryName(_ state: WallState, _ code: String) -> String {
        state.overview.categories.first { $0.code == code }.map { state.strings.categoryName($0.nameZh, $0.nameEn) } ?? code
    }

    static func placeName(_ state: WallState, _ scope: RisingConcern.Scope) -> String {
        switch scope {
        case .street: return state.language.trendsStrings.street
        case .community(let code): return state.overview.communities.first { $0.code == code }?.name ?? code
        case .grid(let code): return (state.overview.summary(ofGrid: code)?.grid.name).map { "\($0) \(code)" } ?? code
        }
    }

    /// A series' usual level as the rule reckons it, or "—" while no week before this one is known.
    static func usualText(_ trends: ConcernTrends, _ weeks: [Int]) -> String {
        trends.usual(weeks).map(usual) ?? "—"
    }

    /// A usual level: whole when it is, else to one decimal.
    static func usual(_ value: Double) -> String { Formatting.wholeOrOneDecimal(value) }

    // MARK: The page

    static func drawPage(_ canvas: inout Canvas, _ state: WallState, in area: Rect) {
        let t = state.language.trendsStrings
        let asOf = state.overview.trends.map { Formatting.time($0.asOf, timeZone: state.timeZone) } ?? "—"
        let inner = canvas.box(area, title: t.pageTitle(asOf), style: Style(.title, bold: true))
        guard !inner.isEmpty else { return }
        let lines = pageLines(state, width: inner.width)
        // ↑↓ scroll a page taller than the screen (the cursor is its first line shown)
        let top = min(state.detailCursor, max(0, lines.count - inner.height))
        for (row, runs) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            canvas.write(runs: runs, x: inner.x, y: inner.y + row, clip: inner, ellipsis: state.glyphs[.ellipsis])
        }
        if top + inner.height < lines.count {
            canvas.write(canvas.glyphs[.moreBelow], x: inner.maxX - 1, y: inner.maxY - 1, clip: inner, style: Style(.muted))
        }
    }

    /// The page's lines, top to bottom (an empty one between sections).
    static func pageLines(_ state: WallState, width: Int) -> [[(String, Style)]] {
        let t = state.language.trendsStrings
        guard let trends = state.overview.trends else { return [[(t.counting, Style(.muted))]] }
        let ellipsis = state.glyphs[.ellipsis]
        var lines: [[(String, Style)]] = [totalLine(state, trends), []]
        // the rising list, then the rule
        let rising = risingOnDesk(state, trends)
        lines.append([(t.risingTitle(rising.count), Style(.title, bold: true))])
        if rising.isEmpty { lines.append([(trends.historyWeeks > 0 ? t.nothingRising : t.tooLittleHistory, Style(.muted))]) }
        lines += rising.map { risingLine(state, $0) }
        lines += [[(t.rule(trends.rule), Style(.muted))], []]
        // every category's fortnight
        lines.append([(t.daysTitle, Style(.title, bold: true))])
        let nameWidth = 14
        for (code, days) in busiest(trends) {
            let week = trends.weeklyByCategory[code] ?? []
            lines.append([
                (Columns.pad(Columns.truncate(categoryName(state, code), to: nameWidth, ellipsis: ellipsis), to: nameWidth) + " ", Style(.normal)),
                (Sparkline.text(days, glyphs: state.glyphs) + "  ", Style(.key)),
                (Columns.pad("\(t.thisWeek) \(week.last ?? 0)", to: 15) + " " + "\(t.usual) \(usualText(trends, week))", Style(.muted)),
            ])
        }
        lines.append([])
        // every community's eight weeks, and this week as a bar against the busiest
        lines.append([(t.weeksTitle, Style(.title, bold: true))])
        let largest = trends.weeklyByCommunity.values.compactMap(\.last).max() ?? 0
        for community in state.overview.communities where trends.weeklyByCommunity[community.code] != nil || state.shownScope == .street {
            let weeks = trends.weeklyByCommunity[community.code] ?? Array(repeating: 0, count: ConcernTrends.weeks)
            lines.append([
                (Columns.pad(Columns.truncate(community.name, to: nameWidth, ellipsis: ellipsis), to: nameWidth) + " ", Style(.normal)),
                (Sparkline.text(weeks, glyphs: state.glyphs) + "  ", Style(.key)),
                (Columns.pad("\(t.thisWeek) \(weeks.last ?? 0)", to: 15) + " ", Style(.normal)),
                (Columns.pad(Sparkline.bar(weeks.last ?? 0, of: largest, width: 20, glyphs: state.glyphs), to: 21), Style(.key)),
                ("\(t.usual) \(usualText(trends, weeks))", Style(.muted)),
            ])
        }
        lines.append([])
        // satisfaction and time to accept, week by week
        lines.append([(t.servedTitle, Style(.title, bold: true))])
        // (eight weeks' columns of 8 fill 80 columns; a narrower page narrows them, to 5 at least)
        let column = max(5, min(8, (width - nameWidth - 1) / max(1, t.weekLabels.count)))
        lines.append([(Columns.pad("", to: nameWidth + 1) + t.weekLabels.map { Columns.pad($0, to: column) }.joined(), Style(.muted))])
        lines.append([(Columns.pad(t.satisfaction, to: nameWidth + 1) + trends.satisfaction.map { Columns.pad($0.map(Formatting.oneDecimal) ?? "—", to: column) }.joined(), Style(.normal))])
        lines.append([(Columns.pad(t.accept, to: nameWidth + 1) + trends.acceptMinutes.map { Columns.pad($0.map { t.minutes(Int($0.rounded())) } ?? "—", to: column) }.joined(), Style(.normal))])
        return lines
    }

    /// Keys on the page: ↑↓, PgUp/PgDn, Home/End scroll it.
    static func handle(_ key: Key, _ state: inout WallState) -> WallEffect? {
        state.moveDetailCursor(key, count: pageLines(state, width: state.size.width).count)
        return nil
    }
}
