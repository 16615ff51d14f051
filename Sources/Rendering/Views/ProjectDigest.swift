import Analysis
import Model

/// What the portfolio-wide pages (month and edition portfolios, quarterly reviews, yearly looks) show of one
/// project, already formatted.
///
/// Those pages are assembled from digests only, never from analyses, so an incremental build can rebuild them
/// from the digests it kept for unchanged projects and get the same bytes as a clean build.
public struct ProjectDigest: Sendable {
    /// A project's row on a portfolio page, without its links (they depend on where the page is).
    struct Figures: Sendable, Equatable {
        var title: String
        var method: String
        var status: String
        var statusClass: String
        var statusIcon: String
        var effect: String
        var target: String
        var adoption: String
        var system: String
        var systemClass: String
        var net: String
        var warnings: String
        var sparkHTML: String
    }

    /// A project's entry in a quarterly review, and the month it links to.
    struct ReviewFigures: Sendable, Equatable {
        var month: String
        var title: String
        var target: String
        var status: String
        var statusClass: String
        var statusIcon: String
        var effect: String
        var net: String
        var recommendation: String
        var decision: String
        var decisionClass: String
        var decisionHTML: String
    }

    /// A project's entry in a yearly look, the month it links to and its status that month.
    struct YearFigures: Sendable, Equatable {
        var month: String
        var state: Status
        var title: String
        var status: String
        var statusClass: String
        var statusIcon: String
        var effect: String
        var cumulativeNet: String
        var decisions: String
        var sparkHTML: String
    }

    /// The project id.
    public var id: String
    /// The project's report months, oldest first.
    public var months: [Month] { monthRows.keys.compactMap { Month($0) }.sorted() }
    /// Whether a decision ever adjusted or wound the project down (SPEC §4.7 `never-stopped`).
    public var changedCourse: Bool

    /// The row for a month the project does not report.
    var absent: Figures
    /// The row of each report month (`YYYY-MM`), as the project currently reads.
    var monthRows: [String: Figures]
    /// The row of each published edition the project is in (`YYYY-MM/vN`).
    var editionRows: [String: Figures]
    /// The review entry of each quarter (`YYYY-Qn`) the project reports in.
    var reviews: [String: ReviewFigures]
    /// The yearly entry of each calendar year the project reports in.
    var years: [String: YearFigures]

    /// The portfolio-wide pages (paths in the site) on which this digest shows differently than `old`, the
    /// same project's digest from an earlier build; `months` are the report months of the whole site.
    public func pagesChanged(since old: ProjectDigest, months: [Month]) -> Set<String> {
        var pages: Set<String> = []
        let rowsMoved = absent != old.absent
        for month in months.map(\.description) where rowsMoved || monthRows[month] != old.monthRows[month] {
            pages.insert("\(month)/index.html")
            if month == months.last?.description { pages.insert("index.html") }
        }
        for key in Set(editionRows.keys).union(old.editionRows.keys) where editionRows[key] != old.editionRows[key] {
            pages.insert("\(key)/index.html")
        }
        for key in Set(reviews.keys).union(old.reviews.keys) where reviews[key] != old.reviews[key] {
            pages.insert("reviews/\(key)/index.html")
        }
        for key in Set(years.keys).union(old.years.keys) where years[key] != old.years[key] {
            pages.insert("years/\(key)/index.html")
        }
        return pages
    }

    /// The digest of a project's current analyses and of its analyses in published editions.
    public static func make(_ report: SiteRenderer.ProjectReports, editions: [(edition: Edition, analysis: MonthlyAnalysis)],
                            settings: SiteSettings) -> ProjectDigest {
        let project = report.project, contract = project.contract
        var monthRows: [String: Figures] = [:]
        for analysis in report.months { monthRows[analysis.month.description] = figures(analysis, project: project, settings: settings) }
        var editionRows: [String: Figures] = [:]
        for (edition, analysis) in editions {
            editionRows["\(edition.month)/v\(edition.version)"] = figures(analysis, project: project, settings: settings)
        }
        var reviews: [String: ReviewFigures] = [:]
        let quarters = Set(report.months.map { $0.month.quarter(fiscalYearStart: settings.fiscalYearStart) })
        for quarter in quarters {
            let months = quarter.months(fiscalYearStart: settings.fiscalYearStart)
            guard let analysis = report.months.last(where: { months.contains($0.month) }) else { continue }
            reviews[quarter.description] = reviewFigures(analysis, quarter: quarter, project: project, settings: settings)
        }
        var years: [String: YearFigures] = [:]
        let fiscalYearStart = settings.fiscalYearStart
        for year in Set(report.months.map { $0.month.fiscalYear(fiscalYearStart: fiscalYearStart) }) {
            guard let analysis = report.months.last(where: { $0.month.fiscalYear(fiscalYearStart: fiscalYearStart) == year })
            else { continue }
            years[String(year)] = yearFigures(analysis, year: year, project: project, settings: settings)
        }
        let absent = Figures(title: contract.title, method: contract.attribution.method.words, status: "not launched", statusClass: "neutral",
                             statusIcon: "…", effect: "—", target: contract.target.text, adoption: "—", system: "—",
                             systemClass: "neutral", net: "—", warnings: "", sparkHTML: "")
        return ProjectDigest(id: project.id, changedCourse: project.decisions.contains { $0.decision == .adjust || $0.decision == .windDown },
                             absent: absent, monthRows: monthRows, editionRows: editionRows, reviews: reviews, years: years)
    }

