import Foundation
import Loading
import Model
import Testing

/// Every broken content tree under `Fixtures/invalid/<case>/` must fail to load with exactly the
/// errors recorded in its `expected.txt`.
///
/// Each case is a whole content directory copied from `Fixtures/valid/tiny` with one fault planted.
/// `expected.txt` holds the error lines as `yardstick check` prints them, with the `<case>/` prefix
/// removed from each path, in the loader's order; warnings are not compared. The expectations are
/// recorded by `Fixtures/invalid/record.sh` and reviewed by eye, never written by hand.
@Suite("Invalid content")
struct InvalidContentTests {
    static let invalidDirectory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("invalid")
    static let tinyDirectory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("valid/tiny")

    /// Every case folder, by name.
    static let caseNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: invalidDirectory.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: invalidDirectory.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }()

    /// Cases where the loader currently reports more than the one planted fault (see the report in
    /// the commit that added them). When the loader is fixed, `oneFaultOneError` starts failing for
    /// that case: drop it from this set and run `record.sh` for it.
    static let knownCascades: Set<String> = []

    /// The error lines of a load, with the content directory's prefix removed from their paths.
    static func errorLines(_ result: ContentLoader.Result, root: String) -> [String] {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return result.diagnostics.filter { $0.severity == .error }.map { diagnostic in
            let line = diagnostic.description
            return line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : line
        }
    }

    /// The recorded lines of a case's `expected.txt`.
    static func expectedLines(_ name: String) throws -> [String] {
        let url = invalidDirectory.appendingPathComponent(name).appendingPathComponent("expected.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    // MARK: - The corpus

    @Test func corpusCoversTheRequiredFaults() {
        #expect(Self.caseNames.count >= 40)
        let required = [
            "yaml-syntax-settings", "yaml-syntax-contract", "yaml-tab-indentation", "yaml-duplicate-key",
            "wrong-type-mapping-baseline", "wrong-type-list-investment", "unknown-layer", "unknown-aggregate",
            "unknown-method", "unknown-metric-in-row", "unknown-segment-in-row", "period-bad-day", "period-bad-month",
            "value-not-a-number", "value-nan", "value-inf", "value-overflow", "value-empty", "duplicate-row-key",
            "ragged-row", "unterminated-quote", "header-typo", "header-missing-column", "empty-snapshot",
            "invalid-utf8-in-csv", "invalid-utf8-in-note", "snapshot-name-bad-date", "note-without-front-matter",
            "note-unclosed-front-matter", "note-unknown-source", "decision-bad-review-quarter", "missing-owner",
            "missing-launch", "missing-outcome-metric", "outcome-metric-undeclared", "covariate-undeclared",
            "project-id-uppercase", "project-id-space", "project-id-dots", "period-after-export-month",
            "missing-metric", "missing-segment", "baseline-ends-after-launch", "missing-settings", "no-projects",
        ]
        for name in required {
            #expect(Self.caseNames.contains(name), "missing case \(name)")
        }
    }

    @Test func everyCaseHasARecordedExpectation() throws {
        for name in Self.caseNames {
            let lines = try Self.expectedLines(name)
            #expect(!lines.isEmpty, "\(name)/expected.txt records no error")
            for line in lines {
                #expect(line.contains(": error: "), "\(name)/expected.txt: '\(line)' is not an error line")
            }
        }
    }

    // MARK: - Each case

    @Test("case fails with exactly its recorded errors", arguments: caseNames)
    func recordedErrors(_ name: String) throws {
        let root = Self.invalidDirectory.appendingPathComponent(name).path
        let result = ContentLoader.load(directory: root)
        let errors = Self.errorLines(result, root: root)
        #expect(errors == (try Self.expectedLines(name)))
        #expect(!errors.isEmpty)
        #expect(result.portfolio == nil)
    }

    @Test("one planted fault gives one error", arguments: caseNames)
    func oneFaultOneError(_ name: String) {
        let root = Self.invalidDirectory.appendingPathComponent(name).path
        let errors = Self.errorLines(ContentLoader.load(directory: root), root: root)
        if Self.knownCascades.contains(name) {
            withKnownIssue("the loader reports a follow-on error for this fault") {
                #expect(errors.count == 1, "\(errors)")
            }
        } else {
            #expect(errors.count == 1, "\(errors)")
        }
    }

    /// Cross-field contract errors point at the field at fault, not at the contract's first line.
    @Test("cross-field contract errors point at the field",
          arguments: [("baseline-ends-after-launch", 19), ("target-before-launch", 20)])
    func crossFieldErrorsPointAtTheField(_ name: String, line: Int) {
        let root = Self.invalidDirectory.appendingPathComponent(name).path
        let errors = ContentLoader.load(directory: root).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.line) == [line])
    }

    /// A duplicated key is reported where it is repeated, naming the line that set it first.
    @Test func duplicateKeyPointsAtTheRepeat() {
        let root = Self.invalidDirectory.appendingPathComponent("yaml-duplicate-key").path
        let errors = ContentLoader.load(directory: root).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.line) == [9])
        #expect(errors.first?.message.contains("already set on line 4") == true)
    }

    // MARK: - Trees git cannot hold

    @Test func emptyContentDirectory() throws {
        try withTemporaryDirectory { root in
            let result = ContentLoader.load(directory: root.path)
            #expect(Self.errorLines(result, root: root.path) == [
                "projects:0:0: error: no projects: add projects/<id>/contract.yml (see 'yardstick new project ID') [no-projects]",
                "yardstick.yml:0:0: error: missing yardstick.yml: every content directory starts with the site settings (title, base_url, …) [missing-file]",
            ])
            #expect(result.portfolio == nil)
            let left = try FileManager.default.contentsOfDirectory(atPath: root.path)
            #expect(left.isEmpty)
        }
    }

    @Test func missingContentDirectory() throws {
        try withTemporaryDirectory { root in
            let missing = root.appendingPathComponent("nowhere").path
            let result = ContentLoader.load(directory: missing)
            #expect(result.diagnostics.map(\.description) == [
                "\(missing):0:0: error: no content directory here; create one with 'yardstick init \(missing)' or pass --content DIR [no-content]",
            ])
            #expect(result.portfolio == nil)
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }

    @Test func emptyProjectsFolder() throws {
        try withTemporaryDirectory { root in
            try FileManager.default.copyItem(at: Self.tinyDirectory.appendingPathComponent("yardstick.yml"),
                                             to: root.appendingPathComponent("yardstick.yml"))
            try FileManager.default.createDirectory(at: root.appendingPathComponent("projects"), withIntermediateDirectories: false)
            let result = ContentLoader.load(directory: root.path)
            #expect(Self.errorLines(result, root: root.path) == [
                "projects:0:0: error: no projects: add projects/<id>/contract.yml (see 'yardstick new project ID') [no-projects]",
            ])
            #expect(result.portfolio == nil)
        }
    }

    @Test func projectsFolderWithOnlyAHiddenFile() throws {
        try withTemporaryDirectory { root in
            try FileManager.default.copyItem(at: Self.tinyDirectory.appendingPathComponent("yardstick.yml"),
                                             to: root.appendingPathComponent("yardstick.yml"))
            let projects = root.appendingPathComponent("projects")
            try FileManager.default.createDirectory(at: projects, withIntermediateDirectories: false)
            try Data().write(to: projects.appendingPathComponent(".gitkeep"))
            let result = ContentLoader.load(directory: root.path)
            #expect(Self.errorLines(result, root: root.path) == [
                "projects:0:0: error: no projects: add projects/<id>/contract.yml (see 'yardstick new project ID') [no-projects]",
            ])
        }
    }
}

/// Runs `body` with a new empty directory that is removed afterwards.
private func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("yardstick-invalid-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try body(root)
}
