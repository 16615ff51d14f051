/// The name in a tag: `.` (the current value), `name`, or a dotted path `a.b.c`.
struct TemplateName: Sendable, Equatable {
    /// The path's parts; empty for `.`.
    let parts: [String]
    /// A leading dot (`.name`) looks only in the current value, not in the values around it.
    let currentOnly: Bool

    /// Reads a name as written in a tag.
    init(_ text: String) {
        self.parts = text.split(separator: ".").map(String.init)
        self.currentOnly = text.first == "."
    }
}
