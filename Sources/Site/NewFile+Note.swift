import Foundation
import Model

extension NewFile {
    /// `yardstick new note PROJECT`: `feedback/<date>-<slug>.md` with date, source and the contract's owner as author.
    ///
    /// The slug is `slug` when given, else the source (`2026-11-03-interview.md`); when that file exists the next
    /// free `-2`, `-3`, … suffix is used, so a second interview the same day gets its own note.
    public static func note(project: String, source: String = "interview", slug: String? = nil, date: Day,
                            content: String) throws(Failure) -> Created {
        let folder = try requireProject(project, content: content)
        let feedback = join(folder, "feedback")
        guard let source = FeedbackNote.Source(rawValue: source) else {
            let allowed = FeedbackNote.Source.allCases.map(\.rawValue).joined(separator: ", ")
            throw refuse("wrong-value", "source '\(source)' should be one of \(allowed)", at: feedback)
        }
        let base = slug ?? source.rawValue
        guard isIdentifier(base), base.utf8.count <= 60 else {
            throw refuse("invalid-id", "slug '\(base)' must use \(identifierRule) (60 here, to leave room for a -2 suffix)",
                         at: join(feedback, "\(date)-\(base).md"))
        }
        let owner = ownerName(ofContractAt: join(folder, "contract.yml"))
        let names = ["\(date)-\(base).md"] + (2...99).map { "\(date)-\(base)-\($0).md" }
        guard let path = try writeNew(noteText(date: date, source: source, author: owner), in: feedback, names: names) else {
            throw refuse("file-exists", "\(names[0]) and 98 numbered variants exist already; pass --slug", at: join(feedback, names[0]))
        }
        return Created(path: path, files: [path])
    }

    /// The note's text: front matter, then a placeholder that shows on the site until it is replaced.
    static func noteText(date: Day, source: FeedbackNote.Source, author: String?) -> String {
        let sources = FeedbackNote.Source.allCases.map(\.rawValue).joined(separator: " | ")
        return """
        ---
        date: \(date)
        \(line("source", source.rawValue, comment: sources))
        \(line("author", author.map(yamlScalar) ?? "", comment: "who wrote it down (the contract's owner by default)"))
        \(line("sentiment", "", comment: "optional: positive | mixed | negative"))
        \(line("tags", "[]", comment: "optional, e.g. [latency, trust]"))
        ---
        TODO: what was said, by whom and in what setting, in a few plain sentences.

        <!-- Top-level block quotes are the pull quotes the monthly summary shows, e.g.

        > I only fix the category on odd tickets now.

        This comment is not shown on the site. -->

        """
    }

    /// The tracking owner's name (the part before any comma) from the top-level `owner:` line of a contract.
    ///
    /// A line scan rather than the loader, so it works on a contract that does not load yet; nil when the owner
    /// is not written on one line.
    static func ownerName(ofContractAt path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where line.hasPrefix("owner:") {
            var value = line.dropFirst("owner:".count).trimmingCharacters(in: .whitespaces)
            if let quote = value.first, quote == "\"" || quote == "'" {
                guard let unquoted = unquote(value.dropFirst(), quote: quote) else { return nil }
                value = unquoted
            } else if let comment = value.range(of: " #") {
                value = String(value[..<comment.lowerBound])
            } else if value.hasPrefix("#") {
                value = ""
            }
            let name = (value.split(separator: ",").first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
            return name.isEmpty || ["~", "null", "|", ">", "TODO"].contains(name) ? nil : name
        }
        return nil
    }

    /// The text of a quoted YAML scalar after its opening quote: `''` is a quote in single quotes, `\"` and `\\`
    /// escape in double quotes. Nil when the quote is never closed.
    private static func unquote(_ text: Substring, quote: Character) -> String? {
        var result = ""
        var rest = text[...]
        while let character = rest.popFirst() {
            if character == quote {
                guard quote == "'", rest.first == "'" else { return result }
                result.append(rest.removeFirst())
            } else if quote == "\"", character == "\\", let escaped = rest.popFirst() {
                result.append(escaped)
            } else {
                result.append(character)
            }
        }
        return nil
    }

    /// A YAML plain scalar when the text is safe as one, else a double-quoted string.
    static func yamlScalar(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == " " || $0 == "." || $0 == "-" || $0 == "'" }
            && text.first?.isLetter == true && !text.hasSuffix(" ")
        if plain { return text }
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            default:
                if character.value < 0x20 { escaped += String(format: "\\x%02X", character.value) } else { escaped.unicodeScalars.append(character) }
            }
        }
        return "\"" + escaped + "\""
    }
}
