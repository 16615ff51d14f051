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

    /// Builds the view of `month` from each project's row that month (nil: not reported); `root` leads back to the site root.
    static func make(month: Month, rows digestRows: [(ProjectDigest, ProjectDigest.Figures?)], settings: SiteSettings, allMonths: [Month],
                     editions: [Month: Int], root: String, heading: String, portfolioWarnings: [Warning],
                     projectDirectory: String? = nil) -> PortfolioView {
        let directory = projectDirectory ?? "\(month)/"
        let rows = digestRows.map { digest, reported -> ProjectRow in
            let figures = reported ?? digest.absent
            let projectLink = root + "projects/\(digest.id)/index.html"
            return ProjectRow(
                title: figures.title, link: reported == nil ? projectLink : root + directory + "\(digest.id)/index.html", projectLink: projectLink,
                method: figures.method, status: figures.status, statusClass: figures.statusClass, statusIcon: figures.statusIcon,
                effect: figures.effect, target: figures.target, adoption: figures.adoption, system: figures.system,
                systemClass: figures.systemClass, net: figures.net, warnings: figures.warnings, sparkHTML: figures.sparkHTML)
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
        let byYear = Dictionary(grouping: allMonths) { $0.fiscalYear(fiscalYearStart: settings.fiscalYearStart) }
        let grouped: [YearGroup] = byYear.sorted { $0.key > $1.key }.map { year, months in
            YearGroup(year: Format.year(year, fiscalYearStart: settings.fiscalYearStart), yearLink: root + "years/\(year)/index.html",
                      months: months.sorted().map(monthLink), reviews: reviewLinks(months))
        }
        return PortfolioView(page: PageFrame(settings: settings, root: root, title: heading), heading: heading,
                             monthWords: Format.month(month), rows: rows, years: grouped,
                             portfolioWarnings: portfolioWarnings.map { .init(code: $0.code, message: $0.message) },
                             hasPortfolioWarnings: !portfolioWarnings.isEmpty)
    }
}
