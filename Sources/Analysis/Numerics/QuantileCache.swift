import Foundation

/// A small, thread-safe memo of distribution quantiles keyed by (probability, degrees of freedom).
///
/// Every fit asks for the same few critical values — the 97.5 % point at ν = n − k for a handful of n and k — and
/// each costs a dozen incomplete-beta evaluations; the memo turns the repeats into a short scan. Values are stored
/// exactly as computed, so a hit returns the same Double a miss would. The memo holds at most `capacity` entries
/// and overwrites the oldest, so non-integer ν (Welch's test) cannot grow it.
final class QuantileCache: @unchecked Sendable {
    private struct Entry {
        var probability: Double
        var degreesOfFreedom: Double
        var value: Double
    }

    /// The memo behind `StudentT.quantile`.
    static let studentT = QuantileCache(capacity: 32)

    private let capacity: Int
    private let lock = NSLock()
    // Guarded by `lock`.
    private var entries: [Entry] = []
    private var next = 0

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(capacity)
    }

    /// The memoised value for (probability, degreesOfFreedom), computing and storing it on a miss.
    ///
    /// `compute` runs outside the lock, so two threads may both compute a missing value; both get the same number.
    func value(_ probability: Double, degreesOfFreedom: Double, compute: () -> Double) -> Double {
        lock.lock()
        for entry in entries where entry.probability == probability && entry.degreesOfFreedom == degreesOfFreedom {
            lock.unlock()
            return entry.value
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        let entry = Entry(probability: probability, degreesOfFreedom: degreesOfFreedom, value: value)
        if entries.count < capacity {
            entries.append(entry)
        } else {
            entries[next] = entry
            next = (next + 1) % capacity
        }
        lock.unlock()
        return value
    }
}
