import DoorstepCanvas
import DoorstepDomain
import DoorstepSeeds
import Foundation
import Testing
@testable import DoorstepScreen

@Suite("民情气象站 on the wall")
struct TrendsScreenTests {
    /// The demo street with eight weeks of orders behind it: mediation in 江滨三网格 rises this
    /// week (9 where it is usually 2); care is steady at 3 a week in 北固一网格.
    static func state(_ size: Size, _ language: Language) throws -> WallState {
        var state = try Fixtures.demoState(size, language: language)
        let now = Fixtures.now
        func orders(_ count: Int, _ category: String, _ grid: String, daysAgo: Double, rating: Int? = nil) -> [OrderFacts] {
            (0..<count).map { i in
                let at = now.addingTimeInterval(-daysAgo * 86_400 + Double(i) * 60)
                return OrderFacts(gridCode: grid, categoryCode: category, createdAt: at, dispatchedAt: at, acceptedAt: at.addingTimeInterval(1_200), rating: rating)
            }
        }
        var all = orders(9, "mediation", "JB03", daysAgo: 2, rating: 4)
        for week in 1...7 {
            all += orders(2, "mediation", "JB03", daysAgo: Double(week * 7) + 1, rating: 5)
            all += orders(3, "care", "BG01", daysAgo: Double(week * 7) + 3, rating: 5)
        }
        all += orders(3, "care", "BG01", daysAgo: 3, rating: 5)
        let communities = Dictionary(state.overview.grids.map { ($0.grid.code, $0.grid.communityCode) }, uniquingKeysWith: { a, _ in a })
        state.overview.trends = ConcernTrends(orders: all, communityOfGrid: communities, now: now, calendar: Fixtures.calendar)
        return state
    }

    @Test("the pane at 200×60 lists what is rising with its numbers, the busiest categories with their fortnight, and the tile is marked; both languages")
    func pane() throws {
        for language in Language.allCases {
            let state = try Self.state(Size(width: 200, height: 60), language)
            let canvas = WallView.render(state)
            let layout = try #require(WallLayout(size: state.size))
            let trends = try #require(layout.trends)
            let text = (trends.y..<trends.maxY).map { Fixtures.columns(canvas, row: $0, from: trends.x, width: trends.width) }.joined(separator: "\n")
            try assertSnapshot(text, named: "trends-pane-\(language.rawValue)")
            #expect(text.contains(language == .zh ? "本周 9,常态 2" : "9 this week, usual 2"))
            // the tile of 江滨三网格 carries the arrow; a grid with nothing rising does not
            let wall = canvas.text
            #expect(wall.contains("JB03 ↑"))
            #expect(!wall.contains("JB04 ↑"))
        }
    }

    @Test("w opens the page: the rising list and its rule, every category's days, every community's weeks, satisfaction and time to accept")
    func page() throws {
        for language in Language.allCases {
            var state = try Self.state(Size(width: 200, height: 60), language)
            _ = state.update(.key(.character("w")))
            #expect(state.page == .trends)
            let text = WallView.render(state).text
            try assertSnapshot(text, named: "trends-page-200x60-\(language.rawValue)")
            #expect(text.contains(language == .zh ? "常态 = 前 4 周的平均" : "usual = mean of the 4 weeks before"))
            _ = state.update(.key(.escape))
            #expect(state.page == nil)
        }
    }

    @Test("at 80×24 there is no pane (no room), and the page still opens with w, in the wide glyph set too")
    func small() throws {
        var state = try Self.state(Size(width: 80, height: 24), .zh)
        #expect(WallLayout(size: state.size)?.trends == nil)
        state.glyphs = .wide
        _ = state.update(.key(.character("w")))
        let canvas = WallView.render(state)
        try assertSnapshot(canvas.text, named: "trends-page-80x24-zh-wide")
        #expect(canvas.text.contains("本周 9"))
        #expect(!canvas.text.contains("▁"))  // block elements are ambiguous: ASCII heights in the wide set
        // the page is taller than 24 rows: End scrolls to its last section, Home back
        #expect(!canvas.text.contains("近8周满意度与接单用时"))
        _ = state.update(.key(.end))
        let end = WallView.render(state).text
        #expect(end.contains("近8周满意度与接单用时") && end.contains("5.0"))
        // its eight weeks fit: no row of satisfaction or time to accept is cut short
        let served = end.split(separator: "\n").filter { $0.contains("│满意度") || $0.contains("│接单 ") }
        #expect(served.count == 2 && served.allSatisfy { !$0.contains("~") && !$0.contains("…") }, "\(served)")
        #expect(!end.contains("?"), "no ambiguous character left as a question mark")
        _ = state.update(.key(.home))
        #expect(WallView.render(state).text == canvas.text)
    }
}
