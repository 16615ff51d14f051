/// Where one field's content lies in the input: the byte range between the quotes for a quoted field.
struct CSVField {
    /// Offset of the first content byte.
    var start: Int
    /// Offset one past the last content byte.
    var end: Int
    /// Whether the field was enclosed in quotes; its raw start is then one byte before `start`.
    var isQuoted: Bool
    /// Whether the content holds `""` pairs that stand for one quote each.
    var hasEscapedQuotes: Bool

    /// Offset of the field's first byte in the input, opening quote included.
    var rawStart: Int { isQuoted ? start - 1 : start }
}
