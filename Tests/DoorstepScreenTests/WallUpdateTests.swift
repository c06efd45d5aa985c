import DoorstepCanvas
import DoorstepDomain
import Foundation
import Testing

@testable import DoorstepScreen

@Suite("Wall key handling")
struct WallUpdateTests {
    func code(_ state: WallState) -> String? { state.selectedSummary?.grid.code }

    @Test("left and right (and h, l) step through grids and stop at the ends")
    func horizontal() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        #expect(code(state) == "JB01")
        state.update(.key(.left))
        #expect(code(state) == "JB01")
        state.update(.key(.right))
        state.update(.key(.character("l")))
        #expect(code(state) == "JB03")
        state.update(.key(.character("h")))
        #expect(code(state) == "JB02")
        state.update(.key(.end))
        #expect(code(state) == "YT07")
        state.update(.key(.right))
        #expect(code(state) == "YT07")
    }

    @Test("up and down (and k, j) move to the nearest tile in the row above or below")
    func vertical() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.right))
        state.update(.key(.right))  // JB03, third column
        state.update(.key(.down))
        #expect(code(state) == "JB09")  // second row of 江滨 has three tiles
        state.update(.key(.character("j")))
        #expect(code(state) == "BG03")
        state.update(.key(.character("k")))
        state.update(.key(.up))
        #expect(code(state) == "JB03")
        state.update(.key(.up))
        #expect(code(state) == "JB03")
    }

    @Test("digits jump to a community's first grid")
    func communityJump() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.character("3")))
        #expect(code(state) == "XH01")
        state.update(.key(.character("9")))  // no ninth community: nothing moves
        #expect(code(state) == "XH01")
    }

    @Test("q quits; other keys do not")
    func quit() throws {
        var state = try Fixtures.demoState(Size(width: 80, height: 24))
        #expect(state.update(.key(.character("x"))) == nil)
        #expect(state.update(.key(.escape)) == nil)
        #expect(state.update(.key(.character("q"))) == .quit)
    }

    @Test("at 80×24 the pane scrolls to keep the selection in view")
    func scrolling() throws {
        var state = try Fixtures.demoState(Size(width: 80, height: 24), language: .en)
        state.update(.key(.end))
        let canvas = WallView.render(state)
        #expect(canvas.text.contains("云台七网格"))
        #expect(!canvas.text.contains("江滨一网格"))
        state.update(.key(.home))
        #expect(WallView.render(state).text.contains("江滨一网格"))
    }

    @Test("a resize keeps the selection and changes the layout")
    func resize() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.character("5")))
        state.update(.resize(Size(width: 80, height: 24)))
        #expect(code(state) == "WT01")
        #expect(WallView.render(state).size == Size(width: 80, height: 24))
    }

    @Test("fresh data keeps the selected grid by code; a tick moves only the clock")
    func freshData() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.character("2")))
        let later = Fixtures.now.addingTimeInterval(3600)
        state.update(.tick(later))
        #expect(state.now == later)
        #expect(state.overview.asOf == Fixtures.now)
        var overview = state.overview
        overview.grids.remove(at: 0)
        state.update(.overview(overview))
        #expect(code(state) == "BG01")
    }

    @Test("language follows LC_ALL, then LC_MESSAGES, then LANG")
    func language() {
        #expect(Language.fromEnvironment(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LC_ALL": "", "LANG": "zh_TW.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment([:]) == .en)
    }

    @Test("store failures read in the screen's language and keep their cause")
    func storeFailures() {
        let zh = UIStrings.chinese, en = UIStrings.english
        #expect(zh.storeUnavailable("database is locked") == "数据库暂不可用,未保存:database is locked")
        #expect(en.storeUnavailable("database is locked") == "database unavailable, nothing saved: database is locked")
        #expect(zh.notFound("T00073").hasPrefix("找不到 T00073"))
        #expect(zh.actionFailed("x").hasPrefix("操作未完成") && en.storeUnreadable("x").hasSuffix(": x"))
    }

    @Test("masks for personal information")
    func masks() {
        #expect(Formatting.maskPhone("13812345678") == "138****5678")
        #expect(Formatting.maskName("张三明") == "张*明")
        #expect(Formatting.maskName("张三") == "张*")
        #expect(Formatting.span(-3725) == "1:02:05")
        #expect(Formatting.countdown(-3725) == "1:02")     // beyond ten minutes: to the minute
        #expect(Formatting.countdown(599) == "0:09:59")    // within ten minutes: to the second
        // a time shortened to fit: without the weekday, then without the year and seconds
        let utc = TimeZone(identifier: "UTC") ?? .current
        let instant = Date(timeIntervalSince1970: 1_795_910_400 + 8 * 3_600 + 34 * 60 + 12)  // 2026-11-29 08:34:12 UTC, a Sunday
        let weekdays = ["日", "一", "二", "三", "四", "五", "六"]
        #expect(Formatting.stamp(instant, timeZone: utc, weekdays: weekdays, width: 30) == "2026-11-29 日 08:34:12")
        #expect(Formatting.stamp(instant, timeZone: utc, weekdays: weekdays, width: 20) == "2026-11-29 08:34:12")
        #expect(Formatting.stamp(instant, timeZone: utc, weekdays: weekdays, width: 12) == "11-29 08:34")
        // satisfaction to one decimal, as "%.1f" writes it away from exact halves
        for (value, text) in [(4.0, "4.0"), (3.96, "4.0"), (4.64, "4.6"), (4.66, "4.7"), (0.04, "0.0"), (-0.26, "-0.3"), (12.349, "12.3")] {
            #expect(Formatting.oneDecimal(value) == text, "\(value)")
            #expect(String(format: "%.1f", value) == text, "\(value)")
        }
    }
}

