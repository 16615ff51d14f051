/// Why a template does not parse, and where (1-based line and column, columns in characters).
struct TemplateSyntaxError: Error, Equatable {
    /// What is wrong, in a sentence for the template's author.
    var message: String
    /// The line of the offending tag.
    var line: Int
    /// The column of the offending tag or character.
    var column: Int
}
