/// Reads Mustache text into template nodes in three passes: tags and text, the spec's standalone-line rule,
/// then the section tree.
///
/// The language is Mustache's core: `{{name}}`, `{{{name}}}`, `{{&name}}`, `{{#name}}`, `{{^name}}`, `{{/name}}`,
/// `{{>partial}}` and `{{! comment }}`, with dotted names and `.`. A line holding nothing but one section, partial
/// or comment tag and spaces or tabs leaves no trace in the output (the spec's "standalone" lines).
struct TemplateParser {
    private let bytes: [UInt8]

    /// Prepares to parse `text`.
    init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    /// Parses the whole text.
    func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        try tree(standalone(scan()))
    }

    // MARK: - Pieces

    private enum Kind {
        case variable, unescaped, section, invertedSection, close, partial, comment

        /// Whether a line holding only this tag and whitespace disappears from the output.
        var canStandAlone: Bool {
            switch self {
            case .section, .invertedSection, .close, .partial, .comment: true
            case .variable, .unescaped: false
            }
        }
    }

    private struct Tag {
        var kind: Kind
        var name: String
        /// Offset of the tag's `{{`.
        var start: Int
        /// Offset of the tag's name.
        var nameStart: Int
    }

    /// Text never spans a line end: a text piece ends with `\n` or just before a tag.
    private enum Piece {
        case text(Range<Int>)
        case tag(Tag)
        case partial(Tag, indentation: [UInt8])
    }

    private static let brace = UInt8(ascii: "{"), closingBrace = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")

    // MARK: - Pass 1: tags and text

    private func scan() throws(TemplateSyntaxError) -> [Piece] {
        var pieces: [Piece] = []
        var textStart = 0
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == Self.brace, bytes[index + 1] == Self.brace else {
                index += 1
                continue
            }
            appendText(textStart..<index, to: &pieces)
            let (tag, end) = try readTag(at: index)
            pieces.append(.tag(tag))
            index = end
            textStart = end
        }
        appendText(textStart..<bytes.count, to: &pieces)
        return pieces
    }

    private func appendText(_ range: Range<Int>, to pieces: inout [Piece]) {
        var start = range.lowerBound
        for index in range where bytes[index] == Self.newline {
            pieces.append(.text(start..<index + 1))
            start = index + 1
        }
        if start < range.upperBound { pieces.append(.text(start..<range.upperBound)) }
    }

    /// Reads the tag whose `{{` is at `start`; returns it and the offset just past its closing braces.
    private func readTag(at start: Int) throws(TemplateSyntaxError) -> (Tag, Int) {
        var contentStart = start + 2
        let kind: Kind
        switch contentStart < bytes.count ? bytes[contentStart] : 0 {
        case UInt8(ascii: "{"), UInt8(ascii: "&"): kind = .unescaped
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .invertedSection
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "%"):
            throw error("'{{\(Character(Unicode.Scalar(bytes[contentStart])))' tags (set delimiters, inheritance, pragmas) are not supported", at: start)
        default: kind = .variable
        }
        let triple = kind == .unescaped && bytes[contentStart] == Self.brace
        if kind != .variable { contentStart += 1 }

        guard let contentEnd = firstClosingBraces(from: contentStart) else {
            throw error("the tag opened here is never closed with '\(triple ? "}}}" : "}}")'", at: start)
        }
        var end = contentEnd + 2
        if triple {
            guard end < bytes.count, bytes[end] == Self.closingBrace else {
                throw error("'{{{' must be closed with '}}}'", at: contentEnd)
            }
            end += 1
        }
        if kind == .comment { return (Tag(kind: kind, name: "", start: start, nameStart: contentStart), end) }

        var nameStart = contentStart, nameEnd = contentEnd
        while nameStart < nameEnd, Self.isWhitespace(bytes[nameStart]) { nameStart += 1 }
        while nameEnd > nameStart, Self.isWhitespace(bytes[nameEnd - 1]) { nameEnd -= 1 }
        guard nameStart < nameEnd else { throw error("the tag has no name", at: start) }
        for index in nameStart..<nameEnd where !Self.isNameCharacter(bytes[index], inPartial: kind == .partial) {
            throw error("a name may contain only letters, digits and . _ - ? *\(kind == .partial ? " /" : "")", at: index)
        }
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        return (Tag(kind: kind, name: name, start: start, nameStart: nameStart), end)
    }

    private func firstClosingBraces(from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == Self.closingBrace, bytes[index + 1] == Self.closingBrace { return index }
            index += 1
        }
        return nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func isNameCharacter(_ byte: UInt8, inPartial: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            true
        case UInt8(ascii: "/"):
            inPartial
        default:
            false
        }
    }

    // MARK: - Pass 2: standalone lines

    /// Drops the whitespace and line end around a section, partial or comment tag that is alone on its line;
    /// a standalone partial keeps the whitespace before it as its indentation.
    private func standalone(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        result.reserveCapacity(pieces.count)
        var lineStart = 0
        for (index, piece) in pieces.enumerated() {
            let endsLine: Bool
            if case .text(let range) = piece, bytes[range.upperBound - 1] == Self.newline {
                endsLine = true
            } else {
                endsLine = index == pieces.count - 1
            }
            guard endsLine else { continue }
            let line = pieces[lineStart...index]
            lineStart = index + 1
            if let kept = standaloneTag(in: line) {
                result.append(kept)
            } else {
                result.append(contentsOf: line)
            }
        }
        return result
    }

    /// The tag that is all a line holds, apart from spaces and tabs, if it is one that may stand alone.
    private func standaloneTag(in line: ArraySlice<Piece>) -> Piece? {
        var found: Tag?
        var indentation: [UInt8] = []
        for piece in line {
            switch piece {
            case .tag(let tag):
                guard found == nil, tag.kind.canStandAlone else { return nil }
                found = tag
            case .text(let range):
                guard isBlank(range) else { return nil }
                if found == nil { indentation = Array(bytes[range]) }
            case .partial:
                return nil
            }
        }
        guard let tag = found else { return nil }
        return tag.kind == .partial ? .partial(tag, indentation: indentation) : .tag(tag)
    }

    /// Spaces and tabs only, optionally ending with `\n` or `\r\n`.
    private func isBlank(_ range: Range<Int>) -> Bool {
        var end = range.upperBound
        if end > range.lowerBound, bytes[end - 1] == Self.newline {
            end -= 1
            if end > range.lowerBound, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        return bytes[range.lowerBound..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    // MARK: - Pass 3: the section tree

    private struct OpenSection {
        var tag: Tag
        var nodes: [TemplateNode] = []
    }

    private func tree(_ pieces: [Piece]) throws(TemplateSyntaxError) -> [TemplateNode] {
        var open: [OpenSection] = []
        var nodes: [TemplateNode] = []
        for piece in pieces {
            switch piece {
            case .text(let range):
                if case .text(let previous)? = nodes.last {
                    nodes[nodes.count - 1] = .text(previous + bytes[range])
                } else {
                    nodes.append(.text(Array(bytes[range])))
                }
            case .partial(let tag, let indentation):
                nodes.append(.partial(tag.name, indentation: indentation))
            case .tag(let tag):
                switch tag.kind {
                case .variable, .unescaped:
                    nodes.append(.variable(TemplateName(tag.name), escaped: tag.kind == .variable))
                case .section, .invertedSection:
                    open.append(OpenSection(tag: tag, nodes: nodes))
                    nodes = []
                case .close:
                    guard let section = open.popLast() else {
                        throw error("'{{/\(tag.name)}}' closes a section that was never opened", at: tag.nameStart)
                    }
                    guard section.tag.name == tag.name else {
                        let (line, column) = position(of: section.tag.start)
                        throw error("'{{/\(tag.name)}}' does not close the section '\(section.tag.name)' opened at line \(line), column \(column)",
                                    at: tag.nameStart)
                    }
                    let inner = nodes
                    nodes = section.nodes
                    nodes.append(.section(TemplateName(tag.name), inner, inverted: section.tag.kind == .invertedSection))
                case .partial:
                    nodes.append(.partial(tag.name, indentation: []))
                case .comment:
                    break
                }
            }
        }
        if let unclosed = open.last {
            throw error("the section '\(unclosed.tag.name)' is never closed with '{{/\(unclosed.tag.name)}}'", at: unclosed.tag.start)
        }
        return nodes
    }

    // MARK: - Positions

    private func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        let (line, column) = position(of: offset)
        return TemplateSyntaxError(message: message, line: line, column: column)
    }

    /// The 1-based line and column of a byte offset; columns count characters, as an editor shows them.
    private func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == Self.newline {
            line += 1
            lineStart = index + 1
        }
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }
}
