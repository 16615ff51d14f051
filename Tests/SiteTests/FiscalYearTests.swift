import Foundation
import Model
import Site
import Testing

/// A fiscal year that does not start in January: quarters and the yearly pages follow it, and a fiscal year is named
/// by the calendar year it ends in (docs/content-reference.md, `fiscal_year_start`).
struct FiscalYearTests {
    @Test func aMonthFallsInTheFiscalQuarterAndYearThatHoldIt() {
        // With April as the first month, April 2025 opens fiscal 2026 and March 2026 closes it.
        #expect(Month(year: 2025, month: 4).quarter(fiscalYearStart: 4) == Quarter(year: 2026, quarter: 1))
        #expect(Month(year: 2026, month: 3).quarter(fiscalYearStart: 4) == Quarter(year: 2026, quarter: 4))
        #expect(Month(year: 2026, month: 3).fiscalYear(fiscalYearStart: 4) == 2026)
        #expect(Month(year: 2026, month: 4).fiscalYear(fiscalYearStart: 4) == 2027)
        #expect(Month(year: 2026, month: 12).fiscalYear(fiscalYearStart: 1) == 2026)
        for start in 1...12 {
            for offset in 0..<36 {
                let month = Month(year: 2025, month: 1).adding(offset)
                let quarter = month.quarter(fiscalYearStart: start)
                #expect(quarter.months(fiscalYearStart: start).contains(month), "\(month), fiscal year from month \(start)")
                #expect(quarter.year == month.fiscalYear(fiscalYearStart: start))
            }
        }
    }

    @Test func theYearlyPagesAndThePortfolioGroupMonthsByFiscalYear() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content"), site = root.appendingPathComponent("site")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: 3, months: 14, seed: 5), to: content.path)
        let settings = content.appendingPathComponent("yardstick.yml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        #expect(text.contains("fiscal_year_start: 1\n") && text.contains("as_of: 2026-12\n"))
        try Data(text.replacingOccurrences(of: "fiscal_year_start: 1\n", with: "fiscal_year_start: 4\n").utf8).write(to: settings)
        let templates = TestSupport.packageRoot.appendingPathComponent("templates").path
        let outcome = SiteBuilder.build(BuildOptions(content: content.path, output: site.path, templates: templates))
        #expect(!outcome.failed, "\(outcome.diagnostics.filter { $0.severity == .error }.prefix(3).map(\.description))")

        func page(_ path: String) throws -> String {
            try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
        }
        func reviews(_ html: String) -> [String] {
            html.matches(of: /reviews\/(\d{4}-Q\d)\/index\.html/).map { String($0.1) }
        }
        // The 14 report months, November 2025 to December 2026, span fiscal 2026 (April 2025 to March 2026) and 2027.
        let years = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("years").path).sorted()
        #expect(years == ["2026", "2027"])
        let fiscal2026 = try page("years/2026/index.html"), fiscal2027 = try page("years/2027/index.html")
        #expect(fiscal2026.contains("<h1>FY2026: the year in review (April 2025 to March 2026)</h1>"))
        #expect(reviews(fiscal2026) == ["2026-Q3", "2026-Q4"])
        #expect(reviews(fiscal2027) == ["2027-Q1", "2027-Q2", "2027-Q3"])
        let portfolio = try page("index.html")
        #expect(portfolio.contains("<a href=\"years/2027/index.html\">FY2027</a>"))
        #expect(portfolio.contains("<a href=\"years/2026/index.html\">FY2026</a>"))
    }
}
