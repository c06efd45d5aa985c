import DoorstepCanvas
import DoorstepDomain
import Foundation

/// Everything the wall screen shows, and the operator's place in it. Changed only by
/// `update(_:)`; drawn only by `WallView.render(_:)`.
public struct WallState: Sendable {
    public var overview: Overview
    public var language: Language
    /// The wall clock shown in the header (ticks every second, independently of the data).
    public var now: Date
    public var timeZone: TimeZone
    public var size: Size
    /// Index of the highlighted tile in `overview.grids`.
    public var selectedGrid: Int
    /// Set while the engine cannot read the store: since when the data is old.
    public var staleSince: Date?

    public init(overview: Overview, language: Language, now: Date, timeZone: TimeZone, size: Size) {
        self.overview = overview
        self.language = language
        self.now = now
        self.timeZone = timeZone
        self.size = size
        self.selectedGrid = 0
        self.staleSince = nil
    }

    public var strings: UIStrings { language.strings }

    public var selectedSummary: Overview.GridSummary? {
        overview.grids.indices.contains(selectedGrid) ? overview.grids[selectedGrid] : nil
    }
}

/// What can happen to the wall: a key, a resize, a clock tick, fresh data.
public enum WallMessage: Sendable {
    case key(Key)
    case resize(Size)
    case tick(Date)
    case overview(Overview)
    /// The engine could not read the store since this time (nil: it can again).
    case stale(Date?)
}

/// What the wall asks its runner to do after an update.
public enum WallEffect: Equatable, Sendable {
    case quit
}

extension WallState {
    /// The one place the wall's state changes.
    @discardableResult
    public mutating func update(_ message: WallMessage) -> WallEffect? {
        switch message {
        case .resize(let size):
            self.size = size
        case .tick(let date):
            now = date
        case .overview(let fresh):
            let code = selectedSummary?.grid.code
            overview = fresh
            selectedGrid = fresh.grids.firstIndex { $0.grid.code == code } ?? min(selectedGrid, max(0, fresh.grids.count - 1))
        case .stale(let since):
            staleSince = since
        case .key(let key):
            return handle(key)
        }
        return nil
    }

    private mutating func handle(_ key: Key) -> WallEffect? {
        let count = overview.grids.count
        switch key {
        case .character("q"), .character("Q"):
            return .quit
        case .left, .character("h"):
            if selectedGrid > 0 { selectedGrid -= 1 }
        case .right, .character("l"):
            if selectedGrid + 1 < count { selectedGrid += 1 }
        case .up, .character("k"):
            selectedGrid = tileLayout()?.vertical(from: selectedGrid, step: -1) ?? selectedGrid
        case .down, .character("j"):
            selectedGrid = tileLayout()?.vertical(from: selectedGrid, step: 1) ?? selectedGrid
        case .home:
            selectedGrid = 0
        case .end:
            selectedGrid = max(0, count - 1)
        case .character(let c) where c.isASCII && c.isNumber && c != "0":
            let n = Int(String(c)) ?? 1
            if overview.communities.indices.contains(n - 1) {
                let code = overview.communities[n - 1].code
                if let first = overview.grids.firstIndex(where: { $0.grid.communityCode == code }) { selectedGrid = first }
            }
        default:
            break
        }
        return nil
    }

    /// The tile layout for the current size (nil below the minimum size).
    func tileLayout() -> TileLayout? {
        guard let layout = WallLayout(size: size) else { return nil }
        return TileLayout(overview: overview, pane: layout.grids)
    }
}
