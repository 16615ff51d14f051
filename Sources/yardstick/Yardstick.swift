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
        subcommands: [Build.self, Check.self, Publish.self, Init.self]
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

    func run() throws {
        let quiet = self.quiet || format == .json
        let outcome = SiteBuilder.build(BuildOptions(content: content, output: output, templates: templates)) { step in
            if !quiet { print(step) }
        }
        report(outcome.diagnostics, format: format)
        if outcome.failed { throw ExitCode(1) }
        if !quiet { print("Wrote \(outcome.fileCount) files to \(output)") }
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
