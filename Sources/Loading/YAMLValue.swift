import Model
import CYaml
import Yams

/// A YAML node with its file position, read with typed accessors that report mismatches to a log.
///
/// Every accessor returns nil after logging an error, so loaders can go on and report further problems.
struct YAMLValue {
    let node: Node
    /// The file as shown to the user.
    let path: String
    /// Added to Yams' line numbers: front matter starts after a `---` line.
    let lineOffset: Int
    /// The dotted key path, for messages (`outcome.target.change`).
    let keyPath: String
    let log: DiagnosticLog

    /// Where the node starts.
    var location: SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: lineOffset, column: 0) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    /// How deep collections may nest: 64 levels, where libyaml's own limit is 1,000. No content file needs more
    /// than a few, and a mapping key nested hundreds deep (`? - - - … : 1`) is hashed recursively by the duplicate-key
    /// check, which overflowed the 8 MB stack of the fuzzer's sanitized build at about 950 levels and could overflow a
    /// thread's smaller stack elsewhere. Deeper input is a `yaml-syntax` error like any other.
    static let nestingLimit: Int32 = 64
    private static let limitNesting: Void = { yaml_set_max_nest_level(nestingLimit) }()

    /// Parses a YAML document; nil (after logging) when it does not parse or is empty.
    static func parse(_ text: String, path: String, lineOffset: Int = 0, log: DiagnosticLog) -> YAMLValue? {
        _ = limitNesting
        do {
            // UTF-8 named, not left to `Parser.Encoding.default`, which copies the whole process environment on
            // every call (about 3 % of a large build) and prints when YAMS_DEFAULT_ENCODING is set.
            guard let node = try Yams.compose(yaml: text, .default, .default, .utf8) else {
                let what = lineOffset > 0 ? "the front matter is empty; expected fields such as date and source between the '---' lines"
                    : "the file is empty; expected a YAML mapping"
                log.error("empty-file", what, at: SourceLocation(path: path, line: 1 + lineOffset, column: 1))
                return nil
            }
            return YAMLValue(node: node, path: path, lineOffset: lineOffset, keyPath: "", log: log)
        } catch let error as YamlError {
            let (mark, described) = describe(error, lineOffset: lineOffset)
            var (line, column, message) = (mark?.line ?? 0, mark?.column ?? 0, described)
            if case .duplicatedKeysInMapping(let duplicates, let context) = error, let key = duplicates.first,
               let repeated = Self.repeatedKeyLine(key, in: text, after: context.mark.line) {
                (line, column) = repeated
                message = "duplicate key '\(key)': it is already set on line \(context.mark.line + lineOffset)"
            }
            if line > 0, Self.hasTab(in: text, line: line) {
                message = "YAML does not allow tabs for indentation; use spaces (\(message))"
            }
            log.error("yaml-syntax", message, at: SourceLocation(path: path, line: line + lineOffset, column: column))
            return nil
        } catch {
            log.error("yaml-syntax", "could not read YAML: \(error)", at: SourceLocation(path: path, line: lineOffset))
            return nil
        }
    }

    /// The position of the next line after `after` that sets `key` at the same indentation (Yams reports the first).
    private static func repeatedKeyLine(_ key: String, in text: String, after: Int) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard after >= 1, after <= lines.count else { return nil }
        func indent(_ line: Substring) -> Int { line.prefix { $0 == " " || $0 == "-" }.count }
        func sets(_ line: Substring) -> Bool {
            let body = line.drop { $0 == " " || $0 == "-" }
            return body.hasPrefix(key + ":") || body.hasPrefix("\"" + key + "\":") || body.hasPrefix("'" + key + "':")
        }
        let first = lines[after - 1]
        for index in after..<lines.count where sets(lines[index]) && indent(lines[index]) == indent(first) {
            return (index + 1, indent(lines[index]) + 1)
        }
        return nil
    }

    private static func hasTab(in text: String, line: Int) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return false }
        return lines[line - 1].prefix { $0 == " " || $0 == "\t" }.contains("\t")
    }

    private static func describe(_ error: YamlError, lineOffset: Int) -> (Mark?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { $0.text + " " } ?? ""
            // Name where the construct that went wrong began: an unclosed `{` is found lines later.
            let origin = context.flatMap { context in
                context.mark.line != mark.line ? " (it began at line \(context.mark.line + lineOffset), column \(context.mark.column))" : nil
            } ?? ""
            if problem.hasPrefix("Maximum nesting level reached") {
                return (mark, "invalid YAML: collections nest more than \(nestingLimit) levels deep here; content files need a few")
            }
            return (mark, "invalid YAML: \(prefix)\(problem)\(origin)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark, "duplicate key '\(duplicates.joined(separator: "', '"))' in a mapping")
        default:
            return (nil, "invalid YAML: \(error)")
        }
    }

    private func child(_ node: Node, key: String) -> YAMLValue {
        YAMLValue(node: node, path: path, lineOffset: lineOffset, keyPath: keyPath.isEmpty ? key : keyPath + "." + key, log: log)
    }

    private func item(_ node: Node, index: Int) -> YAMLValue {
        YAMLValue(node: node, path: path, lineOffset: lineOffset, keyPath: keyPath + "[\(index + 1)]", log: log)
    }

    private var name: String { keyPath.isEmpty ? "the document" : "'\(keyPath)'" }

    private func mismatch(_ expected: String, code: String = "wrong-type") {
        log.error(code, "\(name) should be \(expected), found \(found)", at: location)
    }

    private var found: String {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: - Scalars

    /// The scalar's text, or nil (logged) for a mapping or list.
    var scalarText: String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    /// Whether the node is a null (`~`, `null` or nothing).
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A non-empty string.
    func string() -> String? {
        guard let text = scalarText, !isNull, text.contains(where: { !$0.isWhitespace }) else {
            mismatch("text")
            return nil
        }
        return text
    }

    /// A finite number.
    func number() -> Double? {
        guard let text = scalarText, let value = Self.parseNumber(text) else {
            mismatch("a finite number")
            return nil
        }
        return value
    }

    /// A whole number in a range.
    func integer(in range: ClosedRange<Int>) -> Int? {
        guard let text = scalarText, let value = Int(text), range.contains(value) else {
            mismatch("a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// A day, `YYYY-MM-DD`.
    func day() -> Day? {
        guard let text = scalarText, let day = Day(text) else {
            mismatch("a date YYYY-MM-DD that exists", code: "bad-date")
            return nil
        }
        return day
    }

    /// A month, `YYYY-MM`.
    func month() -> Month? {
        guard let text = scalarText, let month = Month(text) else {
            mismatch("a month YYYY-MM", code: "bad-date")
            return nil
        }
        return month
    }

    /// A quarter, `YYYY-Qn`.
    func quarter() -> Quarter? {
        guard let text = scalarText, let quarter = Quarter(text) else {
            mismatch("a quarter YYYY-Qn", code: "bad-date")
            return nil
        }
        return quarter
    }

    /// One of an enumeration's raw values.
    func oneOf<E: RawRepresentable & CaseIterable>(_: E.Type) -> E? where E.RawValue == String {
        let allowed = E.allCases.map(\.rawValue)
        guard let text = scalarText, let value = E(rawValue: text) else {
            log.error("wrong-value", "\(name) should be one of \(allowed.joined(separator: ", ")), found \(found)"
                      + (scalarText.map { Suggestion.hint(for: $0, in: allowed) } ?? ""), at: location)
            return nil
        }
        return value
    }

    /// A list of strings; a single string counts as a list of one.
    func stringList() -> [String]? {
        switch node {
        case .scalar:
            return string().map { [$0] }
        case .sequence(let sequence):
            var result: [String] = []
            for (index, item) in sequence.enumerated() {
                guard let text = self.item(item, index: index).string() else { return nil }
                result.append(text)
            }
            return result
        default:
            mismatch("a list of text")
            return nil
        }
    }

    /// The items of a list.
    func list() -> [YAMLValue]? {
        guard case .sequence(let sequence) = node else {
            if isNull { return [] }
            mismatch("a list")
            return nil
        }
        return sequence.enumerated().map { item($1, index: $0) }
    }

    /// The mapping's entries, after warning about keys outside `known` (nil = any key allowed).
    func mapping(known: [String]? = nil) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            mismatch("a mapping of keys to values")
            return nil
        }
        var entries: [(key: String, keyLocation: SourceLocation, value: YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            let keyValue = YAMLValue(node: keyNode, path: path, lineOffset: lineOffset, keyPath: keyPath, log: log)
            guard let key = keyNode.scalar?.string else {
                log.error("wrong-type", "keys of \(name) should be text", at: keyValue.location)
                continue
            }
            if let known, !known.contains(key) {
                let place = keyPath.isEmpty ? "" : " in '\(keyPath)'"
                log.warning("unknown-key", "unknown key '\(key)'\(place)\(Suggestion.hint(for: key, in: known)); it is ignored",
                            at: keyValue.location)
                continue
            }
            entries.append((key, keyValue.location, child(valueNode, key: key)))
        }
        return YAMLMapping(owner: self, entries: entries)
    }

    /// Strict decimal number text: sign, digits, fraction, exponent; no NaN, infinity or hex.
    static func parseNumber(_ text: String) -> Double? {
        let trimmed = text.replacingOccurrences(of: "_", with: "")
        guard !trimmed.isEmpty,
              trimmed.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || "+-.eE".utf8.contains($0) }),
              let value = Double(trimmed), value.isFinite
        else { return nil }
        return value
    }
}

/// The entries of a YAML mapping, looked up by key.
struct YAMLMapping {
    let owner: YAMLValue
    let entries: [(key: String, keyLocation: SourceLocation, value: YAMLValue)]

    /// The value of an optional key; nil when absent or null.
    subscript(_ key: String) -> YAMLValue? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The value of a required key; logs `missing-field` when absent.
    func required(_ key: String) -> YAMLValue? {
        guard let value = self[key] else {
            let place = owner.keyPath.isEmpty ? "" : " in '\(owner.keyPath)'"
            owner.log.error("missing-field", "missing required field '\(key)'\(place)", at: owner.location)
            return nil
        }
        return value
    }
}
