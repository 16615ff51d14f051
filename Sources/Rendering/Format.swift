import Analysis
import Foundation
import Model

/// Every number and piece of wording the pages show is formatted here, in one place.
public enum Format {
    /// A number with sensible precision for its size: 8.41, 0.052, 1,240.
    public static func number(_ value: Double, unit: String = "") -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : magnitude == 0 ? 0 : 3
        return withUnit(grouped(value, decimals: decimals), unit)
    }

    /// A count or other whole quantity: 1,240; fractional values fall back to `number`.
    public static func count(_ value: Double, unit: String = "") -> String {
        value == value.rounded() ? withUnit(grouped(value, decimals: 0), unit) : number(value, unit: unit)
    }

    /// A signed change: +0.90 min, −1.21 min (true minus sign).
    public static func signed(_ value: Double, unit: String = "") -> String {
        let text = number(abs(value), unit: unit)
        return (value > 0 ? "+" : value < 0 ? "−" : "") + text
    }

    /// An effect with its 95 % range: `−1.21 min (−1.52 to −0.90)`.
    public static func effect(_ effect: EffectEstimate, unit: String) -> String {
        "\(signed(effect.estimate, unit: unit)) (\(signed(effect.low)) to \(signed(effect.high)))"
    }

    /// A percentage with a sign: −11.2 %.
    public static func signedPercent(_ value: Double) -> String {
        let rounded = (abs(value) * 10).rounded() / 10
        let text = fixed(rounded, decimals: 1)
        return (value > 0 && rounded > 0 ? "+" : value < 0 && rounded > 0 ? "−" : "") + text + " %"
    }

    /// A share as a percentage: 72 %.
    public static func percent(_ share: Double) -> String {
        String(Int((share * 100).rounded())) + " %"
    }

    /// Money in the site's currency, compact: $41k, −$35k, $950.
    public static func money(_ value: Double, currency: String) -> String {
        let symbol = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"][currency]
        let magnitude = abs(value)
        let body: String
        if magnitude >= 1_000_000 {
            body = fixed(magnitude / 1_000_000, decimals: 1) + "M"
        } else if magnitude >= 10_000 {
            body = fixed(magnitude / 1000, decimals: 0) + "k"
        } else if magnitude >= 1000 {
            body = fixed(magnitude / 1000, decimals: 1) + "k"
        } else {
            body = fixed(magnitude, decimals: 0)
        }
        let sign = value < 0 && body.contains(where: { $0 != "0" && $0 != "." && $0.isNumber }) ? "−" : ""
        return symbol.map { sign + $0 + body } ?? sign + body + " " + currency
    }

    /// A month in words: October 2026.
    public static func month(_ month: Month) -> String {
        monthNames[month.month - 1] + " " + String(month.year)
    }

    /// A year's name: `2026`, or `FY2026` when the fiscal year does not start in January (it is named by the
    /// calendar year it ends in).
    public static func year(_ year: Int, fiscalYearStart: Int) -> String {
        fiscalYearStart == 1 ? String(year) : "FY" + String(year)
    }

    /// A short month: Oct 2026.
    public static func shortMonth(_ month: Month) -> String {
        String(monthNames[month.month - 1].prefix(3)) + " " + String(month.year)
    }

    /// A day in words: 3 October 2026.
    public static func day(_ day: Day) -> String {
        String(day.day) + " " + monthNames[day.month - 1] + " " + String(day.year)
    }

    /// A full-precision number for report.json and CSV downloads (shortest round-tripping text).
    public static func exact(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `value` with exactly `decimals` decimals (0–6), rounded half away from zero; a fast stand-in for
    /// `String(format: "%.Nf")`, which is slow on Linux and runs for every coordinate of every chart.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return value.isFinite ? String(value) : "" }
        let scale = [1.0, 10, 100, 1000, 10_000, 100_000, 1_000_000][decimals]
        let scaled = Int64((abs(value) * scale).rounded())
        let negative = value < 0 && scaled != 0
        let unit = Int64(scale)
        var text = String(scaled / unit)
        if decimals > 0 {
            let fraction = String(scaled % unit)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return negative ? "-" + text : text
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    private static func withUnit(_ text: String, _ unit: String) -> String {
        switch unit {
        case "": return text
        case "%": return text + " %"
        default: return text + " " + unit
        }
    }

    private static func grouped(_ value: Double, decimals: Int) -> String {
        let text = fixed(value, decimals: decimals)
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var groupedInteger = ""
        while integer.count > 3 {
            groupedInteger = "," + integer.suffix(3) + groupedInteger
            integer = String(integer.dropLast(3))
        }
        groupedInteger = integer + groupedInteger
        let result = parts.count > 1 ? groupedInteger + "." + parts[1] : groupedInteger
        let isZero = !result.contains { $0 != "0" && $0 != "." && $0 != "," }
        return (negative && !isZero ? "−" : "") + result
    }
}
