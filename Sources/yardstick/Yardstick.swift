import ArgumentParser
import Foundation
import Model
import Site

/// The `yardstick` command: argument parsing and exit codes only; the work lives in the Site library.
@main
struct Yardstick: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yardstick",
        abstract: "Keeps AI investments honest: outcome contracts and metric snapshots in, a versioned static site out.",
        version: Generator.version,
        subcommands: [Build.self, Check.self, Publish.self, Serve.self, Init.self, New.self, Sample.self]
    )
}

/// How diagnostics are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints diagnostics and a count to standard error (text) or standard output (JSON lines).
func report(_ diagnostics: [Diagnostic], format: OutputFormat) {
    switch format {
    case .text:
        for diagnostic in diagnostics { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        // Past a screenful, a line per severity with the count of each code, most frequent first, tells what the
        // list holds (363 warnings at 200 projects); the count stays the last line.
        if diagnostics.count > 20 {
            for severity in [Diagnostic.Severity.error, .warning] {
                let counts = Dictionary(grouping: diagnostics.filter { $0.severity == severity }, by: \.code).mapValues(\.count)
                guard !counts.isEmpty else { continue }
                let listed = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }
                FileHandle.standardError.write(Data("\(severity == .error ? "errors" : "warnings") by code: \(listed.joined(separator: ", "))\n".utf8))
            }
        }
        FileHandle.standardError.write(Data("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n".utf8))
    case .json:
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for diagnostic in diagnostics {
            if let data = try? encoder.encode(diagnostic) { print(String(decoding: data, as: UTF8.self)) }
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Analyse the content and write the site.")

    @Option(help: "The content directory.") var content = "content"
    @Option(help: "The output directory.") var output = "site"
    @Option(help: "The templates directory.") var templates = "templates"
    @Option(help: "Diagnostics as text or JSON lines.") var format: OutputFormat = .text
    @Flag(name: .shortAndLong, help: "Print only diagnostics.") var quiet = false
    @Flag(name: .shortAndLong, help: "Also print each step's time and the slowest page.") var verbose = false
    @Option(name: .shortAndLong, help: "Threads to use (default: the number of cores).") var jobs: Int?
    @Flag(help: "Ignore the cache of the previous build and rebuild every project.") var clean = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let quiet = self.quiet || format == .json
        if let jobs { Parallel.workers = jobs }
        var options = BuildOptions(content: content, output: output, templates: templates)
        options.incremental = !clean
        // A progress bar only on a terminal; piped output stays quiet.
        if !quiet, isatty(STDOUT_FILENO) == 1 { options.progress = ProgressBar.shared.update }
        let outcome = SiteBuilder.build(options) { step in
            if !quiet {
                ProgressBar.shared.finishLine()
                print(step)
            }
        }
        ProgressBar.shared.finishLine()
        report(outcome.diagnostics, format: format)
        if verbose, !quiet {
            // A step timed in several parts (loading: the input scan, then the loader) is shown once, in total.
            var steps: [(step: BuildStep, seconds: Double)] = []
            for (step, seconds) in outcome.timings {
                if let index = steps.firstIndex(where: { $0.step == step }) { steps[index].seconds += seconds } else { steps.append((step, seconds)) }
            }
            for (step, seconds) in steps {
                print("  " + step.name.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
            }
            print("  inputs read: \(outcome.inputsHashed) of \(outcome.inputsScanned) files were new or changed")
            if let slowest = outcome.slowestPage { print("  slowest page: \(slowest.path), " + String(format: "%.1f ms", slowest.seconds * 1000)) }
        }
        if outcome.failed { throw ExitCode(1) }
        guard !quiet else { return }
        if outcome.upToDate {
            print("\(output) is up to date (\(outcome.fileCount) files; nothing changed since the last build)")
        } else if outcome.projectsKept > 0 {
            print("Wrote \(outcome.fileCount) files to \(output) (\(outcome.projectsBuilt) project\(outcome.projectsBuilt == 1 ? "" : "s") rebuilt, \(outcome.projectsKept) unchanged)")
        } else {
            print("Wrote \(outcome.fileCount) files to \(output)")
        }
    }
}

/// A one-line progress bar on standard output, redrawn in place.
final class ProgressBar: @unchecked Sendable {
    static let shared = ProgressBar()
    private let lock = NSLock()
    private var drawn = false

    /// Draws `[step] ███░░░ done/total`.
    func update(_ step: BuildStep, _ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardOutput.write(Data("\r  \(bar) \(done)/\(total) \(step == .analysing ? "analyses" : "pages")".utf8))
        drawn = true
    }

    /// Ends the bar's line so the next message starts on its own line.
    func finishLine() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardOutput.write(Data("\n".utf8)) }
        drawn = false
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content and report every problem, writing nothing.")

    @Option(help: "The content directory.") var content = "content"
    @Option(help: "Diagnostics as text or JSON lines.") var format: OutputFormat = .text

    func run() throws {
        let outcome = SiteBuilder.check(content: content)
        report(outcome.diagnostics, format: format)
        if outcome.failed { throw ExitCode(1) }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new content directory with one example project that builds.")

    @Argument(help: "The directory to create.") var directory = "content"

    func run() throws {
        do {
            let written = try Scaffold.create(at: directory)
            print("Created \(directory) with \(written) files. Next: yardstick build --content \(directory)")
        } catch let error as Scaffold.Failure {
            report([error.diagnostic], format: .text)
            throw ExitCode(1)
        }
    }
}

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a month's edition in content/editions.yml: its cut-off day and a fingerprint of every input it used.")

    @Argument(help: "The month to publish, YYYY-MM.") var month: String
    @Option(help: "The cut-off day, YYYY-MM-DD (default: today, UTC).") var date: String?
    @Option(help: "The content directory.") var content = "content"

    func run() throws {
        guard let month = Month(month) else {
            throw ValidationError("'\(self.month)' is not a month YYYY-MM")
        }
        let today = Self.today()
        var cutoff = today
        if let date {
            guard let day = Day(date) else { throw ValidationError("'\(date)' is not a date YYYY-MM-DD that exists") }
            cutoff = day
        }
        let outcome = Publisher.publish(month: month, cutoff: cutoff, today: today, content: content)
        guard let edition = outcome.edition else {
            report(outcome.diagnostics, format: .text)
            throw ExitCode(1)
        }
        print("Published \(edition.month) v\(edition.version) with data as of \(edition.cutoff) (\(edition.inputs.count) input files) in \(content)/editions.yml")
    }

    /// Today's date in UTC: the only clock the tool reads, and only to bound a publish's cut-off.
    static func today() -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

// MARK: - new

/// `yardstick new project|note|decision`: one correctly named content file, its path printed on standard output.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a project, feedback note or decision file with its front matter filled in; prints its path.",
        subcommands: [NewProject.self, NewNote.self, NewDecision.self]
    )

    /// Runs a `NewFile` function: the path on standard output, a hint on standard error, or the refusal and exit 1.
    static func perform(hint: String, _ body: () throws(NewFile.Failure) -> NewFile.Created) throws {
        do {
            let created = try body()
            print(created.path)
            FileHandle.standardError.write(Data((hint + "\n").utf8))
        } catch {
            report([error.diagnostic], format: .text)
            throw ExitCode(1)
        }
    }

    /// Rejects a `--date` that is not a real day, as a usage error.
    static func validate(date text: String?) throws {
        if let text, Day(text) == nil { throw ValidationError("'\(text)' is not a date YYYY-MM-DD that exists") }
    }

    /// The day to write: `--date` when given, else today in UTC.
    static func day(_ text: String?) -> Day {
        text.flatMap { Day($0) } ?? Publish.today()
    }
}

