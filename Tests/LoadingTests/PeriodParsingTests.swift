import Foundation
import Model
import Testing

/// Every snapshot row's period goes through `Period(_:)`; it must accept exactly `YYYY-MM` (month 1–12, year ≥ 1)
/// and the `YYYY-MM-DD` days a Gregorian calendar has.
@Suite struct PeriodParsingTests {
    static func expected(_ text: String) -> Period? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            bytes[range].allSatisfy { (0x30...0x39).contains($0) } ? Int(String(decoding: bytes[range], as: UTF8.self)) : nil
        }
        guard bytes.count == 7 || bytes.count == 10, bytes[4] == 0x2D, let year = number(0..<4), let month = number(5..<7),
              year >= 1, (1...12).contains(month)
        else { return nil }
        if bytes.count == 7 { return .month(Month(year: year, month: month)) }
        guard bytes[7] == 0x2D, let day = number(8..<10) else { return nil }
        let components = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: year, month: month, day: day)
        return components.isValidDate ? .day(Day(year: year, month: month, day: day)) : nil
    }

    @Test func periodsParseAsACalendarSaysTheyExist() {
        var texts: [String] = []
        for year in [1, 1900, 2000, 2023, 2024, 2026, 9999] {
            for month in 0...13 {
                texts.append(String(format: "%04d-%02d", year, month))
                for day in 0...32 { texts.append(String(format: "%04d-%02d-%02d", year, month, day)) }
            }
        }
        let alphabet: [Character] = ["0", "1", "2", "9", "-", " ", "x", "é", "٣", "+"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            texts.append(String((0..<Int.random(in: 0...17, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        texts += ["0000-01", "2026-1-05", "2026-01-5", "2026/01", "2026-01-01 ", "２０２６-01", "2026-02-29", "2024-02-29", "2026-01-01-01"]
        for text in texts {
            #expect(Period(text) == Self.expected(text), "\(text)")
            #expect(Period(Substring(text)) == Self.expected(text), "\(text) as a substring")
        }
    }
}
