import Foundation
import Synchronization

/// 回放的时钟: the replayed time. It runs `speed` times as fast as the real clock from where it
/// was last set, stands still while paused, and stops at the end of the period; the replay's
/// keys pause it, step it to an event's time and jump it to an instant.
public final class ReplayClock: Clock {
    private struct Position {
        /// The replayed time when it was last set, and the real time then.
        var replayed: Date
        var real: Date
        var speed: Double
        var paused: Bool
    }

    private let real: any Clock
    public let start: Date
    /// Where the replay stops (it stands there, paused in effect).
    public let end: Date
    private let position: Mutex<Position>

    /// A replay of `start`…`end` at `speed` (at least 0.1), running unless `paused`.
    public init(real: any Clock, start: Date, end: Date, speed: Double = 1, paused: Bool = false) {
        self.real = real
        self.start = start
        self.end = max(start, end)
        position = Mutex(Position(replayed: start, real: real.now(), speed: max(0.1, speed), paused: paused))
    }

    public func now() -> Date {
        let realNow = real.now()
        return position.withLock { Self.replayed($0, at: realNow, end: end) }
    }

    private static func replayed(_ p: Position, at realNow: Date, end: Date) -> Date {
        guard !p.paused else { return p.replayed }
        return min(end, p.replayed.addingTimeInterval(max(0, realNow.timeIntervalSince(p.real)) * p.speed))
    }

    public var isPaused: Bool { position.withLock { $0.paused } }
    public var speed: Double { position.withLock { $0.speed } }
    /// True once the replayed time has reached the end.
    public var atEnd: Bool { now() >= end }

    /// Pauses a running replay, or runs a paused one on from where it stands.
    public func togglePause() {
        let realNow = real.now()
        position.withLock { p in
            p.replayed = Self.replayed(p, at: realNow, end: end)
            p.real = realNow
            p.paused.toggle()
        }
    }

    /// Runs on at `speed` (0.1 to 3,600) from where it stands.
    public func setSpeed(_ speed: Double) {
        let realNow = real.now()
        position.withLock { p in
            p.replayed = Self.replayed(p, at: realNow, end: end)
            p.real = realNow
            p.speed = min(3_600, max(0.1, speed))
        }
    }

    /// Puts the replayed time at `instant` (within the period); paused when `pause`, else as it was.
    public func jump(to instant: Date, pause: Bool? = nil) {
        let realNow = real.now()
        position.withLock { p in
            p.replayed = min(end, max(start, instant))
            p.real = realNow
            if let pause { p.paused = pause }
        }
    }
}
