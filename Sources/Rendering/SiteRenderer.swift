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

    /// The monthly summary and report.json of one project-month, written under `directory` (`2026-10/` or `2026-10/v2/`).
    public func projectMonth(_ analysis: MonthlyAnalysis, project: Project, directory: String) -> [RenderedFile] {
        let base = directory + project.id + "/"
        let root = String(repeating: "../", count: base.split(separator: "/").count)
        let view = SummaryView.make(analysis, project: project, settings: settings, root: root)
        return [
            RenderedFile(path: base + "index.html", bytes: templates.renderBytes(view, with: "summary")),
            RenderedFile(path: base + "report.json", bytes: ReportDocument.json(analysis, contract: project.contract, edition: analysis.edition).serializedBytes()),
        ]
    }

    /// The portfolio page of one published edition, `<month>/v<N>/index.html`, as it was published.
    ///
    /// It lists no other months: a frozen page must not change when later months are published.
    public func editionPortfolioPage(_ edition: Edition, digests: [ProjectDigest]) -> RenderedFile {
        let key = "\(edition.month)/v\(edition.version)"
        let rows = digests.compactMap { digest in digest.editionRows[key].map { (digest, Optional($0)) } }
        let view = PortfolioView.make(month: edition.month, rows: rows, settings: settings, allMonths: [], editions: [:],
                                      root: "../../", heading: "\(settings.organisation) · AI results, \(Format.month(edition.month)) · edition \(edition.version)",
                                      portfolioWarnings: [], projectDirectory: "\(edition.month)/v\(edition.version)/")
        return RenderedFile(path: "\(key)/index.html", bytes: templates.renderBytes(view, with: "portfolio"))
    }

    /// A project's home page, its methodology page and the CSV behind each methodology chart.
    public func projectPages(_ report: ProjectReports, dataTable: [(name: String, values: [Month: Double])], editions: [Month: Int]) -> [RenderedFile] {
        let base = "projects/\(report.project.id)/"
        var files = [RenderedFile(path: base + "index.html", bytes: templates.renderBytes(
            ProjectHomeView.make(project: report.project, analyses: report.months, settings: settings, editions: editions), with: "project"))]
        if let latest = report.months.last {
            let (view, charts) = MethodologyView.make(latest, project: report.project, settings: settings, table: dataTable)
            files.append(RenderedFile(path: base + "methodology/index.html", bytes: templates.renderBytes(view, with: "methodology")))
            for chart in charts { files.append(RenderedFile(path: base + "methodology/\(chart.name).csv", text: chart.csv)) }
        }
        return files
    }

    /// Quarterly reviews for every finished or current quarter with a live project, and a yearly page per year.
    /// Pages whose path is in `unchanged` are not rendered (an incremental build keeps them from the previous site).
    public func reviewPages(_ digests: [ProjectDigest], months: [Month], unchanged: Set<String> = []) -> [RenderedFile] {
        let quarters = Array(Set(months.map { $0.quarter(fiscalYearStart: settings.fiscalYearStart) })).sorted()
        var files = Parallel.map(quarters.filter { !unchanged.contains("reviews/\($0)/index.html") }) { quarter in
            RenderedFile(path: "reviews/\(quarter)/index.html", bytes: templates.renderBytes(
                ReviewView.make(quarter: quarter, digests: digests, settings: settings, root: "../../"), with: "review"))
        }
        // Years are fiscal years, like the quarters in them (calendar years when the fiscal year starts in January).
        let years = Set(months.map { $0.fiscalYear(fiscalYearStart: settings.fiscalYearStart) })
        for year in years.sorted() where !unchanged.contains("years/\(year)/index.html") {
            let view = YearView.make(year: year, digests: digests, settings: settings, quarters: quarters.filter { $0.year == year },
                                     root: "../../")
            files.append(RenderedFile(path: "years/\(year)/index.html", bytes: templates.renderBytes(view, with: "year")))
        }
        return files
    }

    /// `sitemap.xml` over the given HTML pages, rooted at `base_url`.
    public func sitemap(pages: [String]) -> RenderedFile {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.sorted() where page.hasSuffix(".html") {
            xml += "  <url><loc>\(HTML.escape(settings.baseURL + page))</loc></url>\n"
        }
        return RenderedFile(path: "sitemap.xml", text: xml + "</urlset>\n")
    }

    /// `feed.xml`: an Atom feed with one entry per published edition, newest first.
    public func feed(editions: [Edition], updated: Day) -> RenderedFile {
        func stamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(HTML.escape(settings.title))</title>\n  <id>urn:yardstick:\(HTML.escape(settings.baseURL))</id>\n"
        xml += "  <updated>\(stamp(editions.map(\.cutoff).max() ?? updated))</updated>\n  <author><name>\(HTML.escape(settings.organisation))</name></author>\n"
        xml += "  <link href=\"\(HTML.escape(settings.baseURL))\"/>\n"
        for edition in editions.sorted(by: { ($0.month, $0.version) > ($1.month, $1.version) }) {
            xml += "  <entry>\n    <title>\(HTML.escape(Format.month(edition.month))), edition \(edition.version)</title>\n"
            xml += "    <id>urn:yardstick:\(HTML.escape(settings.baseURL))\(edition.month)/v\(edition.version)</id>\n"
            xml += "    <updated>\(stamp(edition.cutoff))</updated>\n"
            xml += "    <link href=\"\(HTML.escape(settings.baseURL))\(edition.month)/v\(edition.version)/index.html\"/>\n"
            xml += "    <summary>The \(HTML.escape(Format.month(edition.month))) report, edition \(edition.version > 1 ? "\(edition.version), restating earlier figures" : "1"), data as of \(edition.cutoff).</summary>\n  </entry>\n"
        }
        return RenderedFile(path: "feed.xml", text: xml + "</feed>\n")
    }

    /// The portfolio pages: `index.html` at the latest month and `<month>/index.html` for every month.
    /// Pages whose path is in `unchanged` are not rendered (an incremental build keeps them from the previous site).
    public func portfolioPages(_ digests: [ProjectDigest], months: [Month], editions: [Month: Int], warnings: [Warning],
                               unchanged: Set<String> = []) -> [RenderedFile] {
        var files: [RenderedFile] = []
        @Sendable func analyses(_ month: Month) -> [(ProjectDigest, ProjectDigest.Figures?)] {
            let key = month.description
            return digests.map { ($0, $0.monthRows[key]) }
        }
        // Each lists every project: rendered in parallel, as the project pages are.
        files += Parallel.map(months.filter { !unchanged.contains("\($0)/index.html") }) { month in
            let view = PortfolioView.make(month: month, rows: analyses(month), settings: settings, allMonths: months, editions: editions,
                                          root: "../", heading: "\(settings.organisation) · AI results, \(Format.month(month))",
                                          portfolioWarnings: warnings)
            return RenderedFile(path: "\(month)/index.html", bytes: templates.renderBytes(view, with: "portfolio"))
        }
        if let latest = months.last, !unchanged.contains("index.html") {
            let view = PortfolioView.make(month: latest, rows: analyses(latest), settings: settings, allMonths: months, editions: editions,
                                          root: "", heading: settings.title, portfolioWarnings: warnings)
            files.append(RenderedFile(path: "index.html", bytes: templates.renderBytes(view, with: "portfolio")))
        }
        for (path, bytes) in templates.assets.sorted(by: { $0.key < $1.key }) {
            files.append(RenderedFile(path: "assets/" + path, bytes: bytes))
        }
        return files
    }
}
