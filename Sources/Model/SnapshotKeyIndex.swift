/// Finds the position of a key among keys stored elsewhere (a snapshot's rows, the rows in force), at 5 to 11 bytes
/// a key.
///
/// Open addressing over positions: the keys themselves stay where they are, so the index holds no copy of them.
public struct SnapshotKeyIndex: Sendable {
    /// Row position + 1 per slot; 0 for an empty slot. The count is a power of two.
    private var slots: [UInt32]
    private var count = 0

    /// An empty index with room for about `capacity` keys before it grows.
    public init(capacity: Int = 0) {
        var count = 1024
        while count * 3 < capacity * 4 { count *= 2 }
        slots = [UInt32](repeating: 0, count: count)
    }

    /// Puts `row` (which holds `key`) in the place of the position already holding `key` and returns that
    /// position; adds `row` and returns nil when there is none.
    public mutating func replace(_ key: SnapshotKey, with row: Int, keys: (Int) -> SnapshotKey) -> Int? {
        precondition(row < Int(UInt32.max), "too many keys for one index")
        var slot = Self.slot(of: key, capacity: slots.count)
        while slots[slot] != 0 {
            let other = Int(slots[slot]) - 1
            if keys(other) == key {
                slots[slot] = UInt32(row + 1)
                return other
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = UInt32(row + 1)
        count += 1
        if count * 4 > slots.count * 3 { grow(keys: keys) }
        return nil
    }

    /// The position already holding `key`; otherwise nil, and `row` (which holds `key`) is added.
    ///
    /// `keys` gives the key at a position, `row` included.
    public mutating func firstRow(with key: SnapshotKey, addingRow row: Int, keys: (Int) -> SnapshotKey) -> Int? {
        precondition(row < Int(UInt32.max), "too many keys for one index")
        var slot = Self.slot(of: key, capacity: slots.count)
        while slots[slot] != 0 {
            let other = Int(slots[slot]) - 1
            if keys(other) == key { return other }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = UInt32(row + 1)
        count += 1
        if count * 4 > slots.count * 3 { grow(keys: keys) }
        return nil
    }

    /// The position holding `key`, if any; `keys` gives the key at a position.
    public func position(of key: SnapshotKey, keys: (Int) -> SnapshotKey) -> Int? {
        var slot = Self.slot(of: key, capacity: slots.count)
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if keys(position) == key { return position }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Doubles the slots and places every row again.
    private mutating func grow(keys: (Int) -> SnapshotKey) {
        let old = slots
        slots = [UInt32](repeating: 0, count: old.count * 2)
        for entry in old where entry != 0 {
            var slot = Self.slot(of: keys(Int(entry) - 1), capacity: slots.count)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = entry
        }
    }

    /// Where a key's probe starts: Fibonacci hashing, as the low bits of packed keys vary the least.
    private static func slot(of key: SnapshotKey, capacity: Int) -> Int {
        Int(truncatingIfNeeded: (key.rawValue &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - capacity.trailingZeroBitCount))
    }
}
