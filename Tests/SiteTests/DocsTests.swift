import Analysis
import Foundation
@testable import Loading
import Model
import Testing

/// docs/ checked against the code, so the pages cannot drift: every key the loader accepts is documented where
/// it is accepted and nothing else is, every allowed value and diagnostic code appears, and the methodology's
/// statuses, warnings and rule table are the ones the analysis uses.
@Suite struct DocsTests {
    static let docs = TestSupport.packageRoot.appendingPathComponent("docs")
    static let loadingSources = TestSupport.packageRoot.appendingPathComponent("Sources/Loading")

    static func page(_ name: String) throws -> String {
        try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8)
    }

    /// The Swift sources below a folder of Sources/, concatenated.
    static func sources(_ folder: String) throws -> String {
        let root = TestSupport.packageRoot.appendingPathComponent("Sources/\(folder)")
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
        var text = ""
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            text += try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) + "\n"
        }
        return text
    }

    static func captures(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    // MARK: - Markdown tables

    /// A table whose first column is a key (`| Key |` or `| Column |`), under the heading it follows.
    struct KeyTable {
        var heading: String
        var keys: [String]
    }

    /// The text of a heading without its `#`s and backticks: "### `metrics.<id>.slo`" is "metrics.<id>.slo".
    static func headingText(_ line: Substring) -> String {
        line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "")
    }

    /// The cells of a table row.
    static func cells(_ line: Substring) -> [String] {
        line.trimmingCharacters(in: .whitespaces).dropFirst().dropLast()
            .split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func keyTables(_ markdown: String, firstColumn: Set<String> = ["Key", "Column"]) -> [KeyTable] {
        var tables: [KeyTable] = []
        var heading = ""
        var current: KeyTable?
        var fenced = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { fenced.toggle() }
            if fenced { continue }
            if line.hasPrefix("#") {
                heading = headingText(line)
                continue
            }
            guard line.hasPrefix("|") else {
                if let table = current { tables.append(table) }
                current = nil
                continue
            }
            let row = cells(line)
            if current == nil {
                if let first = row.first, firstColumn.contains(first) { current = KeyTable(heading: heading, keys: []) }
                continue
            }
            guard let first = row.first, !first.hasPrefix("---") else { continue }
            current?.keys.append(first)
        }
        if let table = current { tables.append(table) }
        return tables
    }

    /// The key of a reference table row: exactly one backticked word.
    static func key(ofCell cell: String) -> String? {
        guard cell.hasPrefix("`"), cell.hasSuffix("`"), cell.count > 2 else { return nil }
        let key = String(cell.dropFirst().dropLast())
        return key.contains("`") ? nil : key
    }

    // MARK: - content-reference.md

    /// The key lists the loader declares by name, and the heading of the table that must document each.
    static let namedLists: [(heading: String, keys: [String])] = [
        ("yardstick.yml", SettingsLoader.keys),
        ("editions.yml", EditionsLoader.keys),
        ("contract.yml", ContractLoader.keys),
        ("metrics", ContractLoader.metricKeys),
        ("attribution", ContractLoader.attributionKeys),
        ("Snapshots", SnapshotLoader.columns),
        ("Feedback notes", NoteLoader.noteKeys),
        ("Decisions", NoteLoader.decisionKeys),
    ]

    /// The key lists written inline in the loader, `mapping(known: ["date", "label"])`.
    static func inlineLists() throws -> [[String]] {
        captures(#"known:\s*\[([^\]]*)\]"#, in: try sources("Loading")).map { list in
            captures(#""([^"]*)""#, in: list)
        }.filter { !$0.isEmpty }  // `known: [String]?` in a signature is not a list
    }

    @Test func everyReferenceTableRowIsOneBacktickedKey() throws {
        let tables = Self.keyTables(try Self.page("content-reference.md"))
        #expect(tables.count >= 17, "found \(tables.count) key tables")
        for table in tables {
            for cell in table.keys { #expect(Self.key(ofCell: cell) != nil, "under '\(table.heading)': '\(cell)' is not one `key`") }
        }
    }

    @Test func eachNamedKeyListIsDocumentedExactlyUnderItsHeading() throws {
        let tables = Self.keyTables(try Self.page("content-reference.md"))
        for (heading, keys) in Self.namedLists {
            let matching = tables.filter { $0.heading == heading }
            guard matching.count == 1, let table = matching.first else {
                Issue.record("expected one key table under the heading '\(heading)', found \(matching.count)")
                continue
            }
            let documented = table.keys.compactMap(Self.key(ofCell:))
            #expect(documented.count == Set(documented).count, "'\(heading)' documents a key twice")
            let missing = Set(keys).subtracting(documented).sorted(), unknown = Set(documented).subtracting(keys).sorted()
            #expect(missing.isEmpty, "'\(heading)': the loader accepts \(missing) but the table does not document them")
            #expect(unknown.isEmpty, "'\(heading)': the table documents \(unknown), which the loader does not accept")
        }
    }

    @Test func everyInlineKeyListIsDocumentedAndEveryDocumentedTableIsALoaderList() throws {
        let tables = Self.keyTables(try Self.page("content-reference.md")).filter { $0.heading != "Diagnostic codes" }
        let inline = try Self.inlineLists()
        #expect(inline.count >= 8, "found \(inline.count) inline key lists in Sources/Loading")
        let documented = tables.map { Set($0.keys.compactMap(Self.key(ofCell:))) }
        for list in inline {
            #expect(documented.contains(Set(list)), "the loader accepts \(list) together, but no table documents exactly these keys")
        }
        let loaderLists = Set(Self.namedLists.map { Set($0.keys) } + inline.map(Set.init))
        let every = loaderLists.reduce(Set<String>()) { $0.union($1) }
        for (table, keys) in zip(tables, documented) {
            let unknown = keys.subtracting(every).sorted()
            #expect(unknown.isEmpty, "'\(table.heading)' documents \(unknown), which the loader accepts nowhere")
            #expect(loaderLists.contains(keys), "'\(table.heading)' documents \(keys.sorted()), which is not a key list of the loader")
        }
    }

    @Test func everyAllowedValueIsDocumented() throws {
        let page = try Self.page("content-reference.md")
        let values: [String] = MetricDefinition.Layer.allCases.map(\.rawValue) + MetricDefinition.Aggregate.allCases.map(\.rawValue)
            + MetricDefinition.Direction.allCases.map(\.rawValue) + Attribution.Method.allCases.map(\.rawValue)
            + Attribution.Seasonality.allCases.map(\.rawValue) + FeedbackNote.Source.allCases.map(\.rawValue)
            + FeedbackNote.Sentiment.allCases.map(\.rawValue) + Decision.Move.allCases.map(\.rawValue) + ContractLoader.cadences
        for value in values { #expect(page.contains("`\(value)`"), "content-reference.md never names `\(value)`") }
    }

    /// Every diagnostic code written as a literal in the loader, the analysis's warnings, rendering and the site builder.
    static func codesInSources() throws -> Set<String> {
        var codes: Set<String> = []
        for folder in ["Loading", "Analysis", "Rendering", "Site"] {
            let text = try sources(folder)
            for pattern in [#"\b(?:error|warning|refuse)\(\s*"([a-z][a-z0-9-]*)""#, #"\bcode:\s*"([a-z][a-z0-9-]*)""#] {
                codes.formUnion(captures(pattern, in: text))
            }
        }
        let honesty = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Sources/Analysis/HonestyChecks.swift"), encoding: .utf8)
        codes.formUnion(captures(#"\badd\(\s*"([a-z][a-z0-9-]*)""#, in: honesty))
        return codes
    }

    /// The warning codes of SPEC §4.7.
    static let specWarnings = ["designed-after-launch", "self-graded", "vanity-metric", "no-cost-data", "no-feedback", "no-decision",
                               "stale-data", "short-baseline", "baseline-mismatch", "parallel-trends-doubtful", "low-adoption",
                               "slo-breach", "restated", "edition-unreproducible", "never-stopped", "target-moved"]

    /// The codes with a `### \`code\`` heading under "## Warnings" in methodology.md.
    static func methodologyWarnings() throws -> [String] {
        let page = try Self.page("methodology.md")
        let section = try #require(page.components(separatedBy: "\n## Warnings\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        return captures(#"(?m)^### `([a-z0-9-]+)`$"#, in: section)
    }

    @Test func everyDiagnosticCodeIsDocumentedAndEveryDocumentedCodeExists() throws {
        let codes = try Self.codesInSources()
        #expect(codes.count >= 40, "found only \(codes.count) codes in the sources")
        let table = try #require(Self.keyTables(try Self.page("content-reference.md"), firstColumn: ["Code"]).first { $0.heading == "Diagnostic codes" })
        let listed = Set(table.keys.compactMap(Self.key(ofCell:)))
        let warnings = Set(try Self.methodologyWarnings())
        let undocumented = codes.subtracting(listed).subtracting(warnings).sorted()
        #expect(undocumented.isEmpty, "codes in Sources/ documented neither in content-reference.md#diagnostic-codes nor methodology.md#warnings: \(undocumented)")
        let stale = listed.union(warnings).subtracting(codes).sorted()
        #expect(stale.isEmpty, "documented codes that no source emits: \(stale)")
    }

    // MARK: - methodology.md

    @Test func everyWarningOfTheSpecHasItsOwnSectionWithHowToClearIt() throws {
        let headings = try Self.methodologyWarnings()
        #expect(headings.count == Set(headings).count, "a warning is documented twice")
        #expect(Set(headings) == Set(Self.specWarnings), "methodology.md warnings differ from SPEC §4.7: \(Set(headings).symmetricDifference(Self.specWarnings).sorted())")
        let page = try Self.page("methodology.md")
        for code in headings where code != "restated" {
            let body = (page.components(separatedBy: "### `\(code)`").dropFirst().first?.components(separatedBy: "\n#").first ?? "")
                .replacingOccurrences(of: "\n", with: " ")
            #expect(body.contains("*Clearing it:*"), "`\(code)` does not say how to clear it")
        }
    }

    @Test func theStatusTableUsesTheExactWordsOfThePages() throws {
        let page = try Self.page("methodology.md")
        for status in Status.allCases { #expect(page.contains("| **\(status.words)** |"), "status '\(status.words)' is not in the table") }
    }

    @Test func theRuleTableIsTheRecommendationTableInOrder() throws {
        let page = try Self.page("methodology.md")
        let section = try #require(page.components(separatedBy: "## The recommended next move").dropFirst().first?.components(separatedBy: "\n## ").first)
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| #") && !$0.hasPrefix("| ---") }.map(Self.cells)
        let documented = rows.map { [$0[1], $0[2]] }
        let code = RecommendationRules.table.map { [$0.text, $0.move.words] }
        #expect(documented == code, "methodology.md's rule table differs from RecommendationRules.table")
        #expect(rows.map { $0[0] } == (1...code.count).map(String.init))
    }

    // MARK: - Every page

    @Test func relativeLinksBetweenDocsPagesResolveToAHeading() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.docs.path).filter { $0.hasSuffix(".md") }
        #expect(Set(["getting-started.md", "content-reference.md", "methodology.md", "deploying.md", "commands.md"]).isSubset(of: names))
        func anchors(_ markdown: String) -> Set<String> {
            Set(markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
                Self.headingText(line).lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }
                    .replacingOccurrences(of: " ", with: "-")
            })
        }
        for name in names {
            let text = try Self.page(name)
            for link in Self.captures(#"\]\(([^)\s]+)\)"#, in: text) where !link.contains("://") {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? name : parts[0]
                guard names.contains(target) else {
                    let file = Self.docs.appendingPathComponent(target).standardizedFileURL.path
                    #expect(FileManager.default.fileExists(atPath: file), "\(name) links to \(link), which does not exist")
                    continue
                }
                if parts.count == 2 {
                    #expect(anchors(try Self.page(target)).contains(parts[1]), "\(name) links to \(link): no such heading")
                }
            }
        }
    }

    @Test func gettingStartedAndTheCommandReferenceGiveTheExitStatuses() throws {
        let start = try Self.page("getting-started.md"), commands = try Self.page("commands.md")
        for status in ["0", "1", "64"] {
            #expect(start.contains("**\(status)**"), "getting-started.md lacks exit status \(status)")
            #expect(commands.contains("| `\(status)` |"), "commands.md lacks exit status \(status)")
        }
        for command in ["make site", "make test", "yardstick init mysite", "yardstick build", "yardstick new note", "yardstick check", "yardstick publish"] {
            #expect(start.contains(command), "getting-started.md never shows `\(command)`")
        }
    }
}
