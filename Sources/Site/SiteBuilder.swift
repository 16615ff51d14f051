import Analysis
import Foundation
import Loading
import Model
import Rendering

/// The build pipeline: load → analyse → render → write, each step named in the log.
public enum SiteBuilder {
    /// What a build or check produced.
    public struct Outcome: Sendable {
        /// Every diagnostic, errors first by file.
        public var diagnostics: [Diagnostic]
        /// Files written (0 for a check or a failed build).
        public var fileCount: Int
        /// Whether the build stopped on errors.
        public var failed: Bool { diagnostics.hasErrors }
    }

    /// The day used for drafts: every input counts.
    static let draftCutoff = Day(year: 9999, month: 12, day: 31)

    /// Loads and analyses without writing: what `yardstick check` runs.
    public static func check(content: String, log: (String) -> Void = { _ in }) -> Outcome {
        log(BuildStep.loading.label)
        let loaded = ContentLoader.load(directory: content)
        guard let portfolio = loaded.portfolio else { return Outcome(diagnostics: loaded.diagnostics, fileCount: 0) }
        log(BuildStep.analysing.label)
        let integrity = EditionInputs.integrity(portfolio.editions, inputFiles: loaded.inputFiles, content: content)
        guard integrity.isEmpty else { return Outcome(diagnostics: loaded.diagnostics + integrity, fileCount: 0) }
        let reports = analyse(portfolio).current
        return Outcome(diagnostics: loaded.diagnostics + analysisDiagnostics(reports, content: content), fileCount: 0)
    }

    /// Builds the site; on any error nothing is written and the previous site stays as it was.
    public static func build(_ options: BuildOptions, log: (String) -> Void = { _ in }) -> Outcome {
        log(BuildStep.loading.label)
        let loaded = ContentLoader.load(directory: options.content)
        let (templates, templateDiagnostics) = TemplateLoader.load(directory: options.templates)
        var diagnostics = loaded.diagnostics + templateDiagnostics
        guard let portfolio = loaded.portfolio, let templates, !diagnostics.hasErrors else {
            return Outcome(diagnostics: diagnostics, fileCount: 0)
        }
        diagnostics += EditionInputs.integrity(portfolio.editions, inputFiles: loaded.inputFiles, content: options.content)
        guard !diagnostics.hasErrors else { return Outcome(diagnostics: diagnostics, fileCount: 0) }
        log(BuildStep.analysing.label)
        let analyses = analyse(portfolio)
        diagnostics += analysisDiagnostics(analyses.current, content: options.content)

        log(BuildStep.rendering.label)
        let files = render(portfolio, analyses: analyses, templates: templates, inputs: inputFingerprint(loaded.inputFiles, content: options.content))
        log(BuildStep.writing.label + " (\(files.count) files to \(options.output))")
        do {
            try OutputWriter.write(files, to: options.output)
        } catch {
            diagnostics.append(error.diagnostic)
            return Outcome(diagnostics: diagnostics, fileCount: 0)
        }
        return Outcome(diagnostics: diagnostics, fileCount: files.count)
    }

    /// The last month to report: `as_of`, or the last month with outcome data that a later export covers.
    static func reportingMonth(_ portfolio: Portfolio) -> Month? {
        if let asOf = portfolio.settings.asOf { return asOf }
        var latest: Month?
        for project in portfolio.projects {
            guard let lastExport = project.snapshots.last?.exported else { continue }
            for snapshot in project.snapshots {
                for row in snapshot.rows where row.metric == project.contract.outcomeMetric {
                    let month = row.period.month
                    if month.lastDay <= lastExport, month > (latest ?? month.adding(-1)) { latest = month }
                }
            }
        }
        return latest
    }

    /// The analyses a build renders: each project-month as it currently reads (its latest edition, or the draft),
    /// and every published edition as it was.
    struct AnalysisSet: Sendable {
        /// Per project, the current analysis of each report month.
        var current: [SiteRenderer.ProjectReports]
        /// Per edition, each project's analysis of that month.
        var editions: [(edition: Edition, analyses: [(Project, MonthlyAnalysis)])]
    }

