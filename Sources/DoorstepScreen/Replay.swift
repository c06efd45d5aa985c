import DoorstepCanvas
import DoorstepDomain
import Foundation

/// 回放: how a wall that replays the event log stands — the header's banner reads it; the
/// replay's keys change it through the effects (the replay clock is the app's).
public struct ReplayStatus: Equatable, Sendable {
    public var paused: Bool
    public var speed: Double
    public var start: Date
    public var end: Date
    /// True once the replayed time has reached the end.
    public var atEnd: Bool
    /// The time being typed after `g` (nil while not typing one).
    public var entry: String?

    public init(paused: Bool, speed: Double, start: Date, end: Date, atEnd: Bool = false, entry: String? = nil) {
        self.paused = paused
        self.speed = speed
        self.start = start
        self.end = end
        self.atEnd = atEnd
        self.entry = entry
    }
}

/// What a replay key asks of the replay clock.
public enum ReplayCommand: Equatable, Sendable {
    case togglePause
    /// To the next event (forward) or the one before, and pause there.
    case step(forward: Bool)
    /// To an instant within the replayed period.
    case jump(Date)
    /// Twice as fast, or half.
    case speed(faster: Bool)
}

extension WallState {
    /// The replay's own keys: space, `[` `]`, `g` and a time, `+` `-`. Returns whether the key
    /// was the replay's, and what to do.
    mutating func handleReplayKey(_ key: Key) -> (taken: Bool, effect: WallEffect?) {
        guard var replay else { return (false, nil) }
        if let entry = replay.entry {
            switch key {
            case .escape:
                replay.entry = nil
            case .backspace, .delete:
                replay.entry = String(entry.dropLast())
            case .enter:
                replay.entry = nil
                self.replay = replay
                guard let instant = Self.replayInstant(entry, within: replay, timeZone: timeZone) else {
                    show(.replayBadTime(entry))
                    return (true, nil)
                }
                return (true, .replay(.jump(instant)))
            case .character(let c) where (c.isASCII && (c.isNumber || c == ":" || c == "-" || c == " ")) && entry.count < 19:
                replay.entry = entry + String(c)
            default:
                break
            }
            self.replay = replay
            return (true, nil)
        }
        switch key {
        case .character(" "): return (true, .replay(.togglePause))
        case .character("["): return (true, .replay(.step(forward: false)))
        case .character("]"): return (true, .replay(.step(forward: true)))
        case .character("+"), .character("="): return (true, .replay(.speed(faster: true)))
        case .character("-"): return (true, .replay(.speed(faster: false)))
        case .character("g"):
            replay.entry = ""
            self.replay = replay
            return (true, nil)
        default:
            // nothing is written while replaying: the keys that would write say so
            if Self.isAction(key) {
                show(.replayNothingWritten)
                return (true, nil)
            }
            return (false, nil)
        }
    }

    /// `HH:MM`, `HH:MM:SS` (on the replay's first day, or its next when that is earlier than the
    /// start) or `YYYY-MM-DD HH:MM[:SS]`, in the wall's time zone; nil when it is none of those
    /// or falls outside the replayed period.
    static func replayInstant(_ text: String, within replay: ReplayStatus, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard let parsed = LocalTimeText.parse(text, on: replay.start, calendar: calendar) else { return nil }
        var instant = parsed.date
        if !parsed.namedDay, instant < replay.start, let next = calendar.date(byAdding: .day, value: 1, to: instant) { instant = next }
        return instant >= replay.start && instant <= replay.end ? instant : nil
    }

    /// The header's banner: 回放 REPLAY, the speed or that it is paused or ended, or the time being typed.
    var replayBanner: String? {
        guard let replay else { return nil }
        let r = language.replayStrings
        if let entry = replay.entry { return " \(r.banner) · \(r.jumpTo) \(entry)_ " }
        let pace = replay.atEnd ? r.ended : (replay.paused ? r.paused : "×" + Formatting.wholeOrOneDecimal(replay.speed))
        return " \(r.banner) · \(pace) "
    }
}

/// The replay's words, one table per language.
struct ReplayStrings: Sendable {
    var banner: String
    var paused: String
    var ended: String
    var jumpTo: String
    var keys: [(String, String)]
    var nothingWritten: String
    var badTime: @Sendable (String) -> String

    static let chinese = ReplayStrings(
        banner: "回放 REPLAY", paused: "已暂停", ended: "已到结尾", jumpTo: "跳到",
        keys: [("空格", "暂停/继续"), ("[ ]", "上/下一条"), ("g", "跳到时间"), ("+ -", "快慢")],
        nothingWritten: "回放中:不写入任何内容", badTime: { "不是回放时段内的时间:\($0)(HH:MM 或 YYYY-MM-DD HH:MM)" })
    static let english = ReplayStrings(
        banner: "REPLAY", paused: "paused", ended: "at the end", jumpTo: "jump to",
        keys: [("space", "pause/run"), ("[ ]", "prev/next event"), ("g", "jump to time"), ("+ -", "speed")],
        nothingWritten: "replaying: nothing is written", badTime: { "not a time within the replay: \($0) (HH:MM or YYYY-MM-DD HH:MM)" })
}

extension Language {
    var replayStrings: ReplayStrings { self == .zh ? .chinese : .english }
}
