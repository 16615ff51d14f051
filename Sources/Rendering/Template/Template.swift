/// One Mustache template, parsed once into nodes so that rendering never reads its text again.
struct Template: Sendable {
    /// The template's top-level nodes, in order.
    let nodes: [TemplateNode]

    /// Parses Mustache text; the error carries the line and column of the first problem.
    init(parsing text: String) throws(TemplateSyntaxError) {
        self.nodes = try TemplateParser(text).parse()
    }
}
