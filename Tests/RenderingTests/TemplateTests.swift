import Model
import Testing
@testable import Rendering

/// The template engine against examples from the Mustache spec (github.com/mustache/spec, `specs/*.yml`); each
/// case is named after its spec file and test, and its template, data and expected text are the spec's.
@Suite struct TemplateTests {
    struct SpecExample: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        var data: TemplateValue = .object([:])
        var partials: [String: String] = [:]
        var expected: String
        var testDescription: String { name }
    }

    static func render(_ template: String, _ data: TemplateValue, partials: [String: String] = [:]) throws -> String {
        var renderer = TemplateRenderer(partials: try partials.mapValues { try Template(parsing: $0) }, root: data)
        renderer.render(try Template(parsing: template).nodes)
        return String(decoding: renderer.output, as: UTF8.self)
    }

    static func object(_ fields: [String: TemplateValue]) -> TemplateValue { .object(fields) }

    // MARK: - Interpolation

    static let interpolationExamples: [SpecExample] = [
        .init(name: "interpolation: Basic Interpolation", template: "Hello, {{subject}}!\n", data: object(["subject": .text("world")]),
              expected: "Hello, world!\n"),
        .init(name: "interpolation: HTML Escaping", template: "These characters should be HTML escaped: {{forbidden}}\n",
              data: object(["forbidden": .text("& \" < >")]), expected: "These characters should be HTML escaped: &amp; &quot; &lt; &gt;\n"),
        .init(name: "interpolation: Triple Mustache", template: "These characters should not be HTML escaped: {{{forbidden}}}\n",
              data: object(["forbidden": .text("& \" < >")]), expected: "These characters should not be HTML escaped: & \" < >\n"),
        .init(name: "interpolation: Ampersand", template: "These characters should not be HTML escaped: {{&forbidden}}\n",
              data: object(["forbidden": .text("& \" < >")]), expected: "These characters should not be HTML escaped: & \" < >\n"),
        .init(name: "interpolation: Basic Context Miss Interpolation", template: "I ({{cannot}}) be seen!", expected: "I () be seen!"),
        .init(name: "interpolation: Dotted Names - Basic Interpolation", template: "\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\"",
              data: object(["person": object(["name": .text("Joe")])]), expected: "\"Joe\" == \"Joe\""),
        .init(name: "interpolation: Dotted Names - Broken Chain Resolution", template: "\"{{a.b.c.name}}\" == \"\"",
              data: object(["a": object(["b": object([:])]), "c": object(["name": .text("Jim")])]), expected: "\"\" == \"\""),
        .init(name: "interpolation: Dotted Names - Initial Resolution", template: "\"{{#a}}{{b.c.d.e.name}}{{/a}}\" == \"Phil\"",
              data: object(["a": object(["b": object(["c": object(["d": object(["e": object(["name": .text("Phil")])])])])]),
                            "b": object(["c": object(["d": object(["e": object(["name": .text("Wrong")])])])])]),
              expected: "\"Phil\" == \"Phil\""),
        .init(name: "interpolation: Dotted Names - Context Precedence", template: "{{#a}}{{b.c}}{{/a}}",
              data: object(["a": object(["b": object([:])]), "b": object(["c": .text("ERROR")])]), expected: ""),
        .init(name: "interpolation: Dotted Names - Leading Dot", template: "{{#a}}{{.name}}{{/a}}{{#b}}{{.name}}{{/b}}",
              data: object(["a": object([:]), "b": object(["name": .text("Name")]), "name": .text("Fail")]), expected: "Name"),
        .init(name: "interpolation: Interpolation - Standalone", template: "  {{string}}\n", data: object(["string": .text("---")]),
              expected: "  ---\n"),
        .init(name: "interpolation: Interpolation With Padding", template: "|{{ string }}|", data: object(["string": .text("---")]),
              expected: "|---|"),
        .init(name: "interpolation: Ampersand With Padding", template: "|{{& string }}|", data: object(["string": .text("---")]),
              expected: "|---|"),
    ]

    @Test(arguments: interpolationExamples) func interpolation(_ example: SpecExample) throws {
        #expect(try Self.render(example.template, example.data, partials: example.partials) == example.expected)
    }

    // MARK: - Sections and inverted sections

    static let sectionsExamples: [SpecExample] = [
        .init(name: "sections: Truthy", template: "\"{{#boolean}}This should be rendered.{{/boolean}}\"",
              data: object(["boolean": .bool(true)]), expected: "\"This should be rendered.\""),
        .init(name: "sections: Falsey", template: "\"{{#boolean}}This should not be rendered.{{/boolean}}\"",
              data: object(["boolean": .bool(false)]), expected: "\"\""),
        .init(name: "sections: Context", template: "\"{{#context}}Hi {{name}}.{{/context}}\"",
              data: object(["context": object(["name": .text("Joe")])]), expected: "\"Hi Joe.\""),
        .init(name: "sections: Parent contexts", template: "\"{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}\"",
              data: object(["a": .text("foo"), "b": .text("wrong"), "sec": object(["b": .text("bar")]), "c": object(["d": .text("baz")])]),
              expected: "\"foo, bar, baz\""),
        .init(name: "sections: Variable test", template: "\"{{#foo}}{{.}} is {{foo}}{{/foo}}\"", data: object(["foo": .text("bar")]),
              expected: "\"bar is bar\""),
        .init(name: "sections: List", template: "\"{{#list}}{{item}}{{/list}}\"",
              data: object(["list": .list([object(["item": .text("1")]), object(["item": .text("2")]), object(["item": .text("3")])])]),
              expected: "\"123\""),
        .init(name: "sections: Empty List", template: "\"{{#list}}Yay lists!{{/list}}\"", data: object(["list": .list([])]),
              expected: "\"\""),
        .init(name: "sections: Strings Not Lists", template: "\"{{#section}}foo{{/section}}\"", data: object(["section": .text("123")]),
              expected: "\"foo\""),
        .init(name: "sections: Context Misses", template: "[{{#missing}}Found key 'missing'!{{/missing}}]", expected: "[]"),
        .init(name: "sections: Implicit Iterator - String", template: "\"{{#list}}({{.}}){{/list}}\"",
              data: object(["list": .list(["a", "b", "c", "d", "e"].map(TemplateValue.text))]), expected: "\"(a)(b)(c)(d)(e)\""),
        .init(name: "sections: Implicit Iterator - Array", template: "\"{{#list}}({{#.}}{{.}}{{/.}}){{/list}}\"",
              data: object(["list": .list([.list(["1", "2", "3"].map(TemplateValue.text)), .list(["a", "b", "c"].map(TemplateValue.text))])]),
              expected: "\"(123)(abc)\""),
        .init(name: "sections: Dotted Names - Broken Chains", template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"", data: object(["a": object([:])]),
              expected: "\"\" == \"\""),
        .init(name: "sections: Doubled", template: "{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n",
              data: object(["bool": .bool(true), "two": .text("second")]), expected: "* first\n* second\n* third\n"),
        .init(name: "sections: Surrounding Whitespace", template: " | {{#boolean}}\t|\t{{/boolean}} | \n", data: object(["boolean": .bool(true)]),
              expected: " | \t|\t | \n"),
        .init(name: "sections: Internal Whitespace", template: " | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n",
              data: object(["boolean": .bool(true)]), expected: " |  \n  | \n"),
        .init(name: "sections: Indented Inline Sections", template: " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n",
              data: object(["boolean": .bool(true)]), expected: " YES\n GOOD\n"),
        .init(name: "sections: Standalone Lines", template: "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n",
              data: object(["boolean": .bool(true)]), expected: "| This Is\n|\n| A Line\n"),
        .init(name: "sections: Indented Standalone Lines", template: "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n",
              data: object(["boolean": .bool(true)]), expected: "| This Is\n|\n| A Line\n"),
        .init(name: "sections: Standalone Line Endings", template: "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", data: object(["boolean": .bool(true)]),
              expected: "|\r\n|"),
        .init(name: "sections: Standalone Without Previous Line", template: "  {{#boolean}}\n#{{/boolean}}\n/",
              data: object(["boolean": .bool(true)]), expected: "#\n/"),
        .init(name: "sections: Standalone Without Newline", template: "#{{#boolean}}\n/\n  {{/boolean}}", data: object(["boolean": .bool(true)]),
              expected: "#\n/\n"),
        .init(name: "sections: Padding", template: "|{{# boolean }}={{/ boolean }}|", data: object(["boolean": .bool(true)]), expected: "|=|"),
        .init(name: "inverted: Falsey", template: "\"{{^boolean}}This should be rendered.{{/boolean}}\"", data: object(["boolean": .bool(false)]),
              expected: "\"This should be rendered.\""),
        .init(name: "inverted: Truthy", template: "\"{{^boolean}}This should not be rendered.{{/boolean}}\"",
              data: object(["boolean": .bool(true)]), expected: "\"\""),
        .init(name: "inverted: Context", template: "\"{{^context}}Hi {{name}}.{{/context}}\"", data: object(["context": object(["name": .text("Joe")])]),
              expected: "\"\""),
        .init(name: "inverted: List", template: "\"{{^list}}{{n}}{{/list}}\"",
              data: object(["list": .list([object(["n": .text("1")]), object(["n": .text("2")])])]), expected: "\"\""),
        .init(name: "inverted: Empty List", template: "\"{{^list}}Yay lists!{{/list}}\"", data: object(["list": .list([])]),
              expected: "\"Yay lists!\""),
        .init(name: "inverted: Nested (Falsey)", template: "| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |", data: object(["bool": .bool(false)]),
              expected: "| A B C D E |"),
        .init(name: "inverted: Standalone Lines", template: "| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line\n",
              data: object(["boolean": .bool(false)]), expected: "| This Is\n|\n| A Line\n"),
    ]

    @Test(arguments: sectionsExamples) func sections(_ example: SpecExample) throws {
        #expect(try Self.render(example.template, example.data, partials: example.partials) == example.expected)
    }

    // MARK: - Partials and comments

    static let partialsAndCommentsExamples: [SpecExample] = [
        .init(name: "partials: Basic Behavior", template: "\"{{>text}}\"", partials: ["text": "from partial"], expected: "\"from partial\""),
        .init(name: "partials: Failed Lookup", template: "\"{{>text}}\"", expected: "\"\""),
        .init(name: "partials: Context", template: "\"{{>partial}}\"", data: object(["text": .text("content")]),
              partials: ["partial": "*{{text}}*"], expected: "\"*content*\""),
        .init(name: "partials: Recursion", template: "{{>node}}",
              data: object(["content": .text("X"), "nodes": .list([object(["content": .text("Y"), "nodes": .list([])])])]),
              partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"], expected: "X<Y<>>"),
        .init(name: "partials: Surrounding Whitespace", template: "| {{>partial}} |", partials: ["partial": "\t|\t"], expected: "| \t|\t |"),
        .init(name: "partials: Inline Indentation", template: "  {{data}}  {{> partial}}\n", data: object(["data": .text("|")]),
              partials: ["partial": ">\n>"], expected: "  |  >\n>\n"),
        .init(name: "partials: Standalone Line Endings", template: "|\r\n{{>partial}}\r\n|", partials: ["partial": ">"], expected: "|\r\n>|"),
        .init(name: "partials: Standalone Without Previous Line", template: "  {{>partial}}\n>", partials: ["partial": ">\n>"],
              expected: "  >\n  >>"),
        .init(name: "partials: Standalone Without Newline", template: ">\n  {{>partial}}", partials: ["partial": ">\n>"], expected: ">\n  >\n  >"),
        .init(name: "partials: Standalone Indentation", template: "\\\n {{>partial}}\n/\n", data: object(["content": .text("<\n->")]),
              partials: ["partial": "|\n{{{content}}}a b{{{content}}}c\n|\n"], expected: "\\\n |\n <\n->a b<\n->c\n |\n/\n"),
        .init(name: "partials: Padding Whitespace", template: "|{{> partial }}|", data: object(["boolean": .bool(true)]),
              partials: ["partial": "[]"], expected: "|[]|"),
        .init(name: "comments: Inline", template: "12345{{! Comment Block! }}67890", expected: "1234567890"),
        .init(name: "comments: Multiline", template: "12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", expected: "1234567890\n"),
        .init(name: "comments: Standalone", template: "Begin.\n{{! Comment Block! }}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        .init(name: "comments: Indented Standalone", template: "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", expected: "Begin.\nEnd.\n"),
        .init(name: "comments: Multiline Standalone", template: "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n",
              expected: "Begin.\nEnd.\n"),
        .init(name: "comments: Indented Inline", template: "  12 {{! 34 }}\n", expected: "  12 \n"),
        .init(name: "comments: Surrounding Whitespace", template: "12345 {{! Comment Block! }} 67890", expected: "12345  67890"),
    ]

    @Test(arguments: partialsAndCommentsExamples) func partialsAndComments(_ example: SpecExample) throws {
        #expect(try Self.render(example.template, example.data, partials: example.partials) == example.expected)
    }

    // MARK: - Escaping

    /// Escaping as the pages have always done it, one `Character` at a time: the reference for the byte-level code.
    static func characterwiseEscape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    @Test(arguments: [
        "plain", "a < b & c > d \"quoted\" 'single'", "é<é>ü", "<&>\"'", "&\u{301}", "x<\u{338}y", "\u{600}<x", "'\u{903}",
        "<\u{200D}>", "👩‍👩‍👧<👍🏽'", "\r\n<\r\n", "&&&", "ஸ்<ரீ", "",
    ])
    func escapingMatchesWholeCharacterEscaping(_ text: String) throws {
        #expect(try Self.render("{{v}}", Self.object(["v": .text(text)])) == Self.characterwiseEscape(text))
        #expect(try Self.render("{{{v}}}", Self.object(["v": .text(text)])) == text)
    }

    @Test func escapingMatchesWholeCharacterEscapingOnSeededRandomText() throws {
        // Specials next to combining marks (U+0301, U+0338), a joiner, a prepended mark (U+0600), a spacing mark
        // (U+0903), emoji with a skin tone, and line ends.
        let alphabet: [String] = ["&", "<", ">", "\"", "'", "a", " ", "é", "\u{301}", "\u{338}", "\u{200D}", "\u{600}", "\u{903}",
                                  "👍", "\u{1F3FD}", "\r", "\n", "ஸ", "\u{BCD}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += alphabet[Int(state >> 33) % alphabet.count]
            }
            #expect(try Self.render("{{v}}", Self.object(["v": .text(text)])) == Self.characterwiseEscape(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    // MARK: - Values from view models

    struct Row { var name: String; var count: Int }
    struct View {
        var title: String
        var subtitle: String?
        var missing: String?
        var shown: Bool
        var ratio: Double
        var rows: [Row]
        var maybeRows: [Row?]
    }

    @Test func viewModelsBecomeValueTrees() {
        let view = View(title: "T", subtitle: "S", missing: nil, shown: false, ratio: 1.21,
                        rows: [Row(name: "a", count: 85)], maybeRows: [nil, Row(name: "b", count: 0)])
        #expect(TemplateValue(reflecting: view) == .object([
            "title": .text("T"), "subtitle": .text("S"), "shown": .bool(false), "ratio": .text("1.21"),
            "rows": .list([.object(["name": .text("a"), "count": .text("85")])]),
            "maybeRows": .list([.object(["name": .text("b"), "count": .text("0")])]),
        ]))
        #expect(TemplateValue(reflecting: Optional<String>.none as Any) == nil)
    }

    @Test func numbersPrintAsSwiftPrintsThem() throws {
        // interpolation: "Basic Integer Interpolation", "Basic Decimal Interpolation"; sections: "Implicit Iterator - Integer".
        struct Numbers { var mph: Int; var power: Double; var list: [Int] }
        let value = try #require(TemplateValue(reflecting: Numbers(mph: 85, power: 1.210, list: [1, 2, 3, 4, 5])))
        #expect(try Self.render("\"{{mph}} miles an hour!\" \"{{power}} jiggawatts!\" \"{{#list}}({{.}}){{/list}}\"", value)
                == "\"85 miles an hour!\" \"1.21 jiggawatts!\" \"(1)(2)(3)(4)(5)\"")
    }

    @Test func emptyTextIsStillTrueAndNilIsFalse() throws {
        let value = try #require(TemplateValue(reflecting: View(title: "", subtitle: nil, missing: nil, shown: true, ratio: 0, rows: [], maybeRows: [])))
        #expect(try Self.render("{{#title}}a{{/title}}{{^title}}b{{/title}}{{#subtitle}}c{{/subtitle}}{{^subtitle}}d{{/subtitle}}", value) == "ad")
    }

    // MARK: - Syntax errors

    static func syntaxError(_ template: String) -> TemplateSyntaxError? {
        do {
            _ = try Template(parsing: template)
            return nil
        } catch {
            return error
        }
    }

    @Test func syntaxErrorsPointAtTheOffendingTag() {
        #expect(Self.syntaxError("a\n{{#x}}\nb\n{{/y}}\n") == TemplateSyntaxError(
            message: "'{{/y}}' does not close the section 'x' opened at line 2, column 1", line: 4, column: 4))
        #expect(Self.syntaxError("<p>\n  {{#rows}}<td>{{name}}</td>\n") == TemplateSyntaxError(
            message: "the section 'rows' is never closed with '{{/rows}}'", line: 2, column: 3))
        #expect(Self.syntaxError("<p>{{title</p>\n") == TemplateSyntaxError(
            message: "the tag opened here is never closed with '}}'", line: 1, column: 4))
        #expect(Self.syntaxError("é {{/ x }}") == TemplateSyntaxError(
            message: "'{{/x}}' closes a section that was never opened", line: 1, column: 7))
        #expect(Self.syntaxError("{{{raw}}\n}}") == TemplateSyntaxError(message: "'{{{' must be closed with '}}}'", line: 1, column: 7))
        #expect(Self.syntaxError("{{first name}}") == TemplateSyntaxError(
            message: "a name may contain only letters, digits and . _ - ? *", line: 1, column: 8))
        #expect(Self.syntaxError("x {{=<% %>=}}") != nil)
    }

    @Test func templateSetReportsSyntaxErrorsWithFileLineAndColumn() throws {
        var templates = Dictionary(uniqueKeysWithValues: TemplateSet.required.map { ($0, "") })
        templates["summary"] = "<h1>{{title}}</h1>\n{{#rows}}\n<p>{{name}}</p>\n{{/row}}\n"
        let (set, diagnostics) = TemplateSet.make(templates: templates, assets: [:], directory: "templates")
        #expect(set == nil)
        #expect(diagnostics.map(\.description) == [
            "templates/summary.mustache:4:4: error: template syntax: '{{/row}}' does not close the section 'rows' opened at line 2, column 1 [template-syntax]",
        ])
    }

    @Test func templateSetRendersWithPartials() throws {
        var templates = Dictionary(uniqueKeysWithValues: TemplateSet.required.map { ($0, "") })
        templates["header"] = "<title>{{page.title}}</title>\n"
        templates["summary"] = "{{> header}}\n<p>{{#rows}}{{name}}={{count}};{{/rows}}</p>\n"
        struct Page { var title: String }
        struct Summary { var page: Page; var rows: [Row] }
        let (set, diagnostics) = TemplateSet.make(templates: templates, assets: [:], directory: "templates")
        #expect(diagnostics.isEmpty)
        let rendered = try #require(set).render(Summary(page: Page(title: "A & B"), rows: [Row(name: "x", count: 2), Row(name: "y", count: -1)]),
                                                with: "summary")
        #expect(rendered == "<title>A &amp; B</title>\n<p>x=2;y=-1;</p>\n")
    }
}