    private static func figures(_ analysis: MonthlyAnalysis, project: Project, settings: SiteSettings) -> Figures {
        let contract = project.contract
        let unit = contract.outcome?.unit ?? ""
        let (statusClass, icon) = SummaryView.statusStyle(analysis.attribution.status)
        return Figures(
            title: contract.title, method: contract.attribution.method.words,
            status: analysis.attribution.status.words, statusClass: statusClass, statusIcon: icon,
            effect: analysis.attribution.effect.map { Format.effect($0, unit: unit) } ?? "—",
            target: analysis.targetEffect.map { Format.signed($0, unit: unit) } ?? contract.target.text,
            adoption: analysis.adoption?.rate.map(Format.percent) ?? "—", system: analysis.system.state.rawValue,
            systemClass: analysis.system.state == .degraded ? "bad" : analysis.system.state == .healthy ? "good" : "neutral",
            net: analysis.money?.net.map { Format.money($0, currency: settings.currency) } ?? "unknown",
            warnings: analysis.warnings.isEmpty ? "" : "⚠ \(analysis.warnings.count)",
            sparkHTML: Sparkline.svg(analysis.outcomeSeries.suffix(24).map(\.1), label: contract.outcome?.name ?? "Outcome").markup)
    }

    private static func reviewFigures(_ analysis: MonthlyAnalysis, quarter: Quarter, project: Project, settings: SiteSettings) -> ReviewFigures {
        let contract = project.contract
        let unit = contract.outcome?.unit ?? ""
        let (statusClass, icon) = SummaryView.statusStyle(analysis.attribution.status)
        let decision = project.decisions.last { $0.review == quarter }
        return ReviewFigures(
            month: analysis.month.description, title: contract.title,
            target: "\(contract.target.text) by \(Format.shortMonth(contract.target.by))"
                + (analysis.amendment.map { "; amended \(Format.day($0.amendment.date)) to \($0.amendment.target?.text ?? "—")" } ?? ""),
            status: analysis.attribution.status.words, statusClass: statusClass, statusIcon: icon,
            effect: analysis.attribution.effect.map { Format.effect($0, unit: unit) } ?? "—",
            net: analysis.money?.cumulativeNet.map { Format.money($0, currency: settings.currency) } ?? "unknown",
            recommendation: "\(analysis.recommendation.move.words) — \(analysis.recommendation.rule)",
            decision: decision.map { "\($0.decision.words), \(Format.day($0.date))" } ?? "No decision recorded for this review",
            decisionClass: decision == nil ? "bad" : "",
            decisionHTML: decision.map { MarkdownRenderer.render($0.body).html } ?? "")
    }

    private static func yearFigures(_ analysis: MonthlyAnalysis, year: Int, project: Project, settings: SiteSettings) -> YearFigures {
        let contract = project.contract
        let unit = contract.outcome?.unit ?? ""
        let (statusClass, icon) = SummaryView.statusStyle(analysis.attribution.status)
        let fiscalYearStart = settings.fiscalYearStart
        let decisions = project.decisions.filter { $0.date.calendarMonth.fiscalYear(fiscalYearStart: fiscalYearStart) == year }
            .map { "\($0.review): \($0.decision.words)" }
        return YearFigures(
            month: analysis.month.description, state: analysis.attribution.status, title: contract.title,
            status: "\(analysis.attribution.status.words) (\(Format.shortMonth(analysis.month)))", statusClass: statusClass, statusIcon: icon,
            effect: analysis.attribution.effect.map { Format.effect($0, unit: unit) } ?? "—",
            cumulativeNet: analysis.money?.cumulativeNet.map { Format.money($0, currency: settings.currency) } ?? "unknown",
            decisions: decisions.isEmpty ? "none recorded" : decisions.joined(separator: "; "),
            sparkHTML: Sparkline.svg(analysis.outcomeSeries.filter { $0.0.fiscalYear(fiscalYearStart: fiscalYearStart) == year }.map(\.1),
                                     label: contract.outcome?.name ?? "Outcome").markup)
    }
}
