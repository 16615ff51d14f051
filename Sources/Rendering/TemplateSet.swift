import Model
import Mustache

/// The Mustache templates, parsed once, and the static assets they refer to.
public struct TemplateSet: Sendable {
    /// The templates every build needs.
    public static let required = ["portfolio", "summary", "project", "methodology", "review", "year", "contract", "header", "footer"]

    let library: MustacheLibrary
    /// Asset files (CSS) by path relative to `assets/`.
    public let assets: [String: [UInt8]]

    /// Parses `templates` (name → text); problems are reported against `directory`/name.mustache.
    public static func make(templates: [String: String], assets: [String: [UInt8]], directory: String) -> (TemplateSet?, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error("template-syntax", "template syntax: \(error.error)",
                                          at: SourceLocation(path: "\(directory)/\(name).mustache", line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("template-syntax", "template syntax: \(error)", at: SourceLocation(path: "\(directory)/\(name).mustache")))
            }
        }
        for name in required where templates[name] == nil {
            diagnostics.append(.error("missing-template", "the template '\(name).mustache' is missing", at: SourceLocation(path: "\(directory)/\(name).mustache")))
        }
        return (diagnostics.isEmpty ? TemplateSet(library: library, assets: assets) : nil, diagnostics)
    }

    /// Renders a view model with a template.
    func render(_ view: Any, with name: String) -> String {
        library.render(MustacheContext.convert(view) ?? [String: Any](), withTemplate: name) ?? ""
    }
}
