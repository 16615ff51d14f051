/// A calendar day such as 2026-11-03: export days, note dates, launch dates.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// The month of the year, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// Creates a day without validation; use `init?(_:)` for text.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, rejecting days that do not exist (2026-02-30); nil for anything else.
    public init?(_ text: some StringProtocol) {
        guard let (bytes, count) = Month.shortUTF8(String(text)), count == 10 else { return nil }
        self.init(bytes)
    }

    /// Parses the first ten bytes as `YYYY-MM-DD` (no allocation).
    init?(_ bytes: SIMD16<UInt8>) {
        guard bytes[7] == UInt8(ascii: "-"), let month = Month(bytes),
              let day = Month.digits(bytes, 8..<10), (1...month.dayCount).contains(day)
        else { return nil }
        self.init(year: month.year, month: month.month, day: day)
    }

    /// The month this day falls in.
    public var calendarMonth: Month { Month(year: year, month: month) }

    /// Days since 1970-01-01 (proleptic Gregorian), for day differences.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// `YYYY-MM-DD`.
    public var description: String { calendarMonth.description + "-" + Month.pad(day, 2) }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
