#if canImport(Glibc)
import Glibc
#endif

/// Gives memory the process has freed back to the system (glibc's `malloc_trim`, looked up at
/// run time: Swift's Glibc module does not declare it). glibc keeps freed pages for reuse, so a
/// wall that builds its read model at start and rebuilds parts of it all day would otherwise
/// show its peak, not what it holds: a fresh wall over a street with 7,861 changes held 9.9 MB
/// of its own, 8.9 MB with the trims (RELIABILITY.md, "A long day"). The wall trims after its
/// first frame and once a minute, on its one thread, between frames.
enum MemoryTrim {
    private typealias Trim = @convention(c) (Int) -> Int32

    private static let trim: Trim? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: Trim.self)
        #else
        return nil
        #endif
    }()

    /// Returns the free pages of every arena to the system; nothing where glibc is not the allocator.
    static func release() {
        _ = trim?(0)
    }
}
