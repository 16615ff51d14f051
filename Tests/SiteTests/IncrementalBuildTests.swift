import Foundation
import Model
import Site
import Testing

/// Incremental builds: after each kind of edit, a build that reuses the previous one's cache must write exactly
/// the bytes of a clean build of the same content, and must have rebuilt only what the edit touched.
@Suite struct IncrementalBuildTests {
    private let templates = TestSupport.packageRoot.appendingPathComponent("templates").path

    /// Builds `content` into `site` (incrementally unless `clean`).
    private func build(_ content: URL, _ site: URL, clean: Bool = false) -> SiteBuilder.Outcome {
        var options = BuildOptions(content: content.path, output: site.path, templates: templates)
        options.incremental = !clean
        return SiteBuilder.build(options)
    }

    /// Builds `content` incrementally into `site` and cleanly into a fresh folder, and compares every file.
    private func expectSameAsClean(_ content: URL, _ site: URL, _ root: URL, _ edit: String) throws -> SiteBuilder.Outcome {
        let outcome = build(content, site)
        #expect(!outcome.failed, "\(edit): \(outcome.diagnostics.filter { $0.severity == .error }.prefix(3).map(\.description))")
        let reference = root.appendingPathComponent("clean-\(UUID().uuidString)")
        let clean = build(content, reference, clean: true)
        #expect(!clean.failed)
        let incremental = TestSupport.files(in: site), expected = TestSupport.files(in: reference)
        #expect(incremental.keys.sorted() == expected.keys.sorted(), "\(edit): the incremental site has other files")
        for (path, bytes) in expected where incremental[path] != bytes {
            Issue.record("\(edit): \(path) differs from a clean build")
        }
        #expect(outcome.diagnostics == clean.diagnostics, "\(edit): other diagnostics than a clean build")
        try FileManager.default.removeItem(at: reference)
        return outcome
    }

