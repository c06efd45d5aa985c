import Foundation

/// 四清 — what a grid worker knows of a household: its family situation, its people's category,
/// the services it needs, and its hidden hazards and disputes, each recorded with the date it
/// was last confirmed. A facet is current for `FourClears.freshDays` after its confirmation; a
/// household is clear when all four are.
public struct FourClears: Hashable, Sendable {
    public enum Facet: String, CaseIterable, Hashable, Sendable {
        /// 家庭情况清
        case family
        /// 人员类别清
        case category
        /// 服务事项清
        case needs
        /// 隐患矛盾清
        case hazards
    }

    /// One facet: what was recorded and when it was last confirmed.
    public struct Entry: Hashable, Sendable {
        public var note: String
        public var confirmedAt: Date

        public init(note: String, confirmedAt: Date) {
            self.note = note
            self.confirmedAt = confirmedAt
        }
    }

    public var entries: [Facet: Entry]

    public init(_ entries: [Facet: Entry] = [:]) { self.entries = entries }

    /// How long a confirmation stays current (half a year).
    public static let freshDays: Double = 183
    /// A grid falls behind when fewer than this share of its households are clear.
    public static let target = 0.8

    /// When the household stops being clear: the oldest confirmation ages out (nil while a facet
    /// is unrecorded).
    public var expiresAt: Date? {
        guard entries.count == Facet.allCases.count, let oldest = entries.values.map(\.confirmedAt).min() else { return nil }
        return oldest.addingTimeInterval(Self.freshDays * 86_400)
    }

    public func isCurrent(_ facet: Facet, at now: Date) -> Bool {
        entries[facet].map { now.timeIntervalSince($0.confirmedAt) <= Self.freshDays * 86_400 } ?? false
    }

    public func isClear(at now: Date) -> Bool { expiresAt.map { now < $0 } ?? false }

    /// Whether `clear` of `total` households is behind the target.
    public static func isBehind(clear: Int, total: Int) -> Bool {
        total > 0 && Double(clear) < Double(total) * target
    }
}

/// Every grid's households and when each of its clear households stops being clear: a grid's
/// 四清 completeness at any instant, and the next instant it drops.
public struct FourClearsCensus: Hashable, Sendable {
    /// Households per grid code.
    public var totals: [String: Int]
    /// Per grid code: when each household with all four facets recorded stops being clear.
    public var expiries: [String: [Date]]

    public init(totals: [String: Int] = [:], expiries: [String: [Date]] = [:]) {
        self.totals = totals
        self.expiries = expiries
    }

    /// The census of whole households (a data set holds them all).
    public init(households: [Household], clears: [String: FourClears]) {
        var totals: [String: Int] = [:], expiries: [String: [Date]] = [:]
        for household in households {
            totals[household.gridCode, default: 0] += 1
            if let expiry = clears[household.id]?.expiresAt { expiries[household.gridCode, default: []].append(expiry) }
        }
        self.init(totals: totals, expiries: expiries)
    }
}