    /// Every project's analysis for every report month and every edition, in parallel.
    static func analyse(_ portfolio: Portfolio) -> AnalysisSet {
        guard let asOf = reportingMonth(portfolio) else {
            return AnalysisSet(current: portfolio.projects.map { SiteRenderer.ProjectReports(project: $0, months: []) }, editions: [])
        }
        let settings = portfolio.settings
        let editionsByMonth = Dictionary(grouping: portfolio.editions, by: \.month)
        struct Job: Sendable { var project: Project; var month: Month; var edition: Edition? }
        var jobs: [Job] = []
        for project in portfolio.projects {
            let analyzer = ProjectAnalyzer(project: project, portfolioEvents: portfolio.events, fiscalYearStart: settings.fiscalYearStart)
            for month in analyzer.reportMonths(asOf: asOf) {
                if let editions = editionsByMonth[month] {
                    jobs += editions.map { Job(project: project, month: month, edition: $0) }
                } else {
                    jobs.append(Job(project: project, month: month, edition: nil))
                }
            }
        }
        let analyses = Parallel.map(jobs) { job in
            var analysis = ProjectAnalyzer(project: job.project, portfolioEvents: portfolio.events, fiscalYearStart: settings.fiscalYearStart)
                .analyse(month: job.month, cutoff: job.edition?.cutoff ?? draftCutoff)
            analysis.edition = job.edition?.version
            analysis.previousEditions = job.edition.map { edition in
                (editionsByMonth[job.month] ?? []).map(\.version).filter { $0 < edition.version }
            } ?? []
            return analysis
        }
        // Restatements compare each edition with the one before it, project by project.
        let byKey = Dictionary(analyses.map { ("\($0.project)|\($0.month)|\($0.edition ?? 0)", $0) }, uniquingKeysWith: { a, _ in a })
        let projects = Dictionary(uniqueKeysWithValues: portfolio.projects.map { ($0.id, $0) })
        let restated = Parallel.map(analyses) { analysis -> MonthlyAnalysis in
            guard let version = analysis.edition, version > 1,
                  let previous = byKey["\(analysis.project)|\(analysis.month)|\(version - 1)"], let project = projects[analysis.project]
            else { return analysis }
            var copy = analysis
            copy.restatement = Restatement.between(project: project, old: previous, new: analysis, previousVersion: version - 1)
            return copy
        }
        var current: [String: [Month: MonthlyAnalysis]] = [:]
        var editionAnalyses: [String: [(Project, MonthlyAnalysis)]] = [:]
        for analysis in restated {
            if let existing = current[analysis.project]?[analysis.month], (existing.edition ?? 0) > (analysis.edition ?? 0) {
                // keep the latest edition
            } else {
                current[analysis.project, default: [:]][analysis.month] = analysis
            }
            if let version = analysis.edition, let project = projects[analysis.project] {
                editionAnalyses["\(analysis.month)|\(version)", default: []].append((project, analysis))
            }
        }
        let editions = portfolio.editions.filter { $0.month <= asOf }.map { edition in
            (edition: edition, analyses: (editionAnalyses["\(edition.month)|\(edition.version)"] ?? []).sorted { $0.0.id < $1.0.id })
        }
        return AnalysisSet(
            current: portfolio.projects.map { project in
                SiteRenderer.ProjectReports(project: project, months: (current[project.id] ?? [:]).values.sorted { $0.month < $1.month })
            },
            editions: editions)
    }

    /// Warnings of the latest month of each project, as check output (line 0: they concern the whole project).
    static func analysisDiagnostics(_ reports: [SiteRenderer.ProjectReports], content: String) -> [Diagnostic] {
        reports.flatMap { report -> [Diagnostic] in
            guard let latest = report.months.last else { return [] }
            let path = report.project.contract.location.path
            return latest.warnings.map {
                Diagnostic(path: path, severity: .warning, code: $0.code, message: "\(latest.month): \($0.message)")
            }
        }
    }

