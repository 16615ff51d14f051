import Model

/// The Mustache templates, parsed once, and the static assets they refer to.
public struct TemplateSet: Sendable {
    /// The templates every build needs.
    public static let required = ["portfolio", "summary", "project", "methodology", "review", "year", "contract", "header", "footer"]

    let templates: [String: Template]
    /// Asset files (CSS) by path relative to `assets/`.
    public let assets: [String: [UInt8]]

    /// Parses `templates` (name → text); problems are reported against `directory`/name.mustache.
    public static func make(templates: [String: String], assets: [String: [UInt8]], directory: String) -> (TemplateSet?, [Diagnostic]) {
        var parsed: [String: Template] = [:]
        var diagnostics: [Diagnostic] = []
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                parsed[name] = try Template(parsing: text)
            } catch {
                diagnostics.append(.error("template-syntax", "template syntax: \(error.message)",
                                          at: SourceLocation(path: "\(directory)/\(name).mustache", line: error.line, column: error.column)))
            }
        }
        for name in required where templates[name] == nil {
            diagnostics.append(.error("missing-template", "the template '\(name).mustache' is missing", at: SourceLocation(path: "\(directory)/\(name).mustache")))
        }
        return (diagnostics.isEmpty ? TemplateSet(templates: parsed, assets: assets) : nil, diagnostics)
    }

    /// Renders a view model with a template: the view is turned once into a value tree, then rendered.
    func render(_ view: Any, with name: String) -> String {
        String(decoding: renderBytes(view, with: name), as: UTF8.self)
    }

    /// The same as `render`, as the UTF-8 bytes a file gets (templates and values are text, so the output is
    /// valid UTF-8 as it is: no round trip through String).
    func renderBytes(_ view: Any, with name: String) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var renderer = TemplateRenderer(partials: templates, root: TemplateValue(reflecting: view) ?? .object([:]))
        renderer.render(template.nodes)
        return renderer.output
    }
}
