/// An array kept in chunks of at most `chunkSize` elements, for the read model's long lists
/// (every grid's summary, every open ticket). A snapshot shares the chunks; changing one
/// element, or inserting and removing a few, copies only the chunks touched and the short
/// list of chunks, where a plain array would copy all of its elements.
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
    static var chunkSize: Int { 256 }

    private var chunks: [[Element]]
    /// The index of each chunk's first element (one more entry: the count).
    private var starts: [Int]

    public init() {
        chunks = []
        starts = [0]
    }

    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        let all = Array(elements)
        chunks = stride(from: 0, to: all.count, by: Self.chunkSize).map { Array(all[$0..<Swift.min(all.count, $0 + Self.chunkSize)]) }
        starts = [0]
        restart(from: 0)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts[starts.count - 1] }

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

    public mutating func insert(_ element: Element, at position: Int) {
        guard !chunks.isEmpty else {
            chunks = [[element]]
            restart(from: 0)
            return
        }
        let (chunk, offset) = position >= endIndex ? (chunks.count - 1, chunks[chunks.count - 1].count) : locate(position)
        chunks[chunk].insert(element, at: offset)
        if chunks[chunk].count > 2 * Self.chunkSize {
            let tail = Array(chunks[chunk][Self.chunkSize...])
            chunks[chunk].removeSubrange(Self.chunkSize...)
            chunks.insert(tail, at: chunk + 1)
        }
        restart(from: chunk)
    }

    public mutating func remove(at position: Int) {
        let (chunk, offset) = locate(position)
        chunks[chunk].remove(at: offset)
        if chunks[chunk].isEmpty { chunks.remove(at: chunk) }
        restart(from: chunk)
    }

    /// The chunk holding `position` and the offset in it (binary search over the starts).
    private func locate(_ position: Int) -> (Int, Int) {
        precondition(position >= 0 && position < endIndex, "ChunkedArray index \(position) out of range 0..<\(endIndex)")
        var low = 0, high = chunks.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= position { low = mid } else { high = mid - 1 }
        }
        return (low, position - starts[low])
    }

    private mutating func restart(from chunk: Int) {
        let first = Swift.min(chunk, chunks.count)
        starts.removeSubrange((first + 1)...)
        for index in first..<chunks.count { starts.append(starts[index] + chunks[index].count) }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension ChunkedArray {
    /// Whether the two share every chunk (one is a copy of the other, changed nowhere since): a
    /// comparison of a few hundred buffer addresses, not of every element.
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
    public static func == (a: ChunkedArray, b: ChunkedArray) -> Bool {
        guard a.starts == b.starts else { return a.count == b.count && a.elementsEqual(b) }
        return zip(a.chunks, b.chunks).allSatisfy { x, y in
            x.withUnsafeBufferPointer { p in y.withUnsafeBufferPointer { q in p.baseAddress == q.baseAddress } } || x == y
        }
    }
}
