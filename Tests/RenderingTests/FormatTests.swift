import Model
import Testing
@testable import Rendering

@Suite struct FormatTests {
    @Test func numbersUsePrecisionForTheirSizeAndTrueMinus() {
        #expect(Format.number(8.4123, unit: "min") == "8.41 min")
        #expect(Format.number(1240.4) == "1,240")
        #expect(Format.number(0.0523, unit: "%") == "0.052 %")
        #expect(Format.signed(-1.214, unit: "min") == "−1.21 min")
        #expect(Format.signed(0.9) == "+0.900")
        #expect(Format.signed(12.34) == "+12.3")
        #expect(Format.signedPercent(-11.24) == "−11.2 %")
        #expect(Format.percent(0.724) == "72 %")
    }

    @Test func moneyIsCompact() {
        #expect(Format.money(41_000, currency: "USD") == "$41k")
        #expect(Format.money(-35_400, currency: "USD") == "−$35k")
        #expect(Format.money(1_260_000, currency: "EUR") == "€1.3M")
        #expect(Format.money(950, currency: "CHF") == "950 CHF")
    }

    @Test func monthsInWords() {
        #expect(Format.month(Month(year: 2026, month: 10)) == "October 2026")
        #expect(Format.shortMonth(Month(year: 2026, month: 2)) == "Feb 2026")
    }
}
