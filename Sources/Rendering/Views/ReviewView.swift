import Analysis
import Model

/// A quarterly review (`review.mustache`): each live project's contract revisited, its standing, the decision or its absence.
struct ReviewView: Sendable {
    struct ProjectEntry: Sendable {
        var title: String
        var link: String
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

    var page: PageFrame
    var heading: String
    var period: String
    var projects: [ProjectEntry]

    static func make(quarter: Quarter, reports: [SiteRenderer.ProjectReports], settings: SiteSettings, root: String) -> ReviewView {
        let months = quarter.months(fiscalYearStart: settings.fiscalYearStart)
        let entries = reports.compactMap { report -> ProjectEntry? in
            guard let analysis = report.months.last(where: { months.contains($0.month) }) else { return nil }
            let contract = report.project.contract
            let unit = contract.outcome?.unit ?? ""
            let (statusClass, icon) = SummaryView.statusStyle(analysis.attribution.status)
            let decision = report.project.decisions.last { $0.review == quarter }
            return ProjectEntry(
                title: contract.title, link: root + "\(analysis.month)/\(report.project.id)/index.html",
                target: "\(contract.target.text) by \(Format.shortMonth(contract.target.by))" + (analysis.amendment.map { "; amended \(Format.day($0.amendment.date)) to \($0.amendment.target?.text ?? "—")" } ?? ""),
                status: analysis.attribution.status.words, statusClass: statusClass, statusIcon: icon,
                effect: analysis.attribution.effect.map { Format.effect($0, unit: unit) } ?? "—",
                net: analysis.money?.cumulativeNet.map { Format.money($0, currency: settings.currency) } ?? "unknown",
                recommendation: "\(analysis.recommendation.move.words) — \(analysis.recommendation.rule)",
                decision: decision.map { "\($0.decision.words), \(Format.day($0.date))" } ?? "No decision recorded for this review",
                decisionClass: decision == nil ? "bad" : "",
                decisionHTML: decision.map { MarkdownRenderer.render($0.body).html } ?? "")
        }
        return ReviewView(page: PageFrame(settings: settings, root: root, title: "\(quarter) review"), heading: "\(quarter) review",
                          period: "\(Format.month(months[0])) to \(Format.month(months[2]))", projects: entries)
    }
}
