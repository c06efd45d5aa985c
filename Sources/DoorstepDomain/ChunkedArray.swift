/// An array kept in chunks of at most `chunkSize` elements, for the read model's long lists
/// (every grid's summary, every open ticket). A snapshot shares the chunks; changing one
/// element, or inserting and removing a few, copies only the chunks touched and the short
/// list of chunks, where a plain array would copy all of its elements.
///
/// Inlinable, so that the screen and the engine get it specialized for their element: used
/// through its generic entry points it went through witness tables and generic metadata for
/// every chunk, and its comparisons alone were a tenth of a quiet city wall's time.
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
    /// Elements per chunk (a chunk grows to twice this before it splits): the elements copied
    /// when one changes while a snapshot shares its chunk.
    @usableFromInline let chunkSize: Int

    @usableFromInline var chunks: [[Element]]
    /// The index of each chunk's first element (one more entry: the count).
    @usableFromInline var starts: [Int]

    @inlinable
    public init(chunkSize: Int = 256) {
        self.chunkSize = Swift.max(1, chunkSize)
        chunks = []
        starts = [0]
    }

    @inlinable
    public init<S: Sequence>(_ elements: S, chunkSize: Int = 256) where S.Element == Element {
        let size = Swift.max(1, chunkSize)
        self.chunkSize = size
        let all = Array(elements)
        chunks = stride(from: 0, to: all.count, by: size).map { Array(all[$0..<Swift.min(all.count, $0 + size)]) }
        starts = [0]
        restart(from: 0)
    }

    @inlinable
    public var startIndex: Int { 0 }
    @inlinable
    public var endIndex: Int { starts[starts.count - 1] }

    @inlinable
    public subscript(position: Int) -> Element {
        get {
            let (chunk, offset) = locate(position)
            return chunks[chunk][offset]
        }
        set {
            let (chunk, offset) = locate(position)
            chunks[chunk][offset] = newValue
        }
    }

    @inlinable
    public mutating func insert(_ element: Element, at position: Int) {
        guard !chunks.isEmpty else {
            chunks = [[element]]
            restart(from: 0)
            return
        }
        let (chunk, offset) = position >= endIndex ? (chunks.count - 1, chunks[chunks.count - 1].count) : locate(position)
        chunks[chunk].insert(element, at: offset)
        if chunks[chunk].count > 2 * chunkSize {
            let tail = Array(chunks[chunk][chunkSize...])
            chunks[chunk].removeSubrange(chunkSize...)
            chunks.insert(tail, at: chunk + 1)
        }
        restart(from: chunk)
    }

    @inlinable
    public mutating func remove(at position: Int) {
        let (chunk, offset) = locate(position)
        chunks[chunk].remove(at: offset)
        if chunks[chunk].isEmpty { chunks.remove(at: chunk) }
        restart(from: chunk)
    }

    /// The chunk holding `position` and the offset in it (binary search over the starts).
    @inlinable func locate(_ position: Int) -> (Int, Int) {
        precondition(position >= 0 && position < endIndex, "ChunkedArray index \(position) out of range 0..<\(endIndex)")
        var low = 0, high = chunks.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= position { low = mid } else { high = mid - 1 }
        }
        return (low, position - starts[low])
    }

    @inlinable mutating func restart(from chunk: Int) {
        let first = Swift.min(chunk, chunks.count)
        starts.removeSubrange((first + 1)...)
        for index in first..<chunks.count { starts.append(starts[index] + chunks[index].count) }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: ExpressibleByArrayLiteral {
    @inlinable
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension ChunkedArray {
    /// Whether the two share every chunk (one is a copy of the other, changed nowhere since): a
    /// comparison of a few hundred buffer addresses, not of every element.
    @inlinable
    public func sharesStorage(with other: ChunkedArray) -> Bool {
        guard starts == other.starts else { return false }
        return zip(chunks, other.chunks).allSatisfy { a, b in
            a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
        }
    }
}

extension ChunkedArray: Equatable where Element: Equatable {
    /// Chunk by chunk: a chunk both share is equal without a look at its elements (a model
    /// changed in one place is compared in one chunk, not in 19,200 elements).
    @inlinable
    public static func == (a: ChunkedArray, b: ChunkedArray) -> Bool {
        guard a.starts == b.starts else { return a.count == b.count && a.elementsEqual(b) }
        return zip(a.chunks, b.chunks).allSatisfy { x, y in
            x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in p.baseAddress == q.baseAddress } } || x == y
        }
    }
}