struct NewProject: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Write projects/ID/contract.yml (a commented skeleton that check rejects until its TODOs are filled) and empty snapshots, feedback and decisions folders.")

    @Argument(help: "The project id: lowercase letters, digits and '-'.") var id: String
    @Option(help: "The content directory.") var content = "content"

    func run() throws {
        try New.perform(hint: "Fill in the TODOs, then run: yardstick check --content \(content)") { () throws(NewFile.Failure) in
            try NewFile.project(id: id, content: content)
        }
    }
}

struct NewNote: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Write projects/PROJECT/feedback/<date>-<slug>.md with today's date (UTC) and the contract's owner as author.")

    @Argument(help: "The project id.") var project: String
    @Option(help: "Where the feedback came from: interview, survey, in-product, conversation or other.") var source = "interview"
    @Option(help: "The file-name slug (default: the source); -2, -3, … is added when the name is taken.") var slug: String?
    @Option(help: "The note's day, YYYY-MM-DD (default: today, UTC).") var date: String?
    @Option(help: "The content directory.") var content = "content"

    func validate() throws { try New.validate(date: date) }

    func run() throws {
        let day = New.day(date)
        try New.perform(hint: "Write down what was said, then run: yardstick check --content \(content)") { () throws(NewFile.Failure) in
            try NewFile.note(project: project, source: source, slug: slug, date: day, content: content)
        }
    }
}

struct NewDecision: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision",
        abstract: "Write projects/PROJECT/decisions/<date>-<yyyy>-q<n>-review.md for the review it closes.")

    @Argument(help: "The project id.") var project: String
    @Option(help: "The review this decision closes, YYYY-Qn (fiscal quarter).") var review: String
    @Option(help: "The move taken: expand, continue, adjust or wind-down (default: TODO, which check reports until filled).")
    var decision: String?
    @Option(help: "The decision's day, YYYY-MM-DD (default: today, UTC).") var date: String?
    @Option(help: "The content directory.") var content = "content"

    func validate() throws { try New.validate(date: date) }

    func run() throws {
        let day = New.day(date)
        try New.perform(hint: "Write the rationale, then run: yardstick check --content \(content)") { () throws(NewFile.Failure) in
            try NewFile.decision(project: project, review: review, decision: decision, date: day, content: content)
        }
    }
}

struct Sample: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a seeded synthetic portfolio (all four methods, daily rows, restatements, notes, decisions) for benchmarks.")

    @Option(help: "The number of projects.") var projects = 50
    @Option(help: "The number of report months, launch through as_of.") var months = 36
    @Option(help: "The seed: the same arguments give the same bytes.") var seed: UInt64 = 1
    @Argument(help: "The directory to create (must not exist or be empty).") var directory: String

    func run() throws {
        do {
            let summary = try SampleGenerator.write(SampleGenerator.Options(projects: projects, months: months, seed: seed), to: directory)
            print("Wrote \(summary.files) files (\(summary.snapshotRows) snapshot rows, \(summary.bytes / 1_000_000) MB) to \(directory), as_of \(summary.asOf)")
        } catch {
            report([error.diagnostic], format: .text)
            throw ExitCode(1)
        }
    }
}
