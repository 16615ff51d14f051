import Foundation
import Site
import Testing

/// Content is untrusted text: nothing in a note, title or metric name may run in a reader's browser.
@Suite struct HostileContentTests {
    @Test func scriptsInNotesAndTitlesAreShownLiterallyNeverRun() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        try TestSupport.copy(TestSupport.packageRoot.appendingPathComponent("content"), to: content)
        try FileManager.default.removeItem(at: content.appendingPathComponent("editions.yml"))  // the contract is edited below
        let project = content.appendingPathComponent("projects/support-copilot")
        let note = """
        ---
        date: 2026-10-20
        source: interview
        author: "<img src=x onerror=alert(1)>"
        sentiment: mixed
        ---
        Hello <script>alert('note')</script> [x](javascript:alert(2))

        > Quote </title><script>alert(3)</script> "quoted' end

        """
        try note.write(to: project.appendingPathComponent("feedback/2026-10-20-hostile.md"), atomically: true, encoding: .utf8)
        let contractURL = project.appendingPathComponent("contract.yml")
        var lines = try String(contentsOf: contractURL, encoding: .utf8).components(separatedBy: "\n")
        let titleLine = try #require(lines.firstIndex { $0.hasPrefix("title:") })
        lines[titleLine] = "title: \"<script>alert('title')</script> & 'quotes'\""
        let contract = lines.joined(separator: "\n")
        try contract.write(to: contractURL, atomically: true, encoding: .utf8)

        let site = root.appendingPathComponent("site")
        let outcome = SiteBuilder.build(BuildOptions(content: content.path, output: site.path,
                                                     templates: TestSupport.packageRoot.appendingPathComponent("templates").path))
        #expect(!outcome.failed, "\(outcome.diagnostics.filter { $0.severity == .error })")
        let page = String(decoding: try #require(FileManager.default.contents(atPath: site.appendingPathComponent("2026-10/support-copilot/index.html").path)), as: UTF8.self)
        let lower = page.lowercased()
        #expect(!lower.contains("<script"))
        #expect(lower.range(of: "<[^>]*onerror", options: .regularExpression) == nil, "no tag carries an event handler")
        #expect(!lower.contains("<img"))
        #expect(!lower.contains("javascript:"))
        // Markdown drops raw HTML tags (cmark's safe mode); the quote's text and its quotes survive, escaped.
        #expect(page.contains("“Quote alert(3) &quot;quoted&#39; end”"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"), "the author is shown literally")
        #expect(page.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &#39;quotes&#39;"), "the title is shown literally")
        #expect(page.contains("Content-Security-Policy"))
        for (path, data) in TestSupport.files(in: site) where path.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).lowercased().contains("<script"), "\(path)")
        }
    }

    @Test func buildingTwiceGivesIdenticalBytesAndLeavesContentUnchanged() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = TestSupport.packageRoot.appendingPathComponent("content")
        let templates = TestSupport.packageRoot.appendingPathComponent("templates").path
        let before = TestSupport.files(in: content)
        let first = SiteBuilder.build(BuildOptions(content: content.path, output: root.appendingPathComponent("a").path, templates: templates))
        let second = SiteBuilder.build(BuildOptions(content: content.path, output: root.appendingPathComponent("b").path, templates: templates))
        #expect(!first.failed && !second.failed)
        let a = TestSupport.files(in: root.appendingPathComponent("a")), b = TestSupport.files(in: root.appendingPathComponent("b"))
        #expect(a.count > 100)
        #expect(a == b, "differing: \(a.keys.filter { a[$0] != b[$0] }.sorted().prefix(8))")
        #expect(TestSupport.files(in: content) == before, "a build must not change the content directory")
    }
}
