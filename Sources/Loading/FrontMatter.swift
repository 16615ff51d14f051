import Model

/// A Markdown file split into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML between the `---` lines.
    var yaml: String
    /// The Markdown after the closing `---` line.
    var body: String
    /// The 1-based line the body starts on.
    var bodyLine: Int

    /// Splits `text` (already LF-normalised); nil (logged) when the front matter is missing or unclosed.
    static func split(_ text: String, path: String, log: DiagnosticLog) -> FrontMatter? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.first.map({ $0.trimmingTrailingSpaces() == "---" }) == true else {
            log.error("missing-front-matter", "expected front matter: the file must start with a line '---', then YAML fields, then '---'",
                      at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        lines = lines.dropFirst()
        guard let close = lines.firstIndex(where: { $0.trimmingTrailingSpaces() == "---" }) else {
            log.error("unclosed-front-matter", "the front matter opened on line 1 is never closed with a line '---'",
                      at: SourceLocation(path: path, line: 1, column: 1))
            return nil
        }
        let yaml = lines[lines.startIndex..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, body: body, bodyLine: close + 2)
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
