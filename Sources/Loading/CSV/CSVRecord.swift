/// One record of a CSV file; valid only inside the callback that receives it.
///
/// A record points into the reader's input and into a buffer the reader reuses for the next
/// record, so neither it nor a copy of it may be kept after the callback returns: read the fields
/// you need into values first. Field indices start at 0; an index outside `0..<count` traps, as an
/// array subscript does. Lines and columns are 1-based and counted as `CSVSyntaxError` counts them
/// (columns in Unicode scalars).
public struct CSVRecord {
    /// The 1-based line where the record starts.
    public let line: Int
    /// The number of fields in the record, which may differ from record to record.
    public let count: Int

    /// The whole input.
    let bytes: UnsafePointer<UInt8>
    /// The length of the whole input.
    let byteCount: Int
    /// The record's fields, `count` of them.
    let fields: UnsafePointer<CSVField>
    /// Offset of the record's first byte, which is always the start of a line.
    let start: Int

    init(
        bytes: UnsafePointer<UInt8>,
        byteCount: Int,
        fields: UnsafePointer<CSVField>,
        count: Int,
        line: Int,
        start: Int
    ) {
        self.bytes = bytes
        self.byteCount = byteCount
        self.fields = fields
        self.count = count
        self.line = line
        self.start = start
    }

    // MARK: - Positions

    /// The 1-based line where field `index` starts; later than `line` only after a quoted line break.
    public func line(of index: Int) -> Int {
        CSVPosition.line(ofOffset: field(index).rawStart, in: bytes, recordStart: start, recordLine: line)
    }

    /// The 1-based column, in Unicode scalars, where field `index` starts (at its opening quote, if quoted).
    public func column(of index: Int) -> Int {
        CSVPosition.column(ofOffset: field(index).rawStart, in: bytes, lineFloor: start)
    }

    /// An error positioned at the start of field `index`, for problems found in its value.
    public func error(at index: Int, _ message: String) -> CSVSyntaxError {
        CSVSyntaxError(line: line(of: index), column: column(of: index), message: message)
    }

    // MARK: - Values

    /// Whether field `index` is empty (`a,,b` and `a,"",b` both have an empty second field).
    public func isEmpty(at index: Int) -> Bool {
        let field = field(index)
        return field.start == field.end
    }

    /// Whether field `index` is valid UTF-8, so that `string(at:)` is not nil; checks without making a string.
    public func isText(at index: Int) -> Bool {
        let field = field(index)
        return CSVUTF8.firstInvalidByte(in: bytes, from: field.start, to: field.end) == nil
    }

    /// Field `index` as text with its quotes unescaped, or nil when its bytes are not valid UTF-8.
    public func string(at index: Int) -> String? {
        let field = field(index)
        // Unescaping leaves the validity of the bytes unchanged: it only drops quotes.
        guard CSVUTF8.firstInvalidByte(in: bytes, from: field.start, to: field.end) == nil else { return nil }
        let length = field.end - field.start
        guard field.hasEscapedQuotes else {
            return String(decoding: UnsafeBufferPointer(start: bytes + field.start, count: length), as: UTF8.self)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { buffer in
            var written = 0
            var i = field.start
            while i < field.end {
                buffer[written] = bytes[i]
                written += 1
                // Inside a quoted field every quote is the first of a `""` pair.
                i += bytes[i] == CSVByte.quote ? 2 : 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<written]), as: UTF8.self)
        }
    }

    /// Field `index` as text with its quotes unescaped; throws at the first byte that is not valid UTF-8.
    public func validatedString(at index: Int) throws(CSVSyntaxError) -> String {
        if let string = string(at: index) { return string }
        let field = field(index)
        let offset = CSVUTF8.firstInvalidByte(in: bytes, from: field.start, to: field.end) ?? field.start
        throw CSVSyntaxError(
            line: CSVPosition.line(ofOffset: offset, in: bytes, recordStart: start, recordLine: line),
            column: CSVPosition.column(ofOffset: offset, in: bytes, lineFloor: start),
            message: "invalid UTF-8")
    }

    /// Whether field `index`, unescaped, is exactly the UTF-8 of `ascii`; compares bytes without allocating.
    public func equals(at index: Int, _ ascii: String) -> Bool {
        let field = field(index)
        var i = field.start
        for byte in ascii.utf8 {
            guard i < field.end, bytes[i] == byte else { return false }
            // A quote can only be in a quoted field's content, where it is written `""`.
            i += byte == CSVByte.quote ? 2 : 1
        }
        return i == field.end
    }

    /// The byte range of field `index`, checked like an array subscript.
    func field(_ index: Int) -> CSVField {
        precondition(index >= 0 && index < count, "CSV field index \(index) out of range 0..<\(count)")
        return fields[index]
    }
}

/// A record borrows the reader's buffers, so it must not cross into another task or thread.
@available(*, unavailable)
extension CSVRecord: Sendable {}
