import Analysis
import Model

/// Turns the portfolio and its analyses into every file of the site.
public struct SiteRenderer: Sendable {
    /// The analyses of one project: each report month, oldest first.
    public struct ProjectReports: Sendable {
        /// The project.
        public var project: Project
        /// Its analysed months.
        public var months: [MonthlyAnalysis]

        /// Creates a project's reports.
        public init(project: Project, months: [MonthlyAnalysis]) {
            self.project = project
            self.months = months
        }
    }

    let templates: TemplateSet
    let settings: SiteSettings

    /// Creates a renderer.
    public init(templates: TemplateSet, settings: SiteSettings) {
        self.templates = templates
        self.settings = settings
    }

    /// The monthly summary and report.json of one project-month.
    public func projectMonth(_ analysis: MonthlyAnalysis, project: Project, edition: Int?) -> [RenderedFile] {
        let base = "\(analysis.month)/\(project.id)/"
        let view = SummaryView.make(analysis, project: project, settings: settings, edition: edition)
        return [
            RenderedFile(path: base + "index.html", text: templates.render(view, with: "summary")),
            RenderedFile(path: base + "report.json", text: ReportDocument.json(analysis, contract: project.contract, edition: edition).serialized()),
        ]
    }

    /// The portfolio pages: `index.html` at the latest month and `<month>/index.html` for every month.
    public func portfolioPages(_ reports: [ProjectReports], months: [Month], editions: [Month: Int], warnings: [Warning]) -> [RenderedFile] {
        var files: [RenderedFile] = []
        func analyses(_ month: Month) -> [(Project, MonthlyAnalysis?)] {
            reports.map { report in (report.project, report.months.first { $0.month == month }) }
        }
        for month in months {
            let view = PortfolioView.make(month: month, analyses: analyses(month), settings: settings, allMonths: months, editions: editions,
                                          root: "../", heading: "\(settings.organisation) · AI results, \(Format.month(month))",
                                          portfolioWarnings: warnings)
            files.append(RenderedFile(path: "\(month)/index.html", text: templates.render(view, with: "portfolio")))
        }
        if let latest = months.last {
            let view = PortfolioView.make(month: latest, analyses: analyses(latest), settings: settings, allMonths: months, editions: editions,
                                          root: "", heading: settings.title, portfolioWarnings: warnings)
            files.append(RenderedFile(path: "index.html", text: templates.render(view, with: "portfolio")))
        }
        for (path, bytes) in templates.assets.sorted(by: { $0.key < $1.key }) {
            files.append(RenderedFile(path: "assets/" + path, bytes: bytes))
        }
        return files
    }
}
