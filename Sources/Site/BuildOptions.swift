/// What `yardstick build` is asked to do.
public struct BuildOptions: Sendable {
    /// The content directory.
    public var content: String
    /// The output directory.
    public var output: String
    /// The templates directory.
    public var templates: String
    /// Whether to reuse what the previous build left in its cache beside the output (`--clean` turns it off).
    public var incremental = true
    /// Called from any thread as work items finish: the step, items done, items in all. For progress bars.
    public var progress: (@Sendable (BuildStep, Int, Int) -> Void)?

    /// Creates options; defaults are `content`, `site` and `templates`.
    public init(content: String = "content", output: String = "site", templates: String = "templates") {
        self.content = content
        self.output = output
        self.templates = templates
    }
}
