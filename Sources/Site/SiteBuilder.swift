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
        /// Seconds spent in each step that ran.
        public var timings: [(step: BuildStep, seconds: Double)] = []
        /// The page that took longest to render, and how long.
        public var slowestPage: (path: String, seconds: Double)?
        /// Whether the build stopped on errors.
        public var failed: Bool { diagnostics.hasErrors }
    }

    /// Runs `work`, adding its duration to `timings`.
    static func timed<T>(_ step: BuildStep, _ timings: inout [(step: BuildStep, seconds: Double)], _ work: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer { timings.append((step, (clock.now - start).seconds)) }
        return try work()
    }

    /// The day used for drafts: every input counts.
    static let draftCutoff = Day(year: 9999, month: 12, day: 31)

    /// Loads and analyses without writing: what `yardstick check` runs.
    public static func check(content: String, log: (String) -> Void = { _ in }) -> Outcome {
        log(BuildStep.loading.label)
        let loaded = ContentLoader.load(directory: content)
        guard let portfolio = loaded.portfolio else { return Outcome(diagnostics: loaded.diagnostics, fileCount: 0) }
        log(BuildStep.analysing.label)
        let integrity = EditionInputs.integrity(portfolio.editions, inputFiles: loaded.inputFiles, content: content, portfolio: portfolio)
        guard integrity.isEmpty else { return Outcome(diagnostics: loaded.diagnostics + integrity, fileCount: 0) }
        let reports = analyse(portfolio).current
        return Outcome(diagnostics: loaded.diagnostics + analysisDiagnostics(reports, content: content), fileCount: 0)
    }

    /// Builds the site; on any error nothing is written and the previous site stays as it was.
    public static func build(_ options: BuildOptions, log: (String) -> Void = { _ in }) -> Outcome {
        var timings: [(step: BuildStep, seconds: Double)] = []
        log(BuildStep.loading.label)
        let (loaded, (templates, templateDiagnostics)) = timed(.loading, &timings) {
            (ContentLoader.load(directory: options.content), TemplateLoader.load(directory: options.templates))
        }
        var diagnostics = loaded.diagnostics + templateDiagnostics
        guard let portfolio = loaded.portfolio, let templates, !diagnostics.hasErrors else {
            return Outcome(diagnostics: diagnostics, fileCount: 0, timings: timings)
        }
        diagnostics += EditionInputs.integrity(portfolio.editions, inputFiles: loaded.inputFiles, content: options.content, portfolio: portfolio)
        guard !diagnostics.hasErrors else { return Outcome(diagnostics: diagnostics, fileCount: 0, timings: timings) }
        log(BuildStep.analysing.label)
        let analyses = timed(.analysing, &timings) { analyse(portfolio, progress: options.progress) }
        diagnostics += analysisDiagnostics(analyses.current, content: options.content)

        log(BuildStep.rendering.label)
        let (files, slowest, hashes) = timed(.rendering, &timings) {
            render(portfolio, analyses: analyses, templates: templates,
                   inputs: inputFingerprint(loaded.inputFiles, content: options.content), progress: options.progress)
        }
        log(BuildStep.writing.label + " (\(files.count) files to \(options.output))")
        do {
            try timed(.writing, &timings) { try OutputWriter.write(files, hashes: hashes, to: options.output) }
        } catch let failure as OutputWriter.Failure {
            diagnostics.append(failure.diagnostic)
            return Outcome(diagnostics: diagnostics, fileCount: 0, timings: timings)
        } catch {
            diagnostics.append(.error("write-failed", "could not write the site: \(error)", at: SourceLocation(path: options.output)))
            return Outcome(diagnostics: diagnostics, fileCount: 0, timings: timings)
        }
        return Outcome(diagnostics: diagnostics, fileCount: files.count, timings: timings, slowestPage: slowest)
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
    static func analyse(_ portfolio: Portfolio, progress: (@Sendable (BuildStep, Int, Int) -> Void)? = nil) -> AnalysisSet {
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
        // Jobs sharing a project and a cut-off share one resolution of the snapshots: drafts all use the draft cut-off.
        let groups = Dictionary(grouping: jobs) { "\($0.project.id)|\($0.edition?.cutoff ?? draftCutoff)" }
            .sorted { $0.key < $1.key }.map(\.value)
        let counter = ProgressCounter(step: .analysing, total: jobs.count, report: progress)
        let analyses = Parallel.map(groups) { group -> [MonthlyAnalysis] in
            let analyzer = ProjectAnalyzer(project: group[0].project, portfolioEvents: portfolio.events, fiscalYearStart: settings.fiscalYearStart)
            let data = analyzer.data(cutoff: group[0].edition?.cutoff ?? draftCutoff, through: group.map(\.month).max()!)
            return group.map { job in
                defer { counter.tick() }
                var analysis = analyzer.analyse(month: job.month, data: data)
                analysis.edition = job.edition?.version
                analysis.previousEditions = job.edition.map { edition in
                    (editionsByMonth[job.month] ?? []).map(\.version).filter { $0 < edition.version }
                } ?? []
                return analysis
            }
        }.flatMap { $0 }
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
    static func render(_ portfolio: Portfolio, analyses: AnalysisSet, templates: TemplateSet, inputs: String,
                       progress: (@Sendable (BuildStep, Int, Int) -> Void)? = nil)
        -> ([RenderedFile], (path: String, seconds: Double)?, [String: String])
    {
        let renderer = SiteRenderer(templates: templates, settings: portfolio.settings)
        let reports = analyses.current
        let pairs = reports.flatMap { report in report.months.map { (report.project, $0) } }
        let frozen = analyses.editions.flatMap { edition in edition.analyses.map { ($0.0, $0.1, "\(edition.edition.month)/v\(edition.edition.version)/") } }
        let latestEditions = Dictionary(portfolio.editions.map { ($0.month, $0.version) }, uniquingKeysWith: { max($0, $1) })
        let jobs = pairs.map { ($0.0, $0.1, "\($0.1.month)/") } + frozen
        let counter = ProgressCounter(step: .rendering, total: jobs.count + reports.count, report: progress)
        let clock = ContinuousClock()
        let timed = Parallel.map(jobs) { project, analysis, directory in
            defer { counter.tick() }
            let start = clock.now
            let files = renderer.projectMonth(analysis, project: project, directory: directory)
            return (files, (clock.now - start).seconds)
        }
        var files = timed.flatMap(\.0)
        let slowestIndex = timed.indices.max { timed[$0].1 < timed[$1].1 }
        var slowest = slowestIndex.map { (path: timed[$0].0[0].path, seconds: timed[$0].1) }
        let projectPages = Parallel.map(reports) { report in
            defer { counter.tick() }
            let start = clock.now
            let analyzer = ProjectAnalyzer(project: report.project, portfolioEvents: portfolio.events, fiscalYearStart: portfolio.settings.fiscalYearStart)
            let table = report.months.last.map { analyzer.dataTable(through: $0.month, cutoff: $0.cutoff) } ?? []
            let pages = renderer.projectPages(report, dataTable: table, editions: latestEditions)
            return (pages, (clock.now - start).seconds)
        }
        files += projectPages.flatMap(\.0)
        if let page = projectPages.max(by: { $0.1 < $1.1 }), page.1 > (slowest?.seconds ?? 0), let first = page.0.first {
            slowest = (first.path + " (with the methodology page)", page.1)
        }
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
        let (manifestFile, hashes) = manifest(files, inputs: inputs)
        files.append(manifestFile)
        return (files, slowest, hashes)
    }

    /// `manifest.json`: the generator, the input fingerprint and the SHA-256 of every other file.
    static func manifest(_ files: [RenderedFile], inputs: String) -> (RenderedFile, [String: String]) {
        let hashes = Parallel.map(files) { SHA256.hex($0.bytes) }
        let entries = zip(files, hashes).map { ($0.path, JSONValue.string($1)) }
        let json = JSONValue.object([("generator", .string(Generator.name)), ("content", .string(inputs)), ("files", .object(entries))])
        return (RenderedFile(path: "manifest.json", text: json.serialized()),
                Dictionary(zip(files.map(\.path), hashes), uniquingKeysWith: { a, _ in a }))
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Counts finished work items across threads and reports them, at most every 1 % of the total.
final class ProgressCounter: @unchecked Sendable {
    private let step: BuildStep
    private let total: Int
    private let report: (@Sendable (BuildStep, Int, Int) -> Void)?
    private let lock = NSLock()
    private var done = 0

    init(step: BuildStep, total: Int, report: (@Sendable (BuildStep, Int, Int) -> Void)?) {
        self.step = step
        self.total = total
        self.report = report
    }

    func tick() {
        guard let report else { return }
        lock.lock()
        done += 1
        let current = done
        lock.unlock()
        if current == total || current % max(1, total / 100) == 0 { report(step, current, total) }
    }
}
