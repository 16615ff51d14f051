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

    static func make(year: Int, digests: [ProjectDigest], settings: SiteSettings, quarters: [Quarter], root: String) -> YearView {
        var counts: [Status: Int] = [:]
        let entries = digests.compactMap { digest -> ProjectEntry? in
            guard let figures = digest.years[String(year)] else { return nil }
            counts[figures.state, default: 0] += 1
            return ProjectEntry(
                title: figures.title, link: root + "\(figures.month)/\(digest.id)/index.html", status: figures.status,
                statusClass: figures.statusClass, statusIcon: figures.statusIcon, effect: figures.effect,
                cumulativeNet: figures.cumulativeNet, decisions: figures.decisions, sparkHTML: figures.sparkHTML)
        }
        let summary = Status.allCases.compactMap { status in counts[status].map { "\($0) \(status.words)" } }.joined(separator: " · ")
        let name = Format.year(year, fiscalYearStart: settings.fiscalYearStart)
        var heading = "\(name): the year in review"
        if settings.fiscalYearStart != 1 {
            let first = Quarter(year: year, quarter: 1).months(fiscalYearStart: settings.fiscalYearStart)[0]
            heading += " (\(Format.month(first)) to \(Format.month(first.adding(11))))"
        }
        return YearView(page: PageFrame(settings: settings, root: root, title: "\(name) in review"), heading: heading,
                        summary: entries.isEmpty ? "No project reported this year." : "\(entries.count) project\(entries.count == 1 ? "" : "s"): " + summary,
                        projects: entries, reviews: quarters.map { Link(label: $0.description, link: root + "reviews/\($0)/index.html") })
    }
}
