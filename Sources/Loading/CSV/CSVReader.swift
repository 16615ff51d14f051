/// Reads RFC 4180 CSV from bytes, one record at a time, without allocating per field.
///
/// The input is UTF-8 with an optional byte order mark. Records end at LF, CRLF or a lone CR; a
/// newline at the end of the input does not start another record, and completely empty lines are
/// skipped (they still count for line numbers). Fields may be quoted, with `""` standing for one
/// quote; quoted fields may hold commas, CR and LF. The reader does not compare field counts
/// between records: that is the caller's judgement. Syntax errors are thrown as `CSVSyntaxError`
/// with the line and column where they occur; invalid UTF-8 is only reported when a field is read
/// as text, by `CSVRecord.validatedString(at:)` (or as `nil` from `CSVRecord.string(at:)`).
public enum CSVReader {
    /// Calls `body` for every record, header included, in order.
    ///
    /// Throws `CSVSyntaxError` at the first malformed record (records before it have been passed to
    /// `body`), or rethrows the first error that `body` throws.
    public static func forEachRecord(in bytes: [UInt8], _ body: (borrowing CSVRecord) throws -> Void) throws {
        try bytes.withUnsafeBytes { buffer in
            try forEachRecord(in: buffer, body)
        }
    }

    /// Calls `body` for every record in the bytes of `buffer`, header included, in order.
    ///
    /// The buffer must stay valid and unchanged until this returns.
    public static func forEachRecord(
        in buffer: UnsafeRawBufferPointer,
        _ body: (borrowing CSVRecord) throws -> Void
    ) throws {
        guard let raw = buffer.baseAddress, buffer.count > 0 else { return }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        try scan(bytes, count: buffer.count, body)
    }

    // MARK: - Scanning

    /// The hot loop: one pass over the bytes, recording field ranges in a reused buffer.
    private static func scan(
        _ p: UnsafePointer<UInt8>,
        count n: Int,
        _ body: (borrowing CSVRecord) throws -> Void
    ) throws {
        var capacity = 16
        var fields = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity)
        defer { fields.deallocate() }

        let bomLength = n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
        var i = bomLength
        var line = 1

        while i < n {
            // A line with nothing on it is skipped, but counted.
            if p[i] == CSVByte.lineFeed {
                line += 1
                i += 1
                continue
            }
            if p[i] == CSVByte.carriageReturn {
                line += 1
                i += 1
                if i < n && p[i] == CSVByte.lineFeed { i += 1 }
                continue
            }

            let recordStart = i
            let recordLine = line
            var fieldCount = 0

            fieldLoop: while true {
                if fieldCount == capacity {
                    let grown = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity * 2)
                    grown.moveInitialize(from: fields, count: fieldCount)
                    fields.deallocate()
                    fields = grown
                    capacity *= 2
                }

                if i < n && p[i] == CSVByte.quote {
                    let openingQuote = i
                    let openingLine = line
                    i += 1
                    let contentStart = i
                    var hasEscapedQuotes = false
                    while true {
                        guard i < n else {
                            throw error(
                                "unterminated quoted field", at: openingQuote, line: openingLine, in: p,
                                lineFloor: recordStart)
                        }
                        let byte = p[i]
                        if byte == CSVByte.quote {
                            if i + 1 < n && p[i + 1] == CSVByte.quote {
                                hasEscapedQuotes = true
                                i += 2
                                continue
                            }
                            break
                        }
                        if byte == CSVByte.lineFeed {
                            line += 1
                        } else if byte == CSVByte.carriageReturn && !(i + 1 < n && p[i + 1] == CSVByte.lineFeed) {
                            line += 1
                        }
                        i += 1
                    }
                    (fields + fieldCount).initialize(
                        to: CSVField(start: contentStart, end: i, isQuoted: true, hasEscapedQuotes: hasEscapedQuotes))
                    fieldCount += 1
                    i += 1  // the closing quote
                    guard i < n else { break fieldLoop }
                    let next = p[i]
                    if next == CSVByte.comma {
                        i += 1
                        continue fieldLoop
                    }
                    if next != CSVByte.lineFeed && next != CSVByte.carriageReturn {
                        throw error(
                            "unexpected character after closing quote", at: i, line: line, in: p,
                            lineFloor: recordStart)
                    }
                } else {
                    let contentStart = i
                    while true {
                        i = skipPlainContent(p, from: i, count: n)
                        guard i < n else { break }
                        let byte = p[i]
                        if byte > CSVByte.highestStructural {
                            i += 1
                            continue
                        }
                        if byte == CSVByte.comma || byte == CSVByte.lineFeed || byte == CSVByte.carriageReturn {
                            break
                        }
                        if byte == CSVByte.quote {
                            throw error(
                                "quote inside an unquoted field", at: i, line: line, in: p, lineFloor: recordStart)
                        }
                        i += 1
                    }
                    (fields + fieldCount).initialize(
                        to: CSVField(start: contentStart, end: i, isQuoted: false, hasEscapedQuotes: false))
                    fieldCount += 1
                    guard i < n else { break fieldLoop }
                    if p[i] == CSVByte.comma {
                        i += 1
                        continue fieldLoop
                    }
                }

                // At a line ending: consume it and finish the record.
                if p[i] == CSVByte.carriageReturn && i + 1 < n && p[i + 1] == CSVByte.lineFeed {
                    i += 2
                } else {
                    i += 1
                }
                line += 1
                break fieldLoop
            }

            let record = CSVRecord(
                bytes: p, fields: UnsafePointer(fields), count: fieldCount, line: recordLine, start: recordStart)
            try body(record)
        }
    }

    /// Moves past bytes above `CSVByte.highestStructural`, eight at a time, while eight remain.
    ///
    /// Returns the offset of the first byte at or below it (a comma, quote, CR, LF, or some other
    /// control, space or punctuation byte for the caller to look at), or the point where fewer than
    /// eight bytes are left. Fields in snapshots are short, so most end inside the first word
    /// without a branch per byte.
    @inline(__always)
    private static func skipPlainContent(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int {
        var i = start
        while i &+ 8 <= n {
            let word = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
            // The high bit of each byte below 0x2D that is itself below 0x80; exact up to the first such byte.
            let low = (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080
            if low != 0 {
                return i &+ low.trailingZeroBitCount &>> 3
            }
            i &+= 8
        }
        return i
    }

    /// Builds the error for a problem at byte `offset`, on the known `line`.
    private static func error(
        _ message: String,
        at offset: Int,
        line: Int,
        in bytes: UnsafePointer<UInt8>,
        lineFloor: Int
    ) -> CSVSyntaxError {
        let column = CSVPosition.column(ofOffset: offset, in: bytes, lineFloor: lineFloor)
        return CSVSyntaxError(line: line, column: column, message: message)
    }
}
