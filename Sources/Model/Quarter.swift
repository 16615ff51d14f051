/// A (fiscal) quarter such as 2026-Q2, the cadence of reviews and decisions.
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The (fiscal) year.
    public let year: Int
    /// The quarter, 1 to 4.
    public let quarter: Int

    /// Creates a quarter.
    public init(year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }

    /// Parses `YYYY-Qn`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        guard let (bytes, count) = Month.shortUTF8(String(text)), count == 7,
              bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "Q"),
              let year = Month.digits(bytes, 0..<4), let quarter = Month.digits(bytes, 6..<7),
              (1...4).contains(quarter)
        else { return nil }
        self.init(year: year, quarter: quarter)
    }

    /// The three months of this quarter, given the month the fiscal year starts in.
    public func months(fiscalYearStart: Int = 1) -> [Month] {
        let calendarYear = fiscalYearStart == 1 ? year : year - 1
        let first = Month(year: calendarYear, month: fiscalYearStart).adding((quarter - 1) * 3)
        return [first, first.adding(1), first.adding(2)]
    }

    /// `YYYY-Qn`.
    public var description: String { Month.pad(year, 4) + "-Q" + String(quarter) }

    public static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.quarter) < (b.year, b.quarter) }
}
