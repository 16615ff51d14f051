/// A slow, obvious reading of the CSV grammar that `CSVReader` documents, for differential fuzzing.
///
/// One byte at a time, no masks, no pointers: the fast reader must produce exactly these records,
/// field contents and positions, and fail with exactly this error, on every input. Written from
/// `CSVReader`'s documentation (RFC 4180; LF, CRLF or lone CR end a record; completely empty lines
/// are skipped; a byte order mark is dropped and not counted in columns), not from its code.
struct ReferenceCSV {
    /// One field: where it starts in the input and what it holds once unescaped.
    struct Field {
        /// Offset of its first byte, the opening quote for a quoted field.
        var rawStart: Int
        /// The content, with `""` turned into `"`.
        var content: [UInt8]
        /// The input offset of each content byte, so positions inside the field can be checked.
        var offsets: [Int]
    }

    /// One record and the line it starts on.
    struct Record {
        var line: Int
        var fields: [Field]
    }

    /// The syntax error that ends the reading, if any.
    struct Failure: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C

    /// The records read before the end of the input or the first error.
    private(set) var records: [Record] = []
    /// The first error, when the input is not valid CSV.
    private(set) var failure: Failure?
    /// The input.
    let bytes: [UInt8]
    /// Where the content starts: after the byte order mark, if any.
    let contentStart: Int
    /// The line and column of every offset from `contentStart` to the end, worked out in one pass.
    private var lines: [Int] = []
    private var columns: [Int] = []

    /// Reads `bytes` completely.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        measure()
        read()
    }

    // MARK: - Positions

    /// The 1-based line of `offset`: one plus the line endings before it (CRLF counts once).
    func line(ofOffset offset: Int) -> Int { lines[offset - contentStart] }

    /// The 1-based column of `offset`: one plus the Unicode scalars (non-continuation bytes) since its line began.
    func column(ofOffset offset: Int) -> Int { columns[offset - contentStart] }

    private mutating func measure() {
        var line = 1
        var column = 1
        lines.reserveCapacity(bytes.count - contentStart + 1)
        columns.reserveCapacity(bytes.count - contentStart + 1)
        for i in contentStart..<bytes.count {
            lines.append(line)
            columns.append(column)
            let byte = bytes[i]
            if byte == Self.lineFeed || byte == Self.carriageReturn {
                // The CR of a CRLF does not count; its LF does.
                if !(byte == Self.carriageReturn && i + 1 < bytes.count && bytes[i + 1] == Self.lineFeed) { line += 1 }
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        lines.append(line)
        columns.append(column)
    }

    // MARK: - Reading

    private mutating func fail(at offset: Int, line: Int? = nil, _ message: String) {
        failure = Failure(line: line ?? self.line(ofOffset: offset), column: column(ofOffset: offset), message: message)
    }

    /// The offset after the line ending at `offset` (two bytes for CRLF).
    private func afterLineEnding(at offset: Int) -> Int {
        bytes[offset] == Self.carriageReturn && offset + 1 < bytes.count && bytes[offset + 1] == Self.lineFeed
            ? offset + 2 : offset + 1
    }

    private mutating func read() {
        let n = bytes.count
        var position = contentStart
        var recordStart = contentStart
        var fields: [Field] = []

        func isLineEnding(_ byte: UInt8) -> Bool { byte == Self.lineFeed || byte == Self.carriageReturn }

        while true {
            if position < n && bytes[position] == Self.quote {
                let opening = position
                var content: [UInt8] = []
                var offsets: [Int] = []
                var i = opening + 1
                while true {
                    guard i < n else {
                        fail(at: opening, "unterminated quoted field")
                        return
                    }
                    if bytes[i] == Self.quote {
                        guard i + 1 < n && bytes[i + 1] == Self.quote else { break }
                        content.append(Self.quote)
                        offsets.append(i)
                        i += 2
                        continue
                    }
                    content.append(bytes[i])
                    offsets.append(i)
                    i += 1
                }
                fields.append(Field(rawStart: opening, content: content, offsets: offsets))
                let next = i + 1
                if next == n {
                    records.append(Record(line: line(ofOffset: recordStart), fields: fields))
                    return
                }
                if bytes[next] == Self.comma {
                    position = next + 1
                } else if isLineEnding(bytes[next]) {
                    records.append(Record(line: line(ofOffset: recordStart), fields: fields))
                    fields = []
                    position = afterLineEnding(at: next)
                    recordStart = position
                } else {
                    fail(at: next, "unexpected character after closing quote")
                    return
                }
            } else {
                var j = position
                while j < n && bytes[j] != Self.comma && bytes[j] != Self.quote && !isLineEnding(bytes[j]) { j += 1 }
                let field = Field(rawStart: position, content: Array(bytes[position..<j]), offsets: Array(position..<j))
                if j == n {
                    if !fields.isEmpty || position < n {
                        fields.append(field)
                        records.append(Record(line: line(ofOffset: recordStart), fields: fields))
                    }
                    return
                }
                if bytes[j] == Self.quote {
                    fail(at: j, "quote inside an unquoted field")
                    return
                }
                if bytes[j] == Self.comma {
                    fields.append(field)
                    position = j + 1
                } else {
                    if !fields.isEmpty || j > position {
                        fields.append(field)
                        records.append(Record(line: line(ofOffset: recordStart), fields: fields))
                        fields = []
                    }
                    position = afterLineEnding(at: j)
                    recordStart = position
                }
            }
        }
    }
}
