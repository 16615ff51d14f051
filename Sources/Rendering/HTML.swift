/// Escaping for text placed in HTML and SVG by Swift code (templates escape `{{ }}` themselves).
public enum HTML {
    /// Escapes `& < > " '` so text is shown literally in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

/// A piece of HTML produced by Swift code that is already safe, passed to templates with `{{{ }}}`.
///
/// Only this module creates it, from escaped text, cmark-gfm's safe output or generated SVG.
public struct SafeHTML: Hashable, Sendable, CustomStringConvertible {
    /// The markup.
    public let markup: String

    init(trusted markup: String) {
        self.markup = markup
    }

    /// Escaped text.
    public init(text: String) {
        self.markup = HTML.escape(text)
    }

    public var description: String { markup }
}
