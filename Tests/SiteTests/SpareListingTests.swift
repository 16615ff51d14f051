import Foundation
import Testing
@testable import Site

/// A build reads only the folders of the spare site that changed since its manifest was written; what it finds
/// must be what reading every folder finds, whatever was done to the folder by hand since.
@Suite struct SpareListingTests {
    /// The status-change time of a new file: a point between the writes before it and those after it.
    static func now(in folder: URL) throws -> timespec {
        let probe = folder.appendingPathComponent("probe-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: probe, contents: Data()))
        var status = stat()
        #expect(stat(probe, &status) == 0)
        unlink(probe)
        return status.st_ctim
    }

    static func write(_ text: String, _ path: URL) throws {
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: path)
    }

    @Test func readingOnlyTheChangedFoldersFindsWhatReadingAllFinds() throws {
        let root = try TestSupport.temporaryDirectory()
        let site = root.appendingPathComponent("site")
        // A site as a build leaves it: files at several depths, a folder holding only a folder.
        var files: [String] = ["index.html", "style.css", "manifest.json", "deep/only/folders/page.html"]
        for month in 1...6 {
            for project in ["alpha", "beta", "gamma"] {
                files += ["2026-0\(month)/\(project)/index.html", "2026-0\(month)/\(project)/methodology/index.html",
                          "2026-0\(month)/\(project)/data/outcome.csv"]
            }
        }
        for file in files { try Self.write(file, site.appendingPathComponent(file)) }
        let manifest = files.filter { $0 != "manifest.json" } + ["manifest.json"]
        // Nothing changed since: every folder but those written in the same tick as the cut-off is trusted unread.
        usleep(20_000)
        let cutoff = try Self.now(in: root)
        usleep(20_000)
        func expectSame(_ what: String) {
            let full = OutputWriter.listing(site.path), quick = OutputWriter.listing(site.path, leftHolding: manifest, changedSince: cutoff)
            #expect(Set(quick.files) == Set(full.files), "\(what): files")
            #expect(quick.files.count == full.files.count, "\(what): a file found twice")
            #expect(quick.folders == full.folders, "\(what): folders")
        }
        expectSame("untouched")
        // The cut-off is honoured: a file added by hand to a trusted folder is missed when the cut-off comes after it.
        try Self.write("by hand", site.appendingPathComponent("2026-01/alpha/extra.html"))
        let later = timespec(tv_sec: cutoff.tv_sec + 3600, tv_nsec: 0)
        #expect(!OutputWriter.listing(site.path, leftHolding: manifest, changedSince: later).files.contains("2026-01/alpha/extra.html"))
        expectSame("a file added")
        unlink(site.appendingPathComponent("2026-02/beta/index.html").path)
        expectSame("a file deleted")
        try FileManager.default.removeItem(at: site.appendingPathComponent("2026-03/gamma"))
        expectSame("a folder deleted")
        try FileManager.default.removeItem(at: site.appendingPathComponent("deep/only"))
        expectSame("a folder of folders deleted")
        try Self.write("stray", site.appendingPathComponent("2026-04/alpha/stray/nested/deeper/file.txt"))
        try Self.write("stray", site.appendingPathComponent("stray-top/file.txt"))
        expectSame("stray folders")
        try FileManager.default.removeItem(at: site.appendingPathComponent("2026-05/beta/methodology"))
        try Self.write("a file where a folder was", site.appendingPathComponent("2026-05/beta/methodology"))
        expectSame("a folder replaced by a file")
        try FileManager.default.moveItem(at: site.appendingPathComponent("2026-06/alpha"), to: root.appendingPathComponent("moved"))
        try FileManager.default.moveItem(at: site.appendingPathComponent("2026-06/beta"), to: site.appendingPathComponent("2026-06/alpha"))
        expectSame("a folder renamed over another")
        unlink(site.appendingPathComponent("manifest.json").path)
        expectSame("the manifest gone")
    }

    /// End to end: pages deleted from and added to the spare by hand while it was live are put right by the build
    /// after next, which gives the bytes of a clean build.
    @Test func handEditsToTheSpareAreUndoneTwoBuildsLater() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content"), site = root.appendingPathComponent("site")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: 2, months: 3, seed: 5), to: content.path)
        let templates = TestSupport.packageRoot.appendingPathComponent("templates").path
        func build() -> SiteBuilder.Outcome {
            SiteBuilder.build(BuildOptions(content: content.path, output: site.path, templates: templates))
        }
        #expect(!build().failed)
        let first = try FileManager.default.destinationOfSymbolicLink(atPath: site.path)
        // The first build's folder is the spare after the second; edit it by hand, then build again onto it.
        let note = content.appendingPathComponent("projects").path
        let project = try FileManager.default.contentsOfDirectory(atPath: note).sorted()[0]
        try Self.write("---\ndate: 2026-12-02\nsource: interview\nauthor: A. Reader\nsentiment: mixed\n---\nOne.\n",
                       content.appendingPathComponent("projects/\(project)/feedback/2026-12-02-one.md"))
        #expect(!build().failed)
        let spare = root.appendingPathComponent(first)
        let pages = try #require(FileManager.default.subpathsOfDirectory(atPath: spare.path).filter { $0.hasSuffix("/index.html") }.sorted().first)
        unlink(spare.appendingPathComponent(pages).path)
        try Self.write("stray", spare.appendingPathComponent("projects/stray/index.html"))
        try Self.write("---\ndate: 2026-12-03\nsource: interview\nauthor: A. Reader\nsentiment: mixed\n---\nTwo.\n",
                       content.appendingPathComponent("projects/\(project)/feedback/2026-12-03-two.md"))
        #expect(!build().failed)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.path) == first)
        let clean = root.appendingPathComponent("clean")
        #expect(!SiteBuilder.build(BuildOptions(content: content.path, output: clean.path, templates: templates)).failed)
        let built = try FileManager.default.subpathsOfDirectory(atPath: site.path + "/").sorted()
        let expected = try FileManager.default.subpathsOfDirectory(atPath: clean.path + "/").sorted()
        #expect(built == expected)
        for path in expected {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: clean.path + "/" + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            #expect(FileManager.default.contents(atPath: site.path + "/" + path) == FileManager.default.contents(atPath: clean.path + "/" + path), "\(path)")
        }
    }
}