    @Test func everyKindOfEditGivesTheBytesOfACleanBuild() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content"), site = root.appendingPathComponent("site")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: 5, months: 14, seed: 21), to: content.path)
        let projects = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("projects").path).sorted()

        let first = build(content, site)
        #expect(!first.failed && first.projectsKept == 0 && !first.upToDate)

        let again = build(content, site)
        #expect(again.upToDate, "nothing changed, yet the site was rebuilt")
        #expect(again.fileCount == first.fileCount)

        let feedback = content.appendingPathComponent("projects/\(projects[1])/feedback/2026-12-20-floor-walk.md")
        try Data("---\ndate: 2026-12-20\nsource: interview\nauthor: A. Reader\nsentiment: mixed\n---\nA floor walk.\n\n> Still reading the article first.\n".utf8)
            .write(to: feedback)
        let note = try expectSameAsClean(content, site, root, "a new note")
        #expect(note.projectsBuilt == 1 && note.projectsKept == projects.count - 1)

        let snapshots = content.appendingPathComponent("projects/\(projects[2])/snapshots")
        let latest = try FileManager.default.contentsOfDirectory(atPath: snapshots.path).sorted().last!
        let rows = try String(contentsOf: snapshots.appendingPathComponent(latest), encoding: .utf8).split(separator: "\n")
        // A later export repeats the first data row with another value: a restatement.
        let fields = rows[1].split(separator: ",", omittingEmptySubsequences: false)
        let corrected = ([fields[0], fields[1], fields[2], "\((Double(fields[3]) ?? 0) + 1)"] + fields.dropFirst(4)).joined(separator: ",")
        try Data("\(rows[0])\n\(corrected)\n".utf8).write(to: snapshots.appendingPathComponent("2027-01-20.csv"))
        let correction = try expectSameAsClean(content, site, root, "a correcting snapshot")
        #expect(correction.projectsBuilt == 1)

        try FileManager.default.removeItem(at: content.appendingPathComponent("projects/\(projects[3])"))
        let removal = try expectSameAsClean(content, site, root, "a removed project")
        #expect(removal.projectsBuilt == 0 && removal.projectsKept == projects.count - 1)

        try FileManager.default.removeItem(at: site.appendingPathComponent("projects/\(projects[0])/index.html"))
        let damaged = try expectSameAsClean(content, site, root, "a page deleted from the site")
        #expect(damaged.projectsBuilt == 1, "the project whose page vanished is rebuilt")

        // A project's cache file lost (or damaged): that project is rebuilt, the others kept.
        let cacheFile = root.appendingPathComponent(".site.cache/projects/\(projects[4]).bin")
        try Data("not a cache".utf8).write(to: cacheFile)
        let damagedCache = try expectSameAsClean(content, site, root, "a damaged cache file")
        #expect(damagedCache.projectsBuilt == 1 && damagedCache.projectsKept == projects.count - 2)

        let settings = content.appendingPathComponent("yardstick.yml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: ", with: "title: Renamed ").utf8).write(to: settings)
        let renamed = try expectSameAsClean(content, site, root, "new site settings")
        #expect(renamed.projectsKept == 0, "shared inputs changed, so every project is rebuilt")

        #expect(build(content, site).upToDate)
    }

    /// Without `as_of` the reporting month is the last month with outcome data that a later export covers. A later
    /// export that takes one project a month further moves every project's reporting month; after that, a note to
    /// another project rebuilds that project alone: the month of the kept one comes from the cache.
    @Test func withoutAsOfTheReportingMonthFollowsTheDataAndSurvivesAnIncrementalBuild() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content"), site = root.appendingPathComponent("site")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: 3, months: 14, seed: 5), to: content.path)
        let settings = content.appendingPathComponent("yardstick.yml")
        let lines = try String(contentsOf: settings, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("as_of: 2026-12"), "the sample reports on 2026-12")
        try Data(lines.filter { !$0.hasPrefix("as_of:") }.joined(separator: "\n").utf8).write(to: settings)
        let projects = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("projects").path).sorted()

        // One outcome value for 2027-01, exported after that month ended, in the first project only.
        let first = content.appendingPathComponent("projects/\(projects[0])")
        let contract = try String(contentsOf: first.appendingPathComponent("contract.yml"), encoding: .utf8)
        let outcome = try #require(contract.components(separatedBy: "\noutcome:\n  metric: ").dropFirst().first?
            .prefix { $0 != "\n" })
        try Data("period,metric,segment,value\n2027-01,\(outcome),,1\n".utf8)
            .write(to: first.appendingPathComponent("snapshots/2027-02-03.csv"))
        func months(_ site: URL) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix("20") }.sorted()
        }

        let built = build(content, site)
        #expect(!built.failed, "\(built.diagnostics.filter { $0.severity == .error }.prefix(3).map(\.description))")
        #expect(try months(site).last == "2027-01", "the reporting month follows the latest covered outcome month")

        let feedback = content.appendingPathComponent("projects/\(projects[1])/feedback/2027-01-20-floor-walk.md")
        try Data("---\ndate: 2027-01-20\nsource: interview\nauthor: A. Reader\nsentiment: mixed\n---\nA floor walk.\n".utf8)
            .write(to: feedback)
        let note = try expectSameAsClean(content, site, root, "a new note without as_of")
        #expect(note.projectsBuilt == 1 && note.projectsKept == projects.count - 1,
                "the kept project's outcome month should come from the cache, not force a full rebuild")
        #expect(try months(site).last == "2027-01")
    }

    /// An output that is still a plain folder (the layout before the two alternating folders) becomes a link to
    /// a complete site on the first build; a README.md the owner put there is kept.
    /// `--content . --output site`: the site inside the content folder is not an input, so the second build finds
    /// nothing changed (it used to see the first build's pages as new inputs and rebuild everything every time).
    @Test func anOutputInsideTheContentFolderIsNotAnInput() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: 2, months: 14, seed: 5), to: content.path)
        let site = content.appendingPathComponent("site")
        let first = build(content, site)
        #expect(!first.failed && !first.upToDate)
        let again = build(content, site)
        #expect(again.upToDate, "the previous site was taken for changed inputs")
        #expect(again.inputsScanned == first.inputsScanned, "the site's files were scanned as inputs")
        // The same site named through `..`: `URL.standardizedFileURL` resolved links in such a path, and the build
        // took the live `.site.a` for the output, replaced it with a link and left `..site.a.a` beside it.
        let other = build(content, URL(fileURLWithPath: content.path + "/./projects/../site"))
        #expect(other.upToDate)
        let names = try FileManager.default.contentsOfDirectory(atPath: content.path).filter { $0.contains("site") }.sorted()
        #expect(names == [".site.a", ".site.cache", ".site.lock", "site"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.path) == ".site.a")

        // A build that loads content again (a shared file changed) does not warn about the site as a stray file.
        let settings = content.appendingPathComponent("yardstick.yml")
        try (try String(contentsOf: settings, encoding: .utf8) + "\n").write(to: settings, atomically: true, encoding: .utf8)
        let edited = build(content, site)
        #expect(!edited.failed && edited.projectsBuilt == 2)
        #expect(!edited.diagnostics.contains { $0.code == "unknown-file" }, "\(edited.diagnostics.filter { $0.code == "unknown-file" })")
    }

    @Test func aPlainOutputFolderIsReplacedByTheLink() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content"), site = root.appendingPathComponent("site")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: 2, months: 6, seed: 4), to: content.path)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("old-pages"), withIntermediateDirectories: true)
        try Data("kept\n".utf8).write(to: site.appendingPathComponent("README.md"))
        try Data("stale\n".utf8).write(to: site.appendingPathComponent("old-pages/index.html"))
        // A site an older Yardstick wrote straight into the folder says so in its manifest.
        try Data("{\n  \"generator\": \"yardstick 0.0.9\",\n  \"files\": {}\n}\n".utf8).write(to: site.appendingPathComponent("manifest.json"))

        #expect(!build(content, site).failed)
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: site.path)
        #expect(target == ".site.a" || target == ".site.b")
        let files = TestSupport.files(in: site)
        #expect(files["README.md"] == Data("kept\n".utf8))
        #expect(files["old-pages/index.html"] == nil, "a file of the old folder survived")
        #expect(files["manifest.json"] != nil && files["index.html"] != nil)
    }

    /// A file, a folder of other files or a link someone else made at the output is refused before anything is
    /// written, and left exactly as it was (`--output docs` once deleted a folder of the owner's own files).
    @Test func anOutputThatHoldsSomethingElseIsRefusedAndLeftAlone() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: 1, months: 6, seed: 4), to: content.path)
        let docs = root.appendingPathComponent("docs"), file = root.appendingPathComponent("report.pdf")
        let link = root.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: docs.appendingPathComponent("guides"), withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: docs.appendingPathComponent("guides/setup.md"))
        try Data("%PDF\n".utf8).write(to: file)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: docs.path)
        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)

        for (output, expected) in [(docs, "is a folder of files no build wrote (guides)"), (file, "is a file, not a folder"),
                                   (link, "is a link to \(docs.path) that no build made")] {
            let outcome = build(content, output)
            #expect(outcome.failed && outcome.fileCount == 0)
            #expect(outcome.diagnostics.map(\.code) == ["output-not-site"])
            #expect(outcome.diagnostics.first?.message.contains(expected) == true, "\(outcome.diagnostics)")
        }
        #expect(TestSupport.files(in: docs) == ["guides/setup.md": Data("mine\n".utf8)])
        #expect(try Data(contentsOf: file) == Data("%PDF\n".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == docs.path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["content", "docs", "empty", "public", "report.pdf"])
        // An empty folder is taken.
        #expect(!build(content, empty).failed)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: empty.path) == ".empty.a")
    }

    /// A link back up inside the content folder is not followed round: `loop -> ..` once made 6,081 inputs of 161.
    @Test func aLinkBackUpIsNotScannedInCircles() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: 1, months: 6, seed: 4), to: content.path)
        let first = build(content, root.appendingPathComponent("site"), clean: true)
        let project = try #require(try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("projects").path).first)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("projects/\(project)/loop").path,
                                                   withDestinationPath: "..")
        let looped = build(content, root.appendingPathComponent("site2"), clean: true)
        #expect(!looped.failed)
        #expect(looped.inputsScanned == first.inputsScanned)
    }

    @Test func aSecondBuildWithTheCleanFlagRebuildsEverything() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content"), site = root.appendingPathComponent("site")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: 2, months: 6, seed: 4), to: content.path)
        #expect(!build(content, site).failed)
        let clean = build(content, site, clean: true)
        #expect(!clean.upToDate && clean.projectsKept == 0 && clean.projectsBuilt == 2)
    }

    /// A kept project's page is a hard link shared by the live and the spare folder, so an edit made in place in
    /// the live site is in the spare too, and the spare's manifest still vouches for the old bytes: only a build
    /// with `--clean`, which writes every file into a new folder, puts it right.
    @Test func aCleanBuildUndoesAPageEditedInPlace() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content"), site = root.appendingPathComponent("site")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: 2, months: 6, seed: 4), to: content.path)
        #expect(!build(content, site).failed)
        let projects = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("projects").path).sorted()
        try Data("---\ndate: 2026-12-20\nsource: interview\nauthor: A. Reader\nsentiment: mixed\n---\nA floor walk.\n".utf8)
            .write(to: content.appendingPathComponent("projects/\(projects[1])/feedback/2026-12-20-floor-walk.md"))
        #expect(build(content, site).projectsKept == 1)
        let page = site.appendingPathComponent("projects/\(projects[0])/index.html").path
        let original = try #require(FileManager.default.contents(atPath: page))
        let handle = try #require(FileHandle(forWritingAtPath: page))
        try handle.write(contentsOf: Data("edited in place".utf8))
        try handle.close()
        #expect(!build(content, site, clean: true).failed)
        #expect(FileManager.default.contents(atPath: page) == original)
    }
}
