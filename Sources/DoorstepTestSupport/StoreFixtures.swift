import DoorstepDomain
import DoorstepSeeds
import DoorstepStore
import Foundation

/// Helpers the store, engine, calls and simulation tests share.

/// A fresh database file in its own temporary folder, removed by `cleanUp()`.
public struct TemporaryDatabase: Sendable {
    public let folder: URL
    public var path: String { folder.appendingPathComponent("doorstep.sqlite").path }

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("doorstep-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A new database holding the demo street as of `now`.
    public static func demo(now: Date) throws -> (TemporaryDatabase, SQLiteStore) {
        let database = try TemporaryDatabase()
        let store = try SQLiteStore(path: database.path, create: true)
        try store.replaceAll(with: try DataSet.load(from: .embeddedDemo, now: now), at: now)
        return (database, store)
    }

    public func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

public enum StoreFixtures {
    public static let now = Date(timeIntervalSince1970: 1_796_032_800)  // Monday 2026-11-30 10:00 UTC

    public static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }

    /// The overview of everything `store` holds at `time`, in the fixtures' calendar, calls
    /// missed after a minute (what the call and alarm desks judge by).
    public static func overview(_ store: SQLiteStore, at time: Date) throws -> Overview {
        Overview(data: try store.loadAll(at: time), now: time, calendar: calendar, callTimeout: 60)
    }
}
