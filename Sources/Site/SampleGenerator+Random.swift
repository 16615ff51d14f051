// The sample portfolio draws every number from `SeededRandom` with additions and multiplications only (no `log`, `sin`
// or `exp`, whose last bit may differ between C libraries), so the same arguments give the same bytes everywhere.
extension SeededRandom {
    /// Approximately standard normal: the sum of six uniforms, centred and scaled (Irwin–Hall), bounded at ±4.2.
    mutating func gaussian() -> Double {
        var sum = 0.0
        for _ in 0..<6 { sum += uniform() }
        return (sum - 3) * 1.414_213_562_373_095_1
    }

    /// Uniform in `range`.
    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + uniform() * (range.upperBound - range.lowerBound)
    }

    /// Uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { uniform() < p }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }

    /// `count` distinct elements of `items`, in a random order.
    mutating func pick<T>(_ count: Int, of items: [T]) -> [T] {
        var pool = items
        var chosen: [T] = []
        for _ in 0..<min(count, pool.count) { chosen.append(pool.remove(at: int(in: 0...(pool.count - 1)))) }
        return chosen
    }

    /// A generator for a sub-stream (one project), independent of how many numbers other streams drew.
    static func stream(seed: UInt64, index: Int) -> SeededRandom {
        var mixer = SeededRandom(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        return SeededRandom(seed: mixer.next())
    }
}
