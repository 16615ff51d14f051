import Foundation
import Model

/// `yardstick sample`: a seeded synthetic portfolio, as realistic as the example content, for benchmarks and tests.
///
/// Every project launches at the start of the reporting window and reports `months` months up to a fixed `as_of`,
/// after a year of baseline (and up to six more months of history). Projects cycle through the four attribution
/// methods; seven in ten export daily rows. The same options always give the same bytes: each project draws
/// from its own stream of the seed, with arithmetic only, and the text is formatted without Foundation.
public enum SampleGenerator {
    /// What to generate.
    public struct Options: Sendable {
        /// The number of projects.
        public var projects: Int
        /// The number of report months (launch through `as_of`).
        public var months: Int
        /// The seed of every random draw.
        public var seed: UInt64

        /// Creates options.
        public init(projects: Int, months: Int, seed: UInt64) {
            self.projects = projects
            self.months = months
            self.seed = seed
        }
    }

    /// What was written.
    public struct Summary: Sendable {
        /// Files written.
        public var files: Int
        /// Snapshot rows over every export (corrections included).
        public var snapshotRows: Int
        /// Bytes written.
        public var bytes: Int
        /// The `as_of` month of the portfolio.
        public var asOf: Month
    }

    /// Why a sample could not be written.
    public struct Failure: Error {
        /// The diagnostic to show.
        public var diagnostic: Diagnostic
    }

    /// The last month reported; fixed, so that a portfolio depends on its options only.
    public static let asOf = Month(year: 2026, month: 12)
    /// The sizes accepted.
    public static let projectRange = 1...5000, monthRange = 3...120

    /// Writes the portfolio into `directory`, which must not exist or be empty.
    public static func write(_ options: Options, to directory: String) throws(Failure) -> Summary {
        @Sendable func failure(_ code: String, _ message: String) -> Failure {
            Failure(diagnostic: .error(code, message, at: SourceLocation(path: directory)))
        }
        guard projectRange.contains(options.projects), monthRange.contains(options.months) else {
            throw failure("wrong-value", "--projects must be in \(projectRange) and --months in \(monthRange)")
        }
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            throw failure("not-empty", "'\(directory)' exists and is not empty; choose a new directory")
        }
        let root = URL(fileURLWithPath: directory)
        let results = Parallel.map(Array(0..<options.projects)) { index -> Result<(files: Int, rows: Int, bytes: Int), Failure> in
            do {
                var written = (files: 0, rows: 0, bytes: 0)
                for file in projectFiles(index: index, options: options) {
                    try store(file.text, at: root.appendingPathComponent(file.path))
                    written.files += 1
                    written.rows += file.rows
                    written.bytes += file.text.utf8.count
                }
                return .success(written)
            } catch {
                return .failure(failure("write-failed", "could not write \(directory): \(error.localizedDescription)"))
            }
        }
        var summary = Summary(files: 0, snapshotRows: 0, bytes: 0, asOf: asOf)
        for result in results {
            switch result {
            case .success(let written):
                summary.files += written.files
                summary.snapshotRows += written.rows
                summary.bytes += written.bytes
            case .failure(let error):
                throw error
            }
        }
        for (path, text) in portfolioFiles(options) {
            do {
                try store(text, at: root.appendingPathComponent(path))
            } catch {
                throw failure("write-failed", "could not write \(directory): \(error.localizedDescription)")
            }
            summary.files += 1
            summary.bytes += text.utf8.count
        }
        return summary
    }

    /// `yardstick.yml` and `events.yml`.
    static func portfolioFiles(_ options: Options) -> [(String, String)] {
        var random = SeededRandom.stream(seed: options.seed, index: -1)
        let launch = asOf.adding(-(options.months - 1))
        let settings = """
        title: "AI results — Sample portfolio (\(options.projects) projects, seed \(options.seed))"
        organisation: Sample Co
        base_url: /ai-results/
        currency: USD
        fiscal_year_start: 1
        as_of: \(asOf)

        """
        var events = "# Portfolio-wide context events: a top-level list of {date, label}, marked on every chart.\n"
        let span = options.months + 12
        var dated: [(Day, String)] = []
        for label in random.pick(random.int(in: 2...3), of: portfolioEvents) {
            let month = launch.adding(-12 + random.int(in: 0...(span - 1)))
            dated.append((workingDay(Day(year: month.year, month: month.month, day: random.int(in: 1...20))), label))
        }
        for (day, label) in dated.sorted(by: { $0.0 < $1.0 }) { events += "- {date: \(day), label: \(quoted(label))}\n" }
        return [("yardstick.yml", settings), ("events.yml", events)]
    }

    /// One project's files by path relative to the content directory, with each snapshot's row count.
    static func projectFiles(index: Int, options: Options) -> [(path: String, text: String, rows: Int)] {
        var random = SeededRandom.stream(seed: options.seed, index: index)
        let plan = plan(index: index, count: options.projects, months: options.months, asOf: asOf, random: &random)
        let drawn = data(plan, random: &random)
        let base = "projects/\(plan.id)/"
        var files = [(path: base + "contract.yml", text: contract(plan, drawn), rows: 0)]
        for snapshot in snapshots(plan, drawn) {
            files.append((path: base + "snapshots/\(snapshot.day).csv", text: snapshot.text, rows: snapshot.rows))
        }
        for (path, text) in notesAndDecisions(plan, drawn, asOf: asOf, random: &random) {
            files.append((path: base + path, text: text, rows: 0))
        }
        return files
    }

    private static func store(_ text: String, at url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
