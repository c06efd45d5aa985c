extension RandomAccessCollection where Index == Int {
    /// The first position whose element is not `before` (a binary search: `before` must hold
    /// for a prefix of the collection and for nothing after it).
    func partitionPoint(_ before: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if before(self[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
