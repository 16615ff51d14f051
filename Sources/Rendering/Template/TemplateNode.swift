/// One piece of a parsed template.
indirect enum TemplateNode: Sendable, Equatable {
    /// Literal text, copied to the page as it is (UTF-8).
    case text([UInt8])
    /// `{{name}}` when `escaped`, `{{{name}}}` or `{{&name}}` when not.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`; `indentation` is the whitespace before a standalone partial tag, put before each of its lines.
    case partial(String, indentation: [UInt8])
}
