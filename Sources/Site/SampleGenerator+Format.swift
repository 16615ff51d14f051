import Model

// Text for the sample portfolio: fixed-decimal numbers without Foundation's locale-dependent formatting, and YAML
// strings that every YAML reader parses the same way.
extension SampleGenerator {
    /// `value` with exactly `decimals` decimals (0–6), rounded half away from zero; never `-0`, NaN or an exponent.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        precondition(value.isFinite && (0...6).contains(decimals))
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded(.toNearestOrAwayFromZero))
        if scaled == 0 { return decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals) }
        var divisor = 1
        for _ in 0..<decimals { divisor *= 10 }
        var text = value < 0 ? "-" : ""
        text += String(scaled / divisor)
        if decimals > 0 {
            let fraction = String(scaled % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// The value `fixed(value, decimals)` stands for, so aggregates are computed from what the files say.
    static func rounded(_ value: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    /// A value with about three significant digits, as people write agreed figures and prices.
    static func significant(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : magnitude >= 0.1 ? 3 : 4
        return fixed(value, decimals)
    }

    /// A double-quoted YAML string (the content never needs more than `\"` and `\\`).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// A non-negative integer with leading zeros to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `day` moved forward to a Monday when it falls on a weekend: exports and reviews happen on working days.
    static func workingDay(_ day: Day) -> Day {
        var result = day
        while weekday(result) >= 5 { result = adding(1, to: result) }
        return result
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    static func weekday(_ day: Day) -> Int { ((day.daysSinceEpoch % 7) + 10) % 7 }

    /// The day `count` days after `day` (count ≥ 0, less than a year).
    static func adding(_ count: Int, to day: Day) -> Day {
        var (year, month, date) = (day.year, day.month, day.day + count)
        while date > Month(year: year, month: month).dayCount {
            date -= Month(year: year, month: month).dayCount
            month += 1
            if month > 12 { (year, month) = (year + 1, 1) }
        }
        return Day(year: year, month: month, day: date)
    }

    /// The day `count` days before `day` (count ≥ 0, less than a year).
    static func subtracting(_ count: Int, from day: Day) -> Day {
        var (year, month, date) = (day.year, day.month, day.day - count)
        while date < 1 {
            month -= 1
            if month < 1 { (year, month) = (year - 1, 12) }
            date += Month(year: year, month: month).dayCount
        }
        return Day(year: year, month: month, day: date)
    }
}
