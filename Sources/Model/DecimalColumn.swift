/// A column of optional numbers that takes 4 bytes a number while every number is a short decimal, 8 otherwise.
///
/// Exported metric values are mostly decimals with few digits (`7.62`, `463`). Such a value is kept as the integer
/// `s` and the power `k` with `Double(s) / 10^k` giving back the very same double, bit for bit; the first value
/// that has no such form turns the column into plain doubles.
struct DecimalColumn: Hashable, Sendable {
    /// `s << 3 | k` per number, with |s| < 2^28 and k in 0...7; `absent` for none. Unused once `isWide`.
    private var codes: [Int32] = []
    /// The numbers, NaN for none; used once some number has no short decimal form.
    private var wide: [Double] = []
    private var isWide = false

    private static let absent = Int32.min
    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]

    /// The number of entries.
    var count: Int { isWide ? wide.count : codes.count }

    /// Makes room for `capacity` entries.
    mutating func reserveCapacity(_ capacity: Int) {
        if isWide { wide.reserveCapacity(capacity) } else { codes.reserveCapacity(capacity) }
    }

    /// Adds a finite number, or none.
    mutating func append(_ value: Double?) {
        if isWide {
            wide.append(value ?? .nan)
        } else if let value {
            if let code = Self.code(value) {
                codes.append(code)
            } else {
                wide = codes.indices.map { self[$0] ?? .nan }
                wide.reserveCapacity(codes.capacity)
                codes = []
                isWide = true
                wide.append(value)
            }
        } else {
            codes.append(Self.absent)
        }
    }

    /// Entry `index`; nil for none.
    @inline(__always)
    subscript(index: Int) -> Double? {
        if isWide {
            let value = wide[index]
            return value.isNaN ? nil : value
        }
        let code = codes[index]
        guard code != Self.absent else { return nil }
        return Double(code >> 3) / Self.powers[Int(code & 7)]
    }

    /// The short decimal form of `value`, if it has one.
    private static func code(_ value: Double) -> Int32? {
        for k in 0..<powers.count {
            let scaled = (value * powers[k]).rounded()
            guard abs(scaled) < 268_435_456 else { return nil }  // 2^28
            if (scaled / powers[k]).bitPattern == value.bitPattern { return Int32(scaled) << 3 | Int32(k) }
        }
        return nil
    }
}
