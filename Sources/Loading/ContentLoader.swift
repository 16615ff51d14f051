import Foundation
import Model

/// Reads a whole content directory into a `Portfolio`, reporting every problem at once.
public enum ContentLoader {
    /// The outcome of a load: the portfolio when there were no errors, and every diagnostic.
    public struct Result: Sendable {
        /// The portfolio; nil when any error was found.
        public var portfolio: Portfolio?
        /// Errors and warnings, sorted for display.
        public var diagnostics: [Diagnostic]
        /// Every input file read, by path relative to the content directory, with its bytes' SHA-256 later.
        public var inputFiles: [String]
        /// Per project loaded: its diagnostics and the input files it read (a subset of the two lists above).
        public var projects: [String: (diagnostics: [Diagnostic], inputFiles: [String])] = [:]
    }

    /// Loads `directory`; paths in diagnostics start with `directory` as given.
    ///
    /// Projects named in `skipping` are not read at all (an incremental build has them already): they are
    /// neither in the portfolio nor in the diagnostics and input files. A site built inside the content directory
    /// (`--content . --output site`) is passed over without a warning.
    public static func load(directory: String, skipping: Set<String> = []) -> Result {
        let log = DiagnosticLog()
        let reader = DirectoryReader(root: directory)
        var inputs: [String] = []
        func display(_ relative: String) -> String { reader.display(relative) }

        guard reader.isDirectory("") else {
            log.error("no-content", "no content directory here; create one with 'yardstick init \(directory)' or pass --content DIR",
                      at: SourceLocation(path: directory))
            return Result(portfolio: nil, diagnostics: log.items, inputFiles: [])
        }

        var settings: SiteSettings?
        if let bytes = reader.read("yardstick.yml") {
            inputs.append("yardstick.yml")
            settings = TextFile.decode(bytes, path: display("yardstick.yml"), log: log)
                .flatMap { YAMLValue.parse($0, path: display("yardstick.yml"), log: log) }
                .flatMap(SettingsLoader.load)
        } else {
            log.error("missing-file", "missing yardstick.yml: every content directory starts with the site settings (title, base_url, …)",
                      at: SourceLocation(path: display("yardstick.yml")))
        }

        var events: [ContextEvent] = []
        if let bytes = reader.read("events.yml") {
            inputs.append("events.yml")
            if let root = TextFile.decode(bytes, path: display("events.yml"), log: log).flatMap({ YAMLValue.parse($0, path: display("events.yml"), log: log) }) {
                events = EventsLoader.load(root, portfolioWide: true)
            }
        }
        var editions: [Edition] = []
        if let bytes = reader.read("editions.yml") {
            if let root = TextFile.decode(bytes, path: display("editions.yml"), log: log).flatMap({ YAMLValue.parse($0, path: display("editions.yml"), log: log) }) {
                editions = EditionsLoader.load(root)
            }
        }
        for name in reader.list("") where !["yardstick.yml", "events.yml", "editions.yml", "projects", "README.md"].contains(name)
            && !name.hasPrefix(".") && !reader.isSiteLink(name) {
            log.warning("unknown-file", "'\(name)' is not part of a content directory and is ignored", at: SourceLocation(path: display(name)))
        }

        var projects: [Project] = []
        let projectIDs = reader.list("projects").filter { !$0.hasPrefix(".") && reader.isDirectory("projects/\($0)") }
        if projectIDs.isEmpty {
            log.error("no-projects", "no projects: add projects/<id>/contract.yml (see 'yardstick new project ID')",
                      at: SourceLocation(path: display("projects")))
        }
        for id in projectIDs where !Identifier.isValid(id) {
            log.error("invalid-id", "project folder '\(id)' must use \(Identifier.rule())", at: SourceLocation(path: display("projects/\(id)")))
        }
        // Projects are independent: read them on all cores, each with its own log.
        let wanted = projectIDs.filter { Identifier.isValid($0) && !skipping.contains($0) }
        let loadedProjects = Parallel.map(wanted) { id -> (Project?, [Diagnostic], [String]) in
            let projectLog = DiagnosticLog()
            var projectInputs: [String] = []
            let project = loadProject(id: id, reader: reader, log: projectLog, inputs: &projectInputs)
            return (project, projectLog.items, projectInputs)
        }
        var perProject: [String: (diagnostics: [Diagnostic], inputFiles: [String])] = [:]
        for (id, (project, diagnostics, projectInputs)) in zip(wanted, loadedProjects) {
            if let project { projects.append(project) }
            log.append(contentsOf: diagnostics)
            inputs += projectInputs
            perProject[id] = (diagnostics.sortedForDisplay(), projectInputs.sorted())
        }

        let portfolio = settings.map { Portfolio(settings: $0, projects: projects, events: events, editions: editions) }
        let diagnostics = log.items.sortedForDisplay()
        return Result(portfolio: diagnostics.hasErrors ? nil : portfolio, diagnostics: diagnostics, inputFiles: inputs.sorted(), projects: perProject)
    }

