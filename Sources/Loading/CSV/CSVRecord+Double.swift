extension CSVRecord {
    /// Field `index` as a number, or nil unless it is exactly `[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    ///
    /// Strict on purpose: no surrounding spaces, no `.5` or `5.`, no `nan`, `inf` or hexadecimal,
    /// and the empty field is nil. The result is correctly rounded and equal to `Double(String)` on
    /// the same text; it is ±infinity when the value overflows (`1e400`), which callers must reject
    /// if they need finite numbers.
    public func double(at index: Int) -> Double? {
        let field = field(index)
        guard !field.hasEscapedQuotes else { return nil }
        return CSVNumber.parse(bytes + field.start, count: field.end - field.start, readable: byteCount - field.start)
    }
}
