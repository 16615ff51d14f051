/// A snapshot row's (period, metric, segment) in 64 bits, the metric and segment as positions in name tables.
///
/// Keys order as `(metric, segment, period)` when the tables are sorted, a month before its first day; storing
/// this instead of two strings and an enum is what keeps a large snapshot small. The layout, from the high bits:
/// metric (20 bits), segment (21 bits), period (23 bits: year, month, and day or 0 for a whole month).
public struct SnapshotKey: Hashable, Comparable, Sendable {
    /// The packed bits.
    public let rawValue: UInt64

    /// How many metric names a table may hold.
    public static let metricLimit = 1 << 20
    /// How many segment names a table may hold.
    public static let segmentLimit = 1 << 21
    /// The years a period may fall in.
    public static let years = 0...9999

    /// Wraps packed bits.
    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// Packs a period with the positions of its metric and segment in their tables.
    public init(period: Period, metric: Int, segment: Int) {
        precondition(metric >= 0 && metric < Self.metricLimit && segment >= 0 && segment < Self.segmentLimit,
                     "name position out of range")
        rawValue = UInt64(metric) << 44 | UInt64(segment) << 23 | UInt64(Self.code(period))
    }

    /// The metric's position in its table.
    public var metric: Int { Int(rawValue >> 44) }

    /// The segment's position in its table.
    public var segment: Int { Int(rawValue >> 23 & (1 << 21 - 1)) }

    /// The period.
    public var period: Period {
        let code = Int(rawValue & (1 << 23 - 1))
        let month = Month(year: code >> 9, month: code >> 5 & 15)
        let day = code & 31
        return day == 0 ? .month(month) : .day(Day(year: month.year, month: month.month, day: day))
    }

    /// The same period with other name positions.
    public func renamed(metric: Int, segment: Int) -> SnapshotKey {
        SnapshotKey(rawValue: UInt64(metric) << 44 | UInt64(segment) << 23 | rawValue & (1 << 23 - 1))
    }

    /// The key of the month a period falls in, with the same names: where a month's rows start in key order.
    public var monthKey: SnapshotKey {
        SnapshotKey(rawValue: rawValue & ~31)
    }

    public static func < (a: SnapshotKey, b: SnapshotKey) -> Bool {
        a.rawValue < b.rawValue
    }

    /// Year, month and day (0 for a whole month) in 23 bits, ordered as `Period` orders.
    private static func code(_ period: Period) -> Int {
        let (year, month, day) = switch period {
        case .month(let month): (month.year, month.month, 0)
        case .day(let day): (day.year, day.month, day.day)
        }
        precondition(years.contains(year), "year \(year) out of range")
        return year << 9 | month << 5 | day
    }
}
