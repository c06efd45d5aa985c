import Foundation
import Synchronization

/// Requests per API key, limited: each key has a bucket of `burst` requests that refills at
/// `perSecond`; an empty bucket is a 429 with the seconds until the next one (`Retry-After`).
/// Held in memory by the process (each `serve` process limits what reaches it).
public final class RateLimiter: Sendable {
    public let perSecond: Double
    public let burst: Double
    private let buckets = Mutex<[String: (tokens: Double, at: Date)]>([:])

    public init(perSecond: Double, burst: Double? = nil) {
        self.perSecond = perSecond
        self.burst = max(1, burst ?? perSecond * 2)
    }

    /// Nil when `key` may go on now (one request taken); else the whole seconds to wait.
    public func take(_ key: String, at now: Date) -> Int? {
        guard perSecond > 0 else { return nil }
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? (burst, now)
            // (a clock stepped back refills nothing)
            bucket.tokens = min(burst, bucket.tokens + max(0, now.timeIntervalSince(bucket.at)) * perSecond)
            bucket.at = now
            defer { buckets[key] = bucket }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }
}
