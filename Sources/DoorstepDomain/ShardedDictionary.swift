/// A dictionary kept in shards by the key's hash, for the read model's large maps that a
/// snapshot shares (a city's 17,000 standing alarms). Changing one entry while a snapshot holds
/// the dictionary copies one shard (a sixty-fourth) and the short list of shards, where a plain
/// dictionary would copy every entry.
///
/// Shards follow `hashValue`, which Swift seeds afresh in each process: the layout is the same
/// throughout one run, which is all a read model needs (nothing here is stored or sent).
public struct ShardedDictionary<Key: Hashable, Value> {
    @usableFromInline static var shardCount: Int { 64 }
    @usableFromInline var shards: [[Key: Value]]
    @usableFromInline var storedCount = 0
    public var count: Int { storedCount }

    @inlinable
    public init() { shards = Array(repeating: [:], count: Self.shardCount) }

    @inlinable
    static func shard(of key: Key) -> Int { key.hashValue & (shardCount - 1) }

    @inlinable
    public subscript(key: Key) -> Value? {
        get { shards[Self.shard(of: key)][key] }
        set {
            if let newValue { updateValue(newValue, forKey: key) } else { removeValue(forKey: key) }
        }
    }

    /// Sets the value and returns the one it replaced.
    @inlinable @discardableResult
    public mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        let old = shards[Self.shard(of: key)].updateValue(value, forKey: key)
        if old == nil { storedCount += 1 }
        return old
    }

    @inlinable @discardableResult
    public mutating func removeValue(forKey key: Key) -> Value? {
        let old = shards[Self.shard(of: key)].removeValue(forKey: key)
        if old != nil { storedCount -= 1 }
        return old
    }

    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// Every entry, shard after shard (in no particular order, as a dictionary's).
    @inlinable
    public var entries: FlattenSequence<[[Key: Value]]> { shards.joined() }
    @inlinable
    public var keys: some Sequence<Key> { entries.lazy.map(\.key) }
    @inlinable
    public var values: some Sequence<Value> { entries.lazy.map(\.value) }
}

extension ShardedDictionary: Sendable where Key: Sendable, Value: Sendable {}

extension ShardedDictionary: Equatable where Value: Equatable {
    @inlinable
    public static func == (a: ShardedDictionary, b: ShardedDictionary) -> Bool { a.count == b.count && a.shards == b.shards }
}
