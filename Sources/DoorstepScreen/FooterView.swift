import DoorstepCanvas

/// One row: the keys that work now, and the latest notice on the right.
enum FooterView {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        canvas.fill(rect, style: Style(.footer))
        let key = Style(.key, bold: true)
        let text = Style(.footer)
        // on a narrow screen drop hints from the middle, never "? help" and "q quit"
        var shown = hints(state)
        let noticeText = noticeText(state)
        let noticeWidth = noticeText.map { DisplayWidth.of($0) + 4 } ?? 0
        func width(_ list: [(String, String)]) -> Int { list.reduce(1) { $0 + DisplayWidth.of($1.0) + DisplayWidth.of($1.1) + 3 } }
        while width(shown) + noticeWidth > rect.width, shown.count > 3 { shown.remove(at: shown.count - 3) }
        var runs: [(String, Style)] = [(" ", text)]
        for (k, what) in shown { runs += [(k, key), (" \(what)  ", text)] }
        let end = canvas.write(runs: runs, x: rect.x, y: rect.y, clip: rect)
        if let notice = state.notice, let noticeText {
            let message = " " + noticeText + " "
            let x = max(end + 2, rect.maxX - DisplayWidth.of(message))
            canvas.write(message, x: x, y: rect.y, clip: rect, style: notice.isProblem ? Style(.alarm, inverse: true, bold: true) : Style(.ok, inverse: true))
        }
    }

    /// Everything the footer shows: equal inputs, an equal row (the wall keeps the row it drew).
    struct Inputs: Equatable {
        let hints: [String]
        let notice: String?
        let isProblem: Bool

        init(_ state: WallState) {
            hints = FooterView.hints(state).flatMap { [$0.0, $0.1] }
            notice = FooterView.noticeText(state)
            isProblem = state.notice?.isProblem ?? false
        }
    }

    /// The latest notice in words, if any.
    static func noticeText(_ state: WallState) -> String? {
        state.notice.map { $0.message.text(state.strings, overview: state.overview, timeZone: state.timeZone) }
    }

    /// The keys that work in the current context, in words.
    static func hints(_ state: WallState) -> [(String, String)] {
        let s = state.strings
        let open = state.language == .zh ? "打开" : "open"
        if let page = state.page {
            // each page's own keys: the generic list (Tab, ↑↓, Enter, c / C) is the grid page's
            let zh = state.language == .zh
            let back = ("Esc", zh ? "返回" : "back"), reveal = ("r", zh ? "显示居民信息" : "reveal")
            var keys: [(String, String)]
            switch page {
            case .grid:
                keys = state.language.detailStrings.pageKeys.map { ($0.key, $0.what) }
                // the call keys first: a narrow footer drops hints from the middle
                if let call = keys.firstIndex(where: { $0.0 == "c / C" }) { keys.insert(keys.remove(at: call), at: 0) }
                keys.insert(("m", zh ? "活地图" : "live map"), at: 1)
                keys.insert(("u", zh ? "所在社区" : "community"), at: 2)
            case .community: keys = [("↑↓", zh ? "网格" : "grid"), ("Enter", open), back]
            case .partyNetwork: keys = [back]
            case .joint: keys = [("↑↓", zh ? "工单" : "ticket"), ("Enter", open), ("i", state.language.jointStrings.key), back]
            case .alarms: keys = [("↑↓", zh ? "告警" : "alarm"), ("a", zh ? "认领" : "take"), ("Enter", zh ? "打开网格" : "open grid"), back]
            case .calls: keys = [("↑↓", zh ? "呼叫" : "call"), ("Enter", zh ? "打开网格" : "open grid"), back]
            case .trends: keys = [("↑↓", zh ? "翻看" : "scroll"), back]
            case .handover:
                // (while a handover is written, the form's own line says its keys)
                guard state.handoverForm == nil else { return [("←→", zh ? "接班人" : "who"), ("Enter", zh ? "记录" : "record"), ("Esc", zh ? "放弃" : "drop")] }
                keys = [("Enter", zh ? "记录交接" : "hand over"), back]
            case .map: keys = [("←→", zh ? "住户" : "household"), ("↑↓", zh ? "楼栋" : "building"), ("Enter", open), back]
            case .ticket: keys = [reveal, ("i", state.language.jointStrings.key), back]
            case .household: keys = [reveal, back]
            }
            return keys + [("q", s.keyQuit)]
        }
        var keys: [(String, String)] = [("←↓↑→ hjkl", s.keyMove), ("Tab", s.keyPanes)]
        let zh = state.language == .zh
        if state.replay != nil {
            // 回放: its own keys, then looking around (nothing is written)
            if state.replay?.entry != nil { return [("HH:MM", s.replay.jumpTo), ("Enter", "OK"), ("Esc", s.keyBack)] }
            return s.replay.keys + keys + [("Enter", open), ("?", s.keyHelp), ("q", s.keyQuit)]
        }
        if state.desk.readOnly {
            // a lobby screen: looking only
            switch state.focus {
            case .grids, .tickets, .events: keys.append(("Enter", open))
            case .staff: break
            }
            return keys + [("?", s.keyHelp), ("q", s.keyQuit)]
        }
        if state.desk.worker != nil, state.focus == .tickets {
            // a grid's desk: its own tickets to take and finish, and its calls to answer
            return keys + [("a", zh ? "接单" : "accept"), ("v", zh ? "办结" : "resolve"), ("y / n", zh ? "接听 / 拒接" : "answer / decline"),
                           ("Enter", open), ("e", s.keyEscalate), ("?", s.keyHelp), ("q", s.keyQuit)]
        }
        switch state.focus {
        case .grids where state.atStreetLevel:
            keys += [("Enter", s.keyEnterStreet), ("/", state.language == .zh ? "筛选网格" : "find grid"),
                     ("1-9", state.language == .zh ? "区" : "district")]
        case .grids:
            if state.streetScope != nil { keys.append(("Esc", s.allStreets)) }
            if state.newAlarmCount > 0 { keys.append(("a / A", zh ? "认领告警 / 全部" : "take alarm / all")) }
            keys += [("Enter", open), ("/", state.language == .zh ? "筛选" : "filter"), ("1-9", state.language == .zh ? "社区" : "community"),
                     ("C", s.keyCallGrid)]
        case .staff:
            keys += [("c", s.keyCall), ("C", s.keyCallGrid), ("Esc", s.keyBack)]
        case .tickets:
            keys += [("Enter", open), ("d", s.keyDispatch), ("s", zh ? "按建议派单" : "send as suggested"), ("i", state.language.jointStrings.key), ("e", s.keyEscalate),
                     ("x", s.keyCancelTicket), ("Esc", s.keyBack)]
        case .events:
            keys += [("Enter", open), ("Esc", s.keyBack)]
        }
        return keys + [("?", s.keyHelp), ("q", s.keyQuit)]
    }
}