    private static func loadProject(id: String, reader: DirectoryReader, log: DiagnosticLog, inputs: inout [String]) -> Project? {
        let base = "projects/\(id)"
        let errors = log.errorCount
        let contractPath = base + "/contract.yml"
        guard let bytes = reader.read(contractPath) else {
            log.error("missing-file", "project '\(id)' has no contract.yml: agree the outcome contract first", at: SourceLocation(path: reader.display(contractPath)))
            return nil
        }
        inputs.append(contractPath)
        let loaded = TextFile.decode(bytes, path: reader.display(contractPath), log: log)
            .flatMap { YAMLValue.parse($0, path: reader.display(contractPath), log: log) }
            .flatMap(ContractLoader.load)
        for name in reader.list(base) where !["contract.yml", "snapshots", "feedback", "decisions", "README.md"].contains(name) && !name.hasPrefix(".") {
            log.warning("unknown-file", "'\(name)' is not part of a project folder and is ignored", at: SourceLocation(path: reader.display(base + "/" + name)))
        }

        var snapshots: [Snapshot] = []
        let expectations = loaded.map { SnapshotLoader.Expectations(metrics: Set($0.contract.metrics.map(\.id)), segments: $0.segments) }
        for name in reader.list(base + "/snapshots") where !name.hasPrefix(".") {
            let relative = "\(base)/snapshots/\(name)"
            let path = reader.display(relative)
            guard let day = SnapshotLoader.exportDay(name, path: path, log: log), let file = reader.open(relative) else { continue }
            inputs.append(relative)
            guard let expectations else { continue }
            if let snapshot = SnapshotLoader.load(file, exported: day, path: path, expecting: expectations, log: log) {
                snapshots.append(snapshot)
            }
        }
        var notes: [FeedbackNote] = []
        for folder in ["feedback", "decisions"] {
            for name in reader.list(base + "/" + folder) where !name.hasPrefix(".") && !name.hasSuffix(".md") {
                log.warning("unknown-file", "'\(name)' is ignored: notes and decisions are Markdown files named '<YYYY-MM-DD>-<slug>.md'",
                            at: SourceLocation(path: reader.display("\(base)/\(folder)/\(name)")))
            }
        }
        for name in reader.list(base + "/feedback") where !name.hasPrefix(".") && name.hasSuffix(".md") {
            let relative = "\(base)/feedback/\(name)"
            guard let bytes = reader.read(relative) else { continue }
            inputs.append(relative)
            if let note = NoteLoader.loadNote(bytes, fileName: name, path: reader.display(relative), log: log) { notes.append(note) }
        }
        var decisions: [Decision] = []
        for name in reader.list(base + "/decisions") where !name.hasPrefix(".") && name.hasSuffix(".md") {
            let relative = "\(base)/decisions/\(name)"
            guard let bytes = reader.read(relative) else { continue }
            inputs.append(relative)
            if let decision = NoteLoader.loadDecision(bytes, fileName: name, path: reader.display(relative), log: log) { decisions.append(decision) }
        }
        guard let (contract, _) = loaded, log.errorCount == errors else { return nil }
        checkCoverage(contract, snapshots: snapshots, path: reader.display(contractPath), log: log)
        guard log.errorCount == errors else { return nil }
        return Project(id: id, contract: contract, snapshots: snapshots, notes: notes, decisions: decisions)
    }

    /// Every metric and segment the contract relies on must appear in some snapshot.
    private static func checkCoverage(_ contract: OutcomeContract, snapshots: [Snapshot], path: String, log: DiagnosticLog) {
        var metrics: Set<String> = []
        var outcomeSegments: Set<String> = []
        for snapshot in snapshots {
            // By name positions rather than names: a snapshot may have millions of rows and a few dozen names.
            let rows = snapshot.rows
            var metricIDs = Set<Int>(), outcomeSegmentIDs = Set<Int>()
            let outcomeID = rows.metrics.firstIndex(of: contract.outcomeMetric)
            for index in rows.indices {
                let key = rows.key(at: index)
                metricIDs.insert(key.metric)
                if key.metric == outcomeID { outcomeSegmentIDs.insert(key.segment) }
            }
            metrics.formUnion(metricIDs.map { rows.metrics[$0] })
            outcomeSegments.formUnion(outcomeSegmentIDs.map { rows.segments[$0] })
        }
        var needed: [(String, String)] = [(contract.outcomeMetric, "the outcome metric")]
        if let adoption = contract.adoption {
            needed.append((adoption.metric, "the adoption metric"))
            if case .metric(let eligible) = adoption.eligible { needed.append((eligible, "the eligible-population metric")) }
        }
        if let volume = contract.value?.volume { needed.append((volume, "the volume metric")) }
        for covariate in contract.attribution.covariates { needed.append((covariate, "a covariate")) }
        let location = contract.metric(contract.outcomeMetric)?.location ?? SourceLocation(path: path)
        for (metric, role) in needed where !metrics.contains(metric) {
            let at = contract.metric(metric)?.location ?? location
            log.error("missing-metric", "\(role) '\(metric)' has no rows in any snapshot", at: at)
        }
        let attribution = contract.attribution
        let segments: [String] = switch attribution.method {
        case .controlledComparison: attribution.treatment + attribution.control
        case .stagedRollout: attribution.waves.map(\.segment)
        case .regression, .beforeAfter: attribution.treatment.isEmpty ? ["all"] : attribution.treatment
        }
        if metrics.contains(contract.outcomeMetric) {
            for segment in segments where !outcomeSegments.contains(segment) {
                log.error("missing-segment", "the outcome metric '\(contract.outcomeMetric)' has no rows for segment '\(segment)' in any snapshot",
                          at: location)
            }
        }
    }
}
