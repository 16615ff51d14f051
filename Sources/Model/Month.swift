/// A calendar month such as 2026-10, the unit every analysis works in.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public let year: Int
    /// The month of the year, 1 to 12.
    public let month: Int

    /// Creates a month; `month` must be 1...12.
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month out of range")
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        guard let (bytes, count) = Self.shortUTF8(String(text)), count == 7 else { return nil }
        self.init(bytes)
    }

    /// Parses the first seven bytes as `YYYY-MM` (a snapshot row's period is parsed for every row: no allocation).
    init?(_ bytes: SIMD16<UInt8>) {
        guard bytes[4] == UInt8(ascii: "-"), let year = Self.digits(bytes, 0..<4), let month = Self.digits(bytes, 5..<7),
              (1...12).contains(month), year >= 1
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The UTF-8 bytes of a text of at most 16 bytes, in a fixed buffer, and their count; nil for a longer text.
    /// (A `String`, not a generic text: callers in other modules would otherwise step through it generically.)
    static func shortUTF8(_ text: String) -> (bytes: SIMD16<UInt8>, count: Int)? {
        let utf8 = text.utf8
        guard utf8.count <= 16 else { return nil }
        var bytes = SIMD16<UInt8>(), count = 0
        for byte in utf8 {
            guard count < 16 else { return nil }
            bytes[count] = byte
            count += 1
        }
        return (bytes, count)
    }

    /// The number the ASCII digits at `range` spell; nil when one is not a digit.
    static func digits(_ bytes: SIMD16<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Months counted from year 0, so that differences are month distances.
    public var ordinal: Int { year * 12 + (month - 1) }

    /// The month `ordinal` months after January of year 0.
    public init(ordinal: Int) {
        self.init(year: ordinal >= 0 ? ordinal / 12 : (ordinal - 11) / 12, month: ((ordinal % 12) + 12) % 12 + 1)
    }

    /// The month `count` months later (earlier when negative).
    public func adding(_ count: Int) -> Month { Month(ordinal: ordinal + count) }

    /// The next month.
    public var next: Month { adding(1) }

    /// The number of days in this month.
    public var dayCount: Int {
        switch month {
        case 2: return Self.isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first day of the month.
    public var firstDay: Day { Day(year: year, month: month, day: 1) }

    /// The last day of the month.
    public var lastDay: Day { Day(year: year, month: month, day: dayCount) }

    /// The quarter this month falls in, given the month the fiscal year starts in.
    public func quarter(fiscalYearStart: Int = 1) -> Quarter {
        let shifted = Month(ordinal: ordinal - (fiscalYearStart - 1))
        // A fiscal year is named by the calendar year it ends in when it does not start in January.
        let year = fiscalYearStart == 1 ? shifted.year : shifted.year + 1
        return Quarter(year: year, quarter: (shifted.month - 1) / 3 + 1)
    }

    /// The fiscal year this month falls in, named by the calendar year it ends in (its own year when the fiscal
    /// year starts in January).
    public func fiscalYear(fiscalYearStart: Int = 1) -> Int {
        quarter(fiscalYearStart: fiscalYearStart).year
    }

    /// `YYYY-MM`.
    public var description: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2)
    }

    public static func < (a: Month, b: Month) -> Bool { a.ordinal < b.ordinal }

    /// Every month from `from` through `through`, inclusive; empty when `from` is later.
    public static func range(_ from: Month, through: Month) -> [Month] {
        guard from <= through else { return [] }
        return (from.ordinal...through.ordinal).map(Month.init(ordinal:))
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
