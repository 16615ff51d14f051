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

    static func make(quarter: Quarter, digests: [ProjectDigest], settings: SiteSettings, root: String) -> ReviewView {
        let months = quarter.months(fiscalYearStart: settings.fiscalYearStart)
        let entries = digests.compactMap { digest -> ProjectEntry? in
            guard let figures = digest.reviews[quarter.description] else { return nil }
            return ProjectEntry(
                title: figures.title, link: root + "\(figures.month)/\(digest.id)/index.html", target: figures.target,
                status: figures.status, statusClass: figures.statusClass, statusIcon: figures.statusIcon, effect: figures.effect,
                net: figures.net, recommendation: figures.recommendation, decision: figures.decision,
                decisionClass: figures.decisionClass, decisionHTML: figures.decisionHTML)
        }
        return ReviewView(page: PageFrame(settings: settings, root: root, title: "\(quarter) review"), heading: "\(quarter) review",
                          period: "\(Format.month(months[0])) to \(Format.month(months[2]))", projects: entries)
    }
}
