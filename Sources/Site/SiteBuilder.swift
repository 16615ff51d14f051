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
        /// Projects analysed and rendered afresh, and projects whose pages were kept from the previous build.
        public var projectsBuilt = 0, projectsKept = 0
        /// Whether nothing had changed, so the site was left as it was.
        public var upToDate = false
        /// Input files read to fingerprint them (new or changed since the previous build), of all input files.
        public var inputsHashed = 0, inputsScanned = 0
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
        let reports = analyse(portfolio, reportingMonth: reportingMonth(portfolio), latestOnly: true).current
        return Outcome(diagnostics: loaded.diagnostics + analysisDiagnostics(reports).sorted { $0.key < $1.key }.flatMap(\.value), fileCount: 0)
    }

    /// Builds the site; on any error nothing is written and the previous site stays as it was.
    ///
    /// Incremental: projects whose folders are byte-for-byte as at the previous build (and with the same shared
    /// inputs, executable and reporting month) are neither loaded nor analysed, their pages are linked from the
    /// previous site, and the portfolio-wide pages are rebuilt from their kept digests; the result is the same
    /// bytes as a clean build (see `BuildCache`).
    public static func build(_ options: BuildOptions, log: (String) -> Void = { _ in }) -> Outcome {
        var timings: [(step: BuildStep, seconds: Double)] = []
        // Before any work: an output that is a file or holds other files is never replaced.
        if let refusal = OutputWriter.refusal(options.output) { return Outcome(diagnostics: [refusal], fileCount: 0) }
        log(BuildStep.loading.label)
        // The cache, the check of the kept pages and the cache's update count under loading and writing, so that
        // `--verbose` accounts for the whole build.
        let cache = options.incremental ? timed(.loading, &timings) { BuildCache.load(for: options.output) } : nil
        let scan = timed(.loading, &timings) { InputScan(content: options.content, templates: options.templates, output: options.output, previous: cache?.files ?? []) }
        // Every outcome also says how many inputs had to be read.
        func outcome(diagnostics: [Diagnostic], fileCount: Int, timings: [(step: BuildStep, seconds: Double)],
                     slowestPage: (path: String, seconds: Double)? = nil, projectsBuilt: Int = 0, projectsKept: Int = 0,
                     upToDate: Bool = false) -> SiteBuilder.Outcome {
            Outcome(diagnostics: diagnostics, fileCount: fileCount, timings: timings, slowestPage: slowestPage,
                                projectsBuilt: projectsBuilt, projectsKept: projectsKept, upToDate: upToDate,
                                inputsHashed: scan.hashedCount, inputsScanned: scan.files.count)
        }
        let (sharedInputs, projectPrints) = timed(.loading, &timings) { scan.fingerprints() }
        let shared = SHA256.hex(Array("\(sharedInputs)\n\(options.content)\n\(options.templates)".utf8))
        var kept: [String: BuildCache.ProjectEntry] = [:]
        if let cache, cache.shared == shared, cache.manifest == manifestHash(options.output) {
            // A project is kept when its folder is unchanged and its pages are all still in the site.
            let unchanged = cache.projects.filter { id, entry in projectPrints[id] == entry.fingerprint }.map { $0 }
            let complete = timed(.loading, &timings) {
                Parallel.map(unchanged) { _, entry in entry.outputs.allSatisfy { access(options.output + "/" + $0.path, F_OK) == 0 } }
            }
            kept = Dictionary(uniqueKeysWithValues: zip(unchanged, complete).filter(\.1).map(\.0))
        }
        var (loaded, (templates, templateDiagnostics)) = timed(.loading, &timings) {
            (ContentLoader.load(directory: options.content, skipping: Set(kept.keys)), TemplateLoader.load(directory: options.templates))
        }
        func keptDiagnostics() -> [Diagnostic] { kept.values.flatMap(\.loadDiagnostics) }
        var diagnostics = (loaded.diagnostics + keptDiagnostics() + templateDiagnostics).sortedForDisplay()
        guard var portfolio = loaded.portfolio, let templates, !diagnostics.hasErrors else {
            return outcome(diagnostics: diagnostics, fileCount: 0, timings: timings)
        }
        // The reporting month spans projects: when it moves, every project's months move with it. Each project's
        // latest outcome month is worked out once: the reporting month and the cache both need it.
        var outcomeMonths = latestOutcomeMonths(portfolio.projects)
        var reporting = portfolio.settings.asOf ?? latestOutcomeMonth(outcomeMonths, kept: kept)
        if !kept.isEmpty, reporting?.description != cache?.reportingMonth {
            kept = [:]
            loaded = timed(.loading, &timings) { ContentLoader.load(directory: options.content) }
            diagnostics = (loaded.diagnostics + templateDiagnostics).sortedForDisplay()
            guard let all = loaded.portfolio, !diagnostics.hasErrors else { return outcome(diagnostics: diagnostics, fileCount: 0, timings: timings) }
            portfolio = all
            outcomeMonths = latestOutcomeMonths(portfolio.projects)
            reporting = portfolio.settings.asOf ?? latestOutcomeMonth(outcomeMonths, kept: [:])
        }
        diagnostics += EditionInputs.integrity(portfolio.editions, inputFiles: loaded.inputFiles, content: options.content, portfolio: portfolio,
                                               hashes: scan, skipping: Set(kept.keys))
        guard !diagnostics.hasErrors else { return outcome(diagnostics: diagnostics, fileCount: 0, timings: timings) }

        log(BuildStep.analysing.label)
        let analyses = timed(.analysing, &timings) { analyse(portfolio, reportingMonth: reporting, progress: options.progress) }
        let freshWarnings = analysisDiagnostics(analyses.current)
        var warnings = freshWarnings
        for (id, entry) in kept { warnings[id] = entry.analysisDiagnostics }
        diagnostics += warnings.sorted { $0.key < $1.key }.flatMap(\.value)
        if let cache, portfolio.projects.isEmpty, kept.count == projectPrints.count, kept.count == cache.projects.count,
           cache.sharedOutputs.allSatisfy({ access(options.output + "/" + $0.path, F_OK) == 0 }) {
            // Nothing changed: the site on disk is already what this build would write.
            return outcome(diagnostics: diagnostics, fileCount: cache.projects.values.reduce(0) { $0 + $1.outputs.count } + cache.sharedOutputs.count,
                           timings: timings, projectsKept: kept.count, upToDate: true)
        }

        log(BuildStep.rendering.label)
        let rendered = timed(.rendering, &timings) {
            render(portfolio, analyses: analyses, templates: templates, kept: kept, previous: cache, progress: options.progress)
        }
        var inputs = loaded.inputFiles
        for entry in kept.values { inputs += entry.inputs }
        let (manifestFile, hashes) = timed(.writing, &timings) {
            manifest(rendered.files, kept: kept, keptPages: rendered.keptPages, inputs: inputFingerprint(inputs, content: options.content, scan: scan))
        }
        let files = rendered.files + [manifestFile]
        let carried = kept.values.flatMap(\.outputs) + rendered.keptPages
        log(BuildStep.writing.label + " (\(files.count + carried.count) files to \(options.output))")
        do {
            try timed(.writing, &timings) { try OutputWriter.write(files, carried: carried.map(\.path), hashes: hashes, to: options.output,
                                                         fromScratch: !options.incremental) }
        } catch let failure as OutputWriter.Failure {
            diagnostics.append(failure.diagnostic)
            return outcome(diagnostics: diagnostics, fileCount: 0, timings: timings)
        } catch {
            diagnostics.append(.error("write-failed", "could not write the site: \(error)", at: SourceLocation(path: options.output)))
            return outcome(diagnostics: diagnostics, fileCount: 0, timings: timings)
        }
        if options.incremental {
            let manifestHash = SHA256.hex(manifestFile.bytes)
            var entries = kept
            for (id, project) in rendered.projects {
                guard let load = loaded.projects[id] else { continue }
                entries[id] = BuildCache.ProjectEntry(
                    fingerprint: projectPrints[id] ?? "", inputs: load.inputFiles, loadDiagnostics: load.diagnostics,
                    analysisDiagnostics: freshWarnings[id] ?? [],
                    latestOutcomeMonth: outcomeMonths[id]?.description,
                    outputs: project.outputs.map { BuildCache.Output(path: $0, sha: hashes[$0] ?? "") }, digest: project.digest)
            }
            let next = BuildCache(version: BuildCache.currentVersion, shared: shared, reportingMonth: reporting?.description,
                                  manifest: manifestHash, sharedOutputs: sharedPaths(files.map(\.path) + rendered.keptPages.map(\.path), projects: rendered.projects.values.map(\.outputs))
                                      .map { BuildCache.Output(path: $0, sha: hashes[$0] ?? manifestHash) },
                                  projects: entries, files: scan.recordForNextBuild)
            timed(.writing, &timings) { next.save(for: options.output, rewriting: Set(rendered.projects.keys)) }
        }
        return outcome(diagnostics: diagnostics, fileCount: files.count + carried.count, timings: timings, slowestPage: rendered.slowest,
                       projectsBuilt: rendered.projects.count, projectsKept: kept.count)
    }

    /// The paths of the files that belong to no project.
    static func sharedPaths(_ paths: [String], projects: [[String]]) -> [String] {
        let owned = Set(projects.joined())
        return paths.filter { !owned.contains($0) }
    }

    /// The SHA-256 of the site's manifest.json, or nil when there is none.
    static func manifestHash(_ output: String) -> String? {
        FileManager.default.contents(atPath: output + "/manifest.json").map { SHA256.hex([UInt8]($0)) }
    }

    /// The last month to report: `as_of`, or the last month with outcome data that a later export covers.
    static func reportingMonth(_ portfolio: Portfolio) -> Month? {
        portfolio.settings.asOf ?? latestOutcomeMonth(latestOutcomeMonths(portfolio.projects), kept: [:])
    }

    /// The latest month with outcome data that a later export covers, over loaded and kept projects.
    static func latestOutcomeMonth(_ months: [String: Month], kept: [String: BuildCache.ProjectEntry]) -> Month? {
        (Array(months.values) + kept.values.compactMap { $0.latestOutcomeMonth.flatMap { Month($0) } }).max()
    }

    /// Each project's latest month with outcome data that a later export covers, by project id (projects without
    /// one are left out); projects in parallel.
    static func latestOutcomeMonths(_ projects: [Project]) -> [String: Month] {
        var result: [String: Month] = [:]
        for (project, month) in zip(projects, Parallel.map(projects, latestOutcomeMonth)) { result[project.id] = month }
        return result
    }

    /// A project's latest month with outcome data that a later export of it covers.
    static func latestOutcomeMonth(_ project: Project) -> Month? {
        guard let lastExport = project.snapshots.map(\.exported).max() else { return nil }
        var latest: Month?
        for snapshot in project.snapshots {
            // Packed keys, not rows: a row value would copy its metric and segment names.
            let rows = snapshot.rows
            guard let metric = rows.metrics.firstIndex(of: project.contract.outcomeMetric) else { continue }
            for index in rows.indices {
                let key = rows.key(at: index)
                guard key.metric == metric else { continue }
                let month = key.period.month
                if month.lastDay <= lastExport, month > (latest ?? month.adding(-1)) { latest = month }
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
        /// The methodology page's data table of the last month of each (project, cut-off) analysed, keyed
        /// `project|cut-off|month`, made from the data the analysis resolved anyway.
        var dataTables: [String: [(name: String, values: [Month: Double])]] = [:]
    }

    /// Every project's analysis for every report month and every edition, in parallel; with `latestOnly`, only
    /// each project's last report month (all `check` reports).
    static func analyse(_ portfolio: Portfolio, reportingMonth: Month?, latestOnly: Bool = false,
                        progress: (@Sendable (BuildStep, Int, Int) -> Void)? = nil) -> AnalysisSet {
        guard let asOf = reportingMonth else {
            return AnalysisSet(current: portfolio.projects.map { SiteRenderer.ProjectReports(project: $0, months: []) }, editions: [])
        }
        let settings = portfolio.settings
        let editionsByMonth = Dictionary(grouping: portfolio.editions, by: \.month)
        struct Job: Sendable { var project: Project; var month: Month; var edition: Edition? }
        var jobs: [Job] = []
        for project in portfolio.projects {
            let analyzer = ProjectAnalyzer(project: project, portfolioEvents: portfolio.events, fiscalYearStart: settings.fiscalYearStart)
            let months = analyzer.reportMonths(asOf: asOf)
            for month in latestOnly ? Array(months.suffix(1)) : months {
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
        let analysed = Parallel.map(groups) { group -> (analyses: [MonthlyAnalysis], table: (key: String, rows: [(name: String, values: [Month: Double])])) in
            let analyzer = ProjectAnalyzer(project: group[0].project, portfolioEvents: portfolio.events, fiscalYearStart: settings.fiscalYearStart)
            let cutoff = group[0].edition?.cutoff ?? draftCutoff, last = group.map(\.month).max()!
            let data = analyzer.data(cutoff: cutoff, through: last)
            let table = ("\(group[0].project.id)|\(cutoff)|\(last)", analyzer.dataTable(through: last, data: data))
            return (group.map { job in
                defer { counter.tick() }
                var analysis = analyzer.analyse(month: job.month, data: data)
                analysis.edition = job.edition?.version
                analysis.previousEditions = job.edition.map { edition in
                    (editionsByMonth[job.month] ?? []).map(\.version).filter { $0 < edition.version }
                } ?? []
                return analysis
            }, table)
        }
        // Regrouped by index: a MonthlyAnalysis is a large value, and each copy retains every array in it, so each is
        // copied once more only where a page set takes it.
        let analyses = analysed.flatMap(\.analyses)
        let projects = Dictionary(uniqueKeysWithValues: portfolio.projects.map { ($0.id, $0) })
        // Restatements compare each edition with the one before it, project by project.
        let editionIndex = Dictionary(analyses.indices.compactMap { index in
            analyses[index].edition.map { ("\(analyses[index].project)|\(analyses[index].month)|\($0)", index) }
        }, uniquingKeysWith: { first, _ in first })
        let restatedIndices = analyses.indices.filter { (analyses[$0].edition ?? 0) > 1 }
        let restatements = Parallel.map(restatedIndices) { index -> Restatement? in
            let analysis = analyses[index], version = analysis.edition!
            guard let previous = editionIndex["\(analysis.project)|\(analysis.month)|\(version - 1)"],
                  let project = projects[analysis.project]
            else { return nil }
            return Restatement.between(project: project, old: analyses[previous], new: analysis, previousVersion: version - 1)
        }
        var restatementAt: [Int: Restatement] = [:]
        for (index, restatement) in zip(restatedIndices, restatements) { restatementAt[index] = restatement }
        func restated(_ index: Int) -> MonthlyAnalysis {
            var analysis = analyses[index]
            if let restatement = restatementAt[index] { analysis.restatement = restatement }
            return analysis
        }
        // Each project-month as it currently reads (its latest edition, or the draft), and each edition's analyses.
        var current: [String: [Month: Int]] = [:]
        var editionAnalyses: [String: [(Project, MonthlyAnalysis)]] = [:]
        for index in analyses.indices {
            // Fields read through the array, not a copy of the whole value.
            let id = analyses[index].project, month = analyses[index].month, edition = analyses[index].edition
            if let existing = current[id]?[month], (analyses[existing].edition ?? 0) > (edition ?? 0) {
                // keep the latest edition
            } else {
                current[id, default: [:]][month] = index
            }
            if let version = edition, let project = projects[id] {
                editionAnalyses["\(month)|\(version)", default: []].append((project, restated(index)))
            }
        }
        let editions = portfolio.editions.filter { $0.month <= asOf }.map { edition in
            (edition: edition, analyses: (editionAnalyses["\(edition.month)|\(edition.version)"] ?? []).sorted { $0.0.id < $1.0.id })
        }
        return AnalysisSet(
            current: portfolio.projects.map { project in
                SiteRenderer.ProjectReports(project: project, months: (current[project.id] ?? [:]).sorted { $0.key < $1.key }.map { restated($0.value) })
            },
            editions: editions,
            dataTables: Dictionary(analysed.map { ($0.table.key, $0.table.rows) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Warnings of the latest month of each project, as check output (line 0: they concern the whole project), by project id.
    static func analysisDiagnostics(_ reports: [SiteRenderer.ProjectReports]) -> [String: [Diagnostic]] {
        var result: [String: [Diagnostic]] = [:]
        for report in reports {
            guard let latest = report.months.last else { continue }
            let path = report.project.contract.location.path
            result[report.project.id] = latest.warnings.map {
                Diagnostic(path: path, severity: .warning, code: $0.code, message: "\(latest.month): \($0.message)")
            }
        }
        return result
    }

    /// The portfolio-level warnings of SPEC §4.7.
    static func portfolioWarnings(_ digests: [ProjectDigest]) -> [Warning] {
        digests.contains(where: \.changedCourse) ? [] : [Warning(code: "never-stopped", message: "No project has ever been wound down or changed on the evidence: a program that never stops anything is not really tracking.")]
    }

    /// SHA-256 over the sorted list of (path, SHA-256 of bytes) of every input file: the manifest's `content`.
    static func inputFingerprint(_ paths: [String], content: String, scan: InputScan) -> String {
        var listing = ""
        for path in paths.sorted() {
            let hash = scan.contentHash(path) ?? SHA256.hex(contentsOf: content + "/" + path) ?? SHA256.hex([])
            listing += hash + "  " + path + "\n"
        }
        return SHA256.hex(Array(listing.utf8))
    }

    /// What rendering produced: the new files, the slowest page, per project built its files and digest, and the
    /// portfolio-wide pages kept as they were because nothing they show changed.
    struct Rendered {
        var files: [RenderedFile]
        var keptPages: [BuildCache.Output] = []
        var slowest: (path: String, seconds: Double)?
        var projects: [String: (outputs: [String], digest: ProjectDigest)]
    }

    /// Every file of the site except the manifest, sorted by path: the pages of the analysed projects, and the
    /// portfolio-wide pages from their digests and those of the `kept` projects (whose own pages are not rendered).
    static func render(_ portfolio: Portfolio, analyses: AnalysisSet, templates: TemplateSet, kept: [String: BuildCache.ProjectEntry],
                       previous: BuildCache? = nil, progress: (@Sendable (BuildStep, Int, Int) -> Void)? = nil) -> Rendered {
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
        var outputs: [String: [String]] = [:]
        for ((project, _, _), (files, _)) in zip(jobs, timed) { outputs[project.id, default: []] += files.map(\.path) }
        var files = timed.flatMap(\.0)
        let slowestIndex = timed.indices.max { timed[$0].1 < timed[$1].1 }
        var slowest = slowestIndex.map { (path: timed[$0].0[0].path, seconds: timed[$0].1) }
        var byProject: [String: [(edition: Edition, analysis: MonthlyAnalysis)]] = [:]
        for edition in analyses.editions {
            for (project, analysis) in edition.analyses { byProject[project.id, default: []].append((edition.edition, analysis)) }
        }
        let editionAnalyses = byProject
        let projectPages = Parallel.map(reports) { report in
            defer { counter.tick() }
            let start = clock.now
            let analyzer = ProjectAnalyzer(project: report.project, portfolioEvents: portfolio.events, fiscalYearStart: portfolio.settings.fiscalYearStart)
            let table = report.months.last.map { latest in
                analyses.dataTables["\(report.project.id)|\(latest.cutoff)|\(latest.month)"]
                    ?? analyzer.dataTable(through: latest.month, cutoff: latest.cutoff)
            } ?? []
            let pages = renderer.projectPages(report, dataTable: table, editions: latestEditions)
            let digest = ProjectDigest.make(report, editions: editionAnalyses[report.project.id] ?? [], settings: portfolio.settings)
            return (pages, digest, (clock.now - start).seconds)
        }
        files += projectPages.flatMap(\.0)
        if let page = projectPages.max(by: { $0.2 < $1.2 }), page.2 > (slowest?.seconds ?? 0), let first = page.0.first {
            slowest = (first.path + " (with the methodology page)", page.2)
        }
        var projects: [String: (outputs: [String], digest: ProjectDigest)] = [:]
        for (report, (pages, digest, _)) in zip(reports, projectPages) {
            projects[report.project.id] = ((outputs[report.project.id] ?? []) + pages.map(\.path), digest)
        }

        let digests = (projectPages.map(\.1) + kept.values.map(\.digest)).sorted { $0.id < $1.id }
        let months = Array(Set(digests.flatMap(\.months))).sorted()
        let warnings = portfolioWarnings(digests)
        let keptPages = unchangedPages(fresh: projectPages.map(\.1), all: digests, months: months, warnings: warnings, kept: kept, previous: previous)
        let unchanged = Set(keptPages.map(\.path))
        files += Parallel.map(analyses.editions.map(\.edition).filter { !unchanged.contains("\($0.month)/v\($0.version)/index.html") }) { edition in
            renderer.editionPortfolioPage(edition, digests: digests)
        }
        files += renderer.portfolioPages(digests, months: months, editions: latestEditions, warnings: warnings, unchanged: unchanged)
        files += renderer.reviewPages(digests, months: months, unchanged: unchanged)
        files.append(renderer.feed(editions: portfolio.editions, updated: months.last?.lastDay ?? Day(year: 1970, month: 1, day: 1)))
        files.append(renderer.sitemap(pages: files.map(\.path) + unchanged + kept.values.flatMap { $0.outputs.map(\.path) }))
        files.sort { $0.path < $1.path }
        return Rendered(files: files, keptPages: keptPages, slowest: slowest, projects: projects)
    }

    /// The portfolio-wide pages (portfolio, edition, review and year pages) an incremental build can keep from
    /// the previous site: same projects, months and portfolio warnings, and no rebuilt project shows differently
    /// on them. Empty for a clean build.
    static func unchangedPages(fresh: [ProjectDigest], all: [ProjectDigest], months: [Month], warnings: [Warning],
                               kept: [String: BuildCache.ProjectEntry], previous: BuildCache?) -> [BuildCache.Output] {
        guard let previous, !kept.isEmpty else { return [] }
        let before = previous.projects.values.map(\.digest)
        guard Set(all.map(\.id)) == Set(previous.projects.keys), Array(Set(before.flatMap(\.months))).sorted() == months,
              portfolioWarnings(before).map(\.code) == warnings.map(\.code)
        else { return [] }
        var changed: Set<String> = []
        for digest in fresh {
            guard let old = previous.projects[digest.id]?.digest else { return [] }
            changed.formUnion(digest.pagesChanged(since: old, months: months))
        }
        return previous.sharedOutputs.filter { $0.path.hasSuffix("index.html") && !changed.contains($0.path) }
    }

    /// `manifest.json`: the generator, the input fingerprint and the SHA-256 of every other file (the new ones
    /// and those `kept` from the previous site), and the hashes by path.
    static func manifest(_ files: [RenderedFile], kept: [String: BuildCache.ProjectEntry], keptPages: [BuildCache.Output] = [],
                         inputs: String) -> (RenderedFile, [String: String]) {
        let fresh = Parallel.map(files) { SHA256.hex($0.bytes) }
        var hashes = Dictionary(zip(files.map(\.path), fresh), uniquingKeysWith: { a, _ in a })
        for entry in kept.values { for output in entry.outputs { hashes[output.path] = output.sha } }
        for page in keptPages { hashes[page.path] = page.sha }
        let entries = hashes.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }
        let json = JSONValue.object([("generator", .string(Generator.name)), ("content", .string(inputs)), ("files", .object(entries))])
        return (RenderedFile(path: "manifest.json", bytes: json.serializedBytes()), hashes)
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
