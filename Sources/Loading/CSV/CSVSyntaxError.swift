/// A syntax problem in a CSV file, with its 1-based position.
///
/// `line` counts physical lines: LF, CRLF and a lone CR each end one, including those inside quoted
/// fields. `column` counts Unicode scalars from the start of that line (for valid UTF-8, one per
/// byte that is not a continuation byte), starting at 1; a byte order mark is not counted.
public struct CSVSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column of the problem, in Unicode scalars.
    public var column: Int
    /// What is wrong, in a few lower-case words.
    public var message: String

    /// Creates an error at the given position.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// The position and message as `line 3, column 7: unterminated quoted field`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}
