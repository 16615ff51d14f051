import Analysis
import Model

/// The yearly look at the programme (`year.mustache`).
struct YearView: Sendable {
    struct ProjectEntry: Sendable {
        var title: String
        var link: String
        var status: String
        var statusClass: String
        var statusIcon: String
        var effect: String
        var cumulativeNet: String
        var decisions: String
        var sparkHTML: String
    }
    struct Link: Sendable { var label: String; var link: String }

    var page: PageFrame
    var heading: String
    var summary: String
    var projects: [ProjectEntry]
    var reviews: [Link]

    static func make(year: Int, reports: [SiteRenderer.ProjectReports], settings: SiteSettings, quarters: [Quarter], root: String) -> YearView {
        var counts: [Status: Int] = [:]
        let entries = reports.compactMap { report -> ProjectEntry? in
            guard let analysis = report.months.last(where: { $0.month.year == year }) else { return nil }
            let contract = report.project.contract
            let unit = contract.outcome?.unit ?? ""
            counts[analysis.attribution.status, default: 0] += 1
            let (statusClass, icon) = SummaryView.statusStyle(analysis.attribution.status)
            let decisions = report.project.decisions.filter { $0.date.year == year }.map { "\($0.review): \($0.decision.words)" }
            return ProjectEntry(
                title: contract.title, link: root + "\(analysis.month)/\(report.project.id)/index.html",
                status: "\(analysis.attribution.status.words) (\(Format.shortMonth(analysis.month)))", statusClass: statusClass, statusIcon: icon,
                effect: analysis.attribution.effect.map { Format.effect($0, unit: unit) } ?? "—",
                cumulativeNet: analysis.money?.cumulativeNet.map { Format.money($0, currency: settings.currency) } ?? "unknown",
                decisions: decisions.isEmpty ? "none recorded" : decisions.joined(separator: "; "),
                sparkHTML: Sparkline.svg(analysis.outcomeSeries.filter { $0.0.year == year }.map(\.1), label: contract.outcome?.name ?? "Outcome").markup)
        }
        let summary = Status.allCases.compactMap { status in counts[status].map { "\($0) \(status.words)" } }.joined(separator: " · ")
        return YearView(page: PageFrame(settings: settings, root: root, title: "\(year) in review"), heading: "\(year): the year in review",
                        summary: entries.isEmpty ? "No project reported this year." : "\(entries.count) project\(entries.count == 1 ? "" : "s"): " + summary,
                        projects: entries, reviews: quarters.map { Link(label: $0.description, link: root + "reviews/\($0)/index.html") })
    }
}
