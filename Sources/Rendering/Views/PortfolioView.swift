import Analysis
import Model

/// The portfolio pages' view model: every project's standing in one month, for `portfolio.mustache`.
public struct PortfolioView: Sendable {
    struct ProjectRow: Sendable {
        var title: String
        var link: String
        var projectLink: String
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
    struct MonthLink: Sendable { var label: String; var link: String; var edition: String; var editions: [EditionLink] = [] }
    struct EditionLink: Sendable { var label: String; var link: String }
    struct YearGroup: Sendable { var year: String; var yearLink: String; var months: [MonthLink]; var reviews: [MonthLink] }

    var page: PageFrame
    var heading: String
    var monthWords: String
    var rows: [ProjectRow]
    var years: [YearGroup]
    var portfolioWarnings: [SummaryView.WarningItem]
    var hasPortfolioWarnings: Bool

    /// Builds the view of `month` from each project's analysis of it; `root` leads back to the site root.
    static func make(month: Month, analyses: [(Project, MonthlyAnalysis?)], settings: SiteSettings, allMonths: [Month],
                     editions: [Month: Int], root: String, heading: String, portfolioWarnings: [Warning],
                     projectDirectory: String? = nil) -> PortfolioView {
        let directory = projectDirectory ?? "\(month)/"
        let rows = analyses.map { project, analysis -> ProjectRow in
            let contract = project.contract
            let unit = contract.outcome?.unit ?? ""
            guard let analysis else {
                return ProjectRow(title: contract.title, link: root + "projects/\(project.id)/index.html", projectLink: root + "projects/\(project.id)/index.html", method: contract.attribution.method.words,
                                  status: "not launched", statusClass: "neutral", statusIcon: "…", effect: "—", target: contract.target.text,
                                  adoption: "—", system: "—", systemClass: "neutral", net: "—", warnings: "", sparkHTML: "")
            }
            let (statusClass, icon) = SummaryView.statusStyle(analysis.attribution.status)
            let effect = analysis.attribution.effect.map {
                Format.effect($0, unit: unit)
            } ?? "—"
            let net = analysis.money?.net.map { Format.money($0, currency: settings.currency) } ?? "unknown"
            return ProjectRow(
                title: contract.title, link: root + directory + "\(project.id)/index.html", projectLink: root + "projects/\(project.id)/index.html", method: contract.attribution.method.words,
                status: analysis.attribution.status.words, statusClass: statusClass, statusIcon: icon, effect: effect,
                target: analysis.targetEffect.map { Format.signed($0, unit: unit) } ?? contract.target.text,
                adoption: analysis.adoption?.rate.map(Format.percent) ?? "—", system: analysis.system.state.rawValue,
                systemClass: analysis.system.state == .degraded ? "bad" : analysis.system.state == .healthy ? "good" : "neutral",
                net: net, warnings: analysis.warnings.isEmpty ? "" : "⚠ \(analysis.warnings.count)",
                sparkHTML: Sparkline.svg(analysis.outcomeSeries.suffix(24).map(\.1), label: contract.outcome?.name ?? "Outcome").markup)
        }
        func monthLink(_ month: Month) -> MonthLink {
            let links = (1...max(editions[month] ?? 0, 1)).filter { _ in editions[month] != nil }
                .map { EditionLink(label: "v\($0)", link: root + "\(month)/v\($0)/index.html") }
            return MonthLink(label: Format.shortMonth(month), link: root + "\(month)/index.html",
                             edition: editions[month] == nil ? "draft" : "", editions: links)
        }
        func reviewLinks(_ months: [Month]) -> [MonthLink] {
            let quarters: [Quarter] = Array(Set(months.map { $0.quarter(fiscalYearStart: settings.fiscalYearStart) })).sorted()
            return quarters.map { MonthLink(label: "\($0) review", link: root + "reviews/\($0)/index.html", edition: "") }
        }
        let grouped: [YearGroup] = Dictionary(grouping: allMonths, by: \.year).sorted { $0.key > $1.key }.map { year, months in
            YearGroup(year: String(year), yearLink: root + "years/\(year)/index.html", months: months.sorted().map(monthLink),
                      reviews: reviewLinks(months))
        }
        return PortfolioView(page: PageFrame(settings: settings, root: root, title: heading), heading: heading,
                             monthWords: Format.month(month), rows: rows, years: grouped,
                             portfolioWarnings: portfolioWarnings.map { .init(code: $0.code, message: $0.message) },
                             hasPortfolioWarnings: !portfolioWarnings.isEmpty)
    }
}