@Suite("Wall staleness")
struct WallStalenessTests {
    @Test("a stale engine shows since when, and the warning goes when data flows again")
    func stale() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60), language: .en)
        state.update(.stale(Fixtures.now.addingTimeInterval(-125)))
        let stale = WallView.render(state)
        #expect(stale.text.contains("DATA STALE since 09:57:55"))
        // the tiles stop claiming to be current: no status marks, "?" instead
        try assertSnapshot(stale.text, named: "stale-200x60-en")
        #expect(stale.text.contains(" ? 江滨三网格") && !stale.text.contains("■ 江滨三网格"))
        state.update(.stale(nil))
        let fresh = WallView.render(state).text
        #expect(!fresh.contains("STALE") && fresh.contains("■ 江滨三网格"))
    }

    @Test("the store's fault is named beside the warning, in each language, at 200 and 80 columns; it goes with the staleness", arguments: StorageFault.allCases)
    func fault(_ fault: StorageFault) throws {
        for (language, size) in [(Language.en, Size(width: 200, height: 60)), (.zh, Size(width: 200, height: 60)), (.zh, Size(width: 80, height: 24))] {
            var state = try Fixtures.demoState(size, language: language)
            state.update(.stale(Fixtures.now.addingTimeInterval(-125), fault))
            let rows = WallView.render(state).text.split(separator: "\n", omittingEmptySubsequences: false)
            let words = state.strings.staleSince("09:57:55") + " · " + state.strings.storageFault(fault)
            #expect(rows[1].contains(words), "\(language) \(size): \(rows[1])")
            #expect(rows.allSatisfy { DisplayWidth.of(String($0)) <= size.width })
            state.update(.stale(nil, fault))
            #expect(state.staleFault == nil && !WallView.render(state).text.contains(state.strings.storageFault(fault)))
        }
    }
}

@Suite("Wall language switch")
struct WallLanguageTests {
    @Test("L switches the screen's words between Chinese and English; data stays as entered")
    func switchLanguage() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        #expect(WallView.render(state).text.contains("全部网格"))
        state.update(.key(.character("L")))
        let english = WallView.render(state).text
        #expect(english.contains("All grids"))
        #expect(english.contains("江滨一网格"))
        state.update(.key(.enter))
        state.update(.key(.character("L")))
        #expect(WallView.render(state).text.contains("网格力量 1+1+2+N"))
    }
}

@Suite("Wall filter")
struct WallFilterTests {
    @Test("/ filters the tiles by name, code or pinyin initials as it is typed")
    func filter() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.character("/")))
        for c in "bg" { state.update(.key(.character(c))) }
        #expect(state.selectedSummary?.grid.code == "BG01")  // the selection follows into the matches
        #expect(state.update(.key(.character("q"))) == nil)  // q is text here, not quit
        #expect(state.visibleGrids?.map { state.overview.grids[$0].grid.code } == ["BG07"])  // 北固七网格: bgqwg
        #expect(state.selectedSummary?.grid.code == "BG07")
        state.update(.key(.backspace))
        #expect(state.filter == "bg")
        let visible = try #require(state.visibleGrids)
        #expect(visible.count == 8)  // 北固社区's grids (initials bg…, codes BG…)
        state.update(.key(.enter))
        let screen = WallView.render(state)
        try assertSnapshot(screen.text, named: "filter-bg-200x60-zh")
        #expect(screen.text.contains("全部网格 · 8/64 · /bg"))
        #expect(!screen.text.contains("江滨一网格"))
        state.update(.key(.home))
        #expect(state.selectedSummary?.grid.code == "BG01")
        state.update(.key(.end))
        #expect(state.selectedSummary?.grid.code == "BG08")
        state.update(.key(.right))
        #expect(state.selectedSummary?.grid.code == "BG08")  // filtered-out grids are not reached
        state.update(.key(.escape))
        #expect(state.visibleGrids == nil)
        #expect(WallView.render(state).text.contains("江滨一网格"))
    }

    @Test("initials narrow to one grid; nothing matching says so")
    func initials() throws {
        var state = try Fixtures.demoState(Size(width: 200, height: 60))
        state.update(.key(.character("/")))
        for c in "ysswg" { state.update(.key(.character(c))) }  // 银山三网格 and 银山四网格 are both y-s-s-w-g
        #expect(state.visibleGrids?.map { state.overview.grids[$0].grid.code }.sorted() == ["YS03", "YS04"])
        for c in "zzz" { state.update(.key(.character(c))) }
        #expect(state.visibleGrids?.isEmpty == true)
        #expect(WallView.render(state).text.contains("没有与“ysswgzzz”相符的网格"))
    }
}
