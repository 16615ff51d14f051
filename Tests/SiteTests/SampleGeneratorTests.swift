import Foundation
import Model
import Site
import Testing

/// `yardstick sample`: deterministic, valid content that exercises every method.
@Suite struct SampleGeneratorTests {
    /// Writes a sample portfolio into a new temporary directory.
    private func sample(projects: Int, months: Int, seed: UInt64, _ name: String = #function) throws -> URL {
        let directory = try TestSupport.temporaryDirectory(name).appendingPathComponent("content")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: projects, months: months, seed: seed), to: directory.path)
        return directory
    }

    @Test func theSameArgumentsGiveByteIdenticalTrees() throws {
        let first = TestSupport.files(in: try sample(projects: 3, months: 24, seed: 11))
        let second = TestSupport.files(in: try sample(projects: 3, months: 24, seed: 11))
        #expect(first.count > 3 * 24, "expected a contract, monthly exports, notes and decisions per project")
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, bytes) in first { #expect(second[path] == bytes, "\(path) differs between two runs") }

        let reseeded = TestSupport.files(in: try sample(projects: 3, months: 24, seed: 12))
        #expect(reseeded != first, "another seed should give other data")
    }

    @Test func theContentChecksWithoutErrors() throws {
        let content = try sample(projects: 3, months: 24, seed: 11)
        let outcome = SiteBuilder.check(content: content.path)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(5).map(\.description))")
    }

    /// Four projects are the fewest that can carry the four methods (projects cycle through them); the content
    /// must also have daily rows, restatements, block quotes and `as_of`.
    @Test func everyMethodAndEveryKindOfRowAppears() throws {
        let content = try sample(projects: 4, months: 24, seed: 11)
        let files = TestSupport.files(in: content)
        let text = files.mapValues { String(decoding: $0, as: UTF8.self) }

        let methods = Set(text.filter { $0.key.hasSuffix("/contract.yml") }.values.compactMap { contract in
            contract.split(separator: "\n").first { $0.hasPrefix("  method: ") }.map { String($0.dropFirst("  method: ".count)) }
        })
        #expect(methods == Set(Attribution.Method.allCases.map(\.rawValue)))
        #expect(text["yardstick.yml"]?.contains("as_of: ") == true)

        let snapshots = text.filter { $0.key.contains("/snapshots/") }
        #expect(snapshots.values.contains { $0.range(of: #"\n\d{4}-\d{2}-\d{2},"#, options: .regularExpression) != nil }, "no daily rows")
        let notes = text.filter { $0.key.contains("/feedback/") }
        #expect(notes.values.filter { $0.contains("\n> ") }.count == notes.count, "every note carries a pull quote")
        #expect(!text.filter { $0.key.contains("/decisions/") }.isEmpty)

        let outcome = SiteBuilder.check(content: content.path)
        #expect(!outcome.failed, "\(outcome.diagnostics.filter { $0.severity == .error }.prefix(5).map(\.description))")
        #expect(outcome.diagnostics.contains { $0.code == "restated" }, "no export corrects an earlier value")
    }

    @Test func refusesADirectoryThatIsNotEmpty() throws {
        let directory = try TestSupport.temporaryDirectory()
        try Data("x".utf8).write(to: directory.appendingPathComponent("keep.txt"))
        #expect(throws: SampleGenerator.Failure.self) {
            try SampleGenerator.write(SampleGenerator.Options(projects: 1, months: 12, seed: 1), to: directory.path)
        }
    }
}

/// Same input, same bytes: two clean builds of a sampled portfolio, with every core rendering, give identical sites.
@Suite struct DeterminismTests {
    @Test func twoBuildsOfTheSameContentGiveTheSameBytes() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        _ = try SampleGenerator.write(SampleGenerator.Options(projects: 8, months: 12, seed: 5), to: content.path)
        // Notes with autolinks and strikethrough, whose rendering once depended on thread timing (MarkdownRendererTests).
        for project in try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("projects").path) {
            let note = content.appendingPathComponent("projects/\(project)/feedback/2026-12-02-links.md")
            try Data("---\ndate: 2026-12-02\nsource: conversation\n---\nSee www.example.com and ~~the old form~~ https://example.org/form.\n".utf8).write(to: note)
        }
        let templates = TestSupport.packageRoot.appendingPathComponent("templates").path
        var sites: [[String: Data]] = []
        for name in ["first", "second"] {
            let output = root.appendingPathComponent(name).path
            let outcome = SiteBuilder.build(BuildOptions(content: content.path, output: output, templates: templates))
            #expect(!outcome.failed, "\(outcome.diagnostics.filter { $0.severity == .error }.prefix(3))")
            sites.append(TestSupport.files(in: URL(fileURLWithPath: output)))
        }
        #expect(sites[0].count > 8 * 12)
        #expect(sites[0].keys.sorted() == sites[1].keys.sorted())
        let differing = sites[0].keys.filter { sites[0][$0] != sites[1][$0] }.sorted()
        #expect(differing.isEmpty, "differing: \(differing.prefix(10))")
        let linked = sites[0].filter { $0.key.hasSuffix("index.html") && String(decoding: $0.value, as: UTF8.self).contains("<a href=\"http://www.example.com\">") }
        #expect(linked.count >= 8, "every project's page with the note links www.example.com")
    }
}
