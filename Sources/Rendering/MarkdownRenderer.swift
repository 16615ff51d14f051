import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown rendered by cmark-gfm: the HTML body and the text of its top-level block quotes (the pull quotes).
public struct RenderedMarkdown: Hashable, Sendable {
    /// Safe HTML: raw HTML from content is omitted and dangerous link schemes are dropped.
    public var html: String
    /// The plain text of each top-level block quote, in order.
    public var pullQuotes: [String]
}

/// The only code that talks to cmark-gfm: parser, extensions and frees live together here.
///
/// Options never include `CMARK_OPT_UNSAFE`, so raw HTML is replaced by a comment and `javascript:` links
/// are emptied by cmark itself; the `tagfilter` extension is attached as a second line of defence.
///
/// One document at a time: cmark-gfm keeps the characters that open an extension's inline syntax in a global
/// table, which each parser fills when it processes inlines and empties when it is done, so two parsers on two
/// threads lose autolinks and strikethrough at random (github/cmark-gfm#221). Projects load in parallel; the
/// lock keeps their pages the same from build to build.
public enum MarkdownRenderer {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
    private static let oneAtATime = NSLock()

    /// Renders GitHub-flavoured Markdown.
    public static func render(_ markdown: String) -> RenderedMarkdown {
        precondition(registered)
        oneAtATime.lock()
        defer { oneAtATime.unlock() }
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "", pullQuotes: []) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return RenderedMarkdown(html: "", pullQuotes: []) }
        defer { cmark_node_free(document) }

        let html = take(cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)))
        var quotes: [String] = []
        var child = cmark_node_first_child(document)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_BLOCK_QUOTE {
                let plain = take(cmark_render_plaintext(node, options, 0))
                let joined = plain.split(whereSeparator: \.isNewline).joined(separator: " ")
                if !joined.isEmpty { quotes.append(joined) }
            }
            child = cmark_node_next(node)
        }
        return RenderedMarkdown(html: html, pullQuotes: quotes)
    }

    /// Copies and frees a string cmark allocated.
    private static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
