import Foundation
import Testing
@testable import Rendering

@Suite struct MarkdownRendererTests {
    static let hostile = """
    Intro <script>alert(1)</script> text.

    <img src=x onerror="alert(2)">

    [click](javascript:alert(3)) and <a href="javascript:alert(4)">raw link</a>

    <iframe src="https://example.org"></iframe><style>body{display:none}</style>

    > A quote with <script>alert(5)</script> inside.
    """

    @Test func rawHTMLFromContentNeverReachesThePage() {
        let html = MarkdownRenderer.render(Self.hostile).html.lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("<style"))
        #expect(html.contains("raw html omitted"))
    }

    @Test func blockQuotesBecomePullQuotesAsPlainText() {
        let rendered = MarkdownRenderer.render("Body.\n\n> It saves me a few minutes\n> on the hard calls.\n\nMore.\n\n> Second.\n")
        #expect(rendered.pullQuotes == ["It saves me a few minutes on the hard calls.", "Second."])
    }

    @Test func gitHubExtensionsAreOn() {
        let html = MarkdownRenderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ www.example.com\n\n- [x] done\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.com\">"))
        #expect(html.contains("checkbox"))
    }

    /// cmark-gfm keeps the characters that start an extension's inline syntax (`w`, `:`, `.`, `~` …) in one global
    /// table that every parser changes while it parses; parsers on several threads at once lost autolinks and
    /// strikethrough at random, so the same notes could give different pages.
    @Test func parsersOnManyThreadsGiveTheSameHTML() {
        let markdown = "~~old~~ www.example.com and https://example.org/x, `code` and *emphasis*.\n"
        let expected = MarkdownRenderer.render(markdown).html
        #expect(expected.contains("<a href=\"http://www.example.com\">") && expected.contains("<del>old</del>"))
        let lock = NSLock()
        nonisolated(unsafe) var differing = 0
        DispatchQueue.concurrentPerform(iterations: 20_000) { _ in
            if MarkdownRenderer.render(markdown).html != expected { lock.withLock { differing += 1 } }
        }
        #expect(differing == 0)
    }

    @Test func escapeCoversAttributeBreakingCharacters() {
        #expect(HTML.escape(#"<a href="x" onclick='y'>&</a>"#) == "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTML.escape("plain") == "plain")
    }

    @Test func jsonEscapesControlCharactersAndAngleBrackets() {
        let value = JSONValue.object([("a", .string("</script>\n\"q\"\u{1}")), ("b", .null), ("c", .number(-1.5)), ("d", .number(3))])
        #expect(value.serialized(newline: false) == "{\n  \"a\": \"\\u003c/script>\\n\\\"q\\\"\\u0001\",\n  \"b\": null,\n  \"c\": -1.5,\n  \"d\": 3\n}")
    }
}