    /// The portfolio-level warnings of SPEC §4.7.
    static func portfolioWarnings(_ portfolio: Portfolio) -> [Warning] {
        let changed = portfolio.projects.contains { project in
            project.decisions.contains { $0.decision == .adjust || $0.decision == .windDown }
        }
        return changed ? [] : [Warning(code: "never-stopped", message: "No project has ever been wound down or changed on the evidence: a program that never stops anything is not really tracking.")]
    }

    /// SHA-256 over the sorted list of (path, SHA-256 of bytes) of every input file: the manifest's `content`.
    static func inputFingerprint(_ paths: [String], content: String) -> String {
        var listing = ""
        for path in paths.sorted() {
            let bytes = FileManager.default.contents(atPath: content + "/" + path).map { [UInt8]($0) } ?? []
            listing += SHA256.hex(bytes) + "  " + path + "\n"
        }
        return SHA256.hex(Array(listing.utf8))
    }

    /// Every file of the site, the manifest last.
    static func render(_ portfolio: Portfolio, analyses: AnalysisSet, templates: TemplateSet, inputs: String) -> [RenderedFile] {
        let renderer = SiteRenderer(templates: templates, settings: portfolio.settings)
        let reports = analyses.current
        let pairs = reports.flatMap { report in report.months.map { (report.project, $0) } }
        let frozen = analyses.editions.flatMap { edition in edition.analyses.map { ($0.0, $0.1, "\(edition.edition.month)/v\(edition.edition.version)/") } }
        let latestEditions = Dictionary(portfolio.editions.map { ($0.month, $0.version) }, uniquingKeysWith: { max($0, $1) })
        var files = Parallel.map(pairs) { project, analysis in
            renderer.projectMonth(analysis, project: project, directory: "\(analysis.month)/")
        }.flatMap { $0 }
        files += Parallel.map(frozen) { project, analysis, directory in
            renderer.projectMonth(analysis, project: project, directory: directory)
        }.flatMap { $0 }
        files += Parallel.map(reports) { report in
            let analyzer = ProjectAnalyzer(project: report.project, portfolioEvents: portfolio.events, fiscalYearStart: portfolio.settings.fiscalYearStart)
            let table = report.months.last.map { analyzer.dataTable(through: $0.month, cutoff: $0.cutoff) } ?? []
            return renderer.projectPages(report, dataTable: table, editions: latestEditions)
        }.flatMap { $0 }
        for edition in analyses.editions {
            let view = edition.analyses.map { ($0.0, Optional($0.1)) }
            files.append(renderer.editionPortfolioPage(edition.edition, analyses: view))
        }
        let months = Array(Set(pairs.map(\.1.month))).sorted()
        files += renderer.portfolioPages(reports, months: months, editions: latestEditions, warnings: portfolioWarnings(portfolio))
        files += renderer.reviewPages(reports, months: months)
        files.append(renderer.feed(editions: portfolio.editions, updated: months.last?.lastDay ?? Day(year: 1970, month: 1, day: 1)))
        files.append(renderer.sitemap(pages: files.map(\.path)))
        files.sort { $0.path < $1.path }
        files.append(manifest(files, inputs: inputs))
        return files
    }

    /// `manifest.json`: the generator, the input fingerprint and the SHA-256 of every other file.
    static func manifest(_ files: [RenderedFile], inputs: String) -> RenderedFile {
        let hashes = Parallel.map(files) { SHA256.hex($0.bytes) }
        let entries = zip(files, hashes).map { ($0.path, JSONValue.string($1)) }
        let json = JSONValue.object([("generator", .string(Generator.name)), ("content", .string(inputs)), ("files", .object(entries))])
        return RenderedFile(path: "manifest.json", text: json.serialized())
    }
}
