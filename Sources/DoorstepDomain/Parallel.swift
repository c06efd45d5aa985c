import Foundation

/// Work spread over the machine's cores (a 2-core machine loads and builds a city in about
/// half the time). Each call returns when all of its work is done, results in order.
public enum Parallel {
    /// Every job, as many at a time as there are cores, each core taking the next job when
    /// it comes free (put the longest first); results in the jobs' order.
    public static func run<T>(_ jobs: [@Sendable () -> T]) -> [T] {
        let slots = Slots<T>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { k in slots.set(k, jobs[k]()) }
        return jobs.indices.map { slots.get($0) ?? jobs[$0]() }
    }

    /// `body` for 0..<count, the indices dealt out over the cores.
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let parts = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            for k in stride(from: part, to: count, by: parts) { slots.set(k, body(k)) }
        }
        return (0..<count).map { slots.get($0) ?? body($0) }
    }
}

/// Slots filled from several threads at once, each slot by one thread only.
///
/// `@unchecked` because `T` need not be Sendable: each value is made on one thread, stored under
/// the lock, and read back under the lock after `concurrentPerform` has returned.
private final class Slots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func get(_ index: Int) -> T? {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]
    }
}
