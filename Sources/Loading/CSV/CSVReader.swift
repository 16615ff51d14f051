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
        let p = raw.assumingMemoryBound(to: UInt8.self)
        _ = try scan(p, count: buffer.count, from: byteOrderMarkLength(p, count: buffer.count), line: 1, isFinal: true, body)
    }

    /// Calls `body` for every record of an input read piece by piece, header included, in order.
    ///
    /// `read` fills the start of the buffer it is given with the next bytes of the input and returns
    /// how many it wrote, 0 at the end. The input is never held whole: at most `chunkSize` bytes plus
    /// the unfinished record they end in (the buffer grows only for a record longer than that), so
    /// memory does not grow with the input. Records, lines, columns and errors are exactly those of
    /// `forEachRecord(in:_:)` on the whole input, however the reads split it.
    public static func forEachRecord(
        reading read: (UnsafeMutableRawBufferPointer) throws -> Int,
        chunkSize: Int = 1 << 20,
        _ body: (borrowing CSVRecord) throws -> Void
    ) throws {
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunkSize, 4), alignment: 8)
        defer { buffer.deallocate() }
        var held = 0  // bytes in the buffer: the unfinished record of the last scan, then new input
        var line = 1
        var isFirst = true
        var atEnd = false
        while true {
            while held < buffer.count && !atEnd {
                let count = try read(UnsafeMutableRawBufferPointer(rebasing: buffer[held...]))
                if count == 0 { atEnd = true } else { held += count }
            }
            let p = UnsafePointer(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
            let start = isFirst ? byteOrderMarkLength(p, count: held) : 0
            isFirst = false
            let (consumed, nextLine) = try scan(p, count: held, from: start, line: line, isFinal: atEnd, body)
            if atEnd { return }
            line = nextLine
            if consumed == 0 && held == buffer.count {
                // One record fills the whole buffer: make room for the rest of it.
                let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 8)
                grown.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = grown
            } else {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + consumed, byteCount: held - consumed)  // memmove
                held -= consumed
            }
        }
    }

    /// 3 when the input starts with a UTF-8 byte order mark, which is not part of the first field.
    private static func byteOrderMarkLength(_ p: UnsafePointer<UInt8>, count n: Int) -> Int {
        n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
    }

    // MARK: - Scanning

    /// The hot loop: finds field ends 64 bytes at a time and records field ranges in a reused list.
    ///
    /// Each block yields a bit mask of the bytes that may end or open a field (see `candidates`);
    /// walking its set bits replaces a branch per byte, and per field, with a branch per block,
    /// which matters because field lengths are what a branch predictor cannot guess. A quoted
    /// field is scanned byte by byte and the next block starts after it.
    ///
    /// The scan starts at `start`, the beginning of a line numbered `startLine`. Unless `isFinal`,
    /// more input follows the `n` bytes: the scan then stops before the first record whose end it
    /// cannot yet decide (not ended, or ended by a CR that may be half of a CRLF) and returns that
    /// record's offset and line, so that the caller can read on and scan again from there. A final
    /// scan returns `n`.
    private static func scan(
        _ p: UnsafePointer<UInt8>,
        count n: Int,
        from start: Int,
        line startLine: Int,
        isFinal: Bool,
        _ body: (borrowing CSVRecord) throws -> Void
    ) throws -> (consumed: Int, line: Int) {
        var fields = CSVFieldList()
        defer { fields.deallocate() }

        var line = startLine
        var recordLine = startLine
        var recordStart = start
        var fieldStart = start

        /// Hands the fields so far to `body` as a record and empties the list.
        func emitRecord() throws {
            try body(
                CSVRecord(
                    bytes: p, byteCount: n, fields: fields.base, count: fields.count, line: recordLine,
                    start: recordStart))
            fields.count = 0
        }

        /// Moves past the line ending at `offset` and starts the next record after it.
        func endLine(at offset: Int) {
            line &+= 1
            let isCRLF = p[offset] == CSVByte.carriageReturn && offset &+ 1 < n && p[offset &+ 1] == CSVByte.lineFeed
            fieldStart = offset &+ (isCRLF ? 2 : 1)
            recordStart = fieldStart
            recordLine = line
        }

        var i = start
        blocks: while i < n {
            let blockStart = i
            var mask = candidates(p, at: blockStart, count: n)
            i = blockStart &+ 64
            while mask != 0 {
                let j = blockStart &+ mask.trailingZeroBitCount
                mask &= mask &- 1
                // The LF of a CRLF already consumed.
                if j < fieldStart { continue }
                let byte = p[j]
                if byte == CSVByte.comma {
                    fields.append(CSVField(start: fieldStart, end: j, isQuoted: false, hasEscapedQuotes: false))
                    fieldStart = j &+ 1
                } else if CSVByte.lineEndings &>> UInt64(byte) & 1 != 0 {
                    // (A bit test rather than two comparisons, which the compiler turns into a jump table.)
                    if !isFinal && j &+ 1 == n && byte == CSVByte.carriageReturn { return (recordStart, recordLine) }
                    if fields.count > 0 || j > fieldStart {
                        fields.append(CSVField(start: fieldStart, end: j, isQuoted: false, hasEscapedQuotes: false))
                        try emitRecord()
                    }
                    endLine(at: j)
                } else if byte == CSVByte.quote {
                    guard j == fieldStart else {
                        throw error("quote inside an unquoted field", at: j, line: line, in: p, lineFloor: recordStart)
                    }
                    guard let field = try quotedField(
                        p, openingAt: j, count: n, isFinal: isFinal, line: &line, lineFloor: recordStart)
                    else { return (recordStart, recordLine) }
                    fields.append(field)
                    let next = field.end &+ 1
                    if next == n {
                        guard isFinal else { return (recordStart, recordLine) }
                        try emitRecord()
                        return (n, line)
                    }
                    let after = p[next]
                    if !isFinal && next &+ 1 == n && after == CSVByte.carriageReturn { return (recordStart, recordLine) }
                    if after == CSVByte.comma {
                        fieldStart = next &+ 1
                    } else if after == CSVByte.lineFeed || after == CSVByte.carriageReturn {
                        try emitRecord()
                        endLine(at: next)
                    } else {
                        throw error(
                            "unexpected character after closing quote", at: next, line: line, in: p,
                            lineFloor: recordStart)
                    }
                    i = fieldStart
                    continue blocks
                }
                // Anything else below 0x2D (space, punctuation, controls) is ordinary content.
            }
        }

        guard isFinal else { return (recordStart, recordLine) }
        // The last record, when the input does not end with a line ending.
        if fields.count > 0 || fieldStart < n {
            fields.append(CSVField(start: fieldStart, end: n, isQuoted: false, hasEscapedQuotes: false))
            try emitRecord()
        }
        return (n, line)
    }

    /// The quoted field whose opening quote is at `openingQuote`, up to its closing quote.
    ///
    /// Counts the line endings inside it into `line`. Unless `isFinal`, nil when the input ends
    /// before the field's end can be told (at its last byte, a quote may be the first of `""` and
    /// a CR the first of a CRLF).
    @inline(__always)
    private static func quotedField(
        _ p: UnsafePointer<UInt8>,
        openingAt openingQuote: Int,
        count n: Int,
        isFinal: Bool,
        line: inout Int,
        lineFloor: Int
    ) throws -> CSVField? {
        let openingLine = line
        var i = openingQuote &+ 1
        var hasEscapedQuotes = false
        while true {
            guard i < n else {
                guard isFinal else { return nil }
                throw error(
                    "unterminated quoted field", at: openingQuote, line: openingLine, in: p, lineFloor: lineFloor)
            }
            let byte = p[i]
            if !isFinal && i &+ 1 == n && (byte == CSVByte.quote || byte == CSVByte.carriageReturn) { return nil }
            if byte == CSVByte.quote {
                guard i &+ 1 < n && p[i &+ 1] == CSVByte.quote else { break }
                hasEscapedQuotes = true
                i &+= 2
                continue
            }
            if byte == CSVByte.lineFeed {
                line &+= 1
            } else if byte == CSVByte.carriageReturn && !(i &+ 1 < n && p[i &+ 1] == CSVByte.lineFeed) {
                line &+= 1
            }
            i &+= 1
        }
        return CSVField(start: openingQuote &+ 1, end: i, isQuoted: true, hasEscapedQuotes: hasEscapedQuotes)
    }

    /// A bit for each of the 64 bytes from `start` (bit k for byte `start + k`) that is below 0x2D.
    ///
    /// Every byte that ends or opens a field (comma 0x2C, quote 0x22, CR, LF) is below 0x2D, and
    /// most content (letters, digits, `-`, `.`, UTF-8 above 0x7F) is not, so the set bits are the
    /// few places worth looking at. Bytes past the end of the input count as content.
    @inline(__always)
    private static func candidates(_ p: UnsafePointer<UInt8>, at start: Int, count n: Int) -> UInt64 {
        guard start &+ 64 <= n else {
            var mask: UInt64 = 0
            for k in 0..<8 {
                mask |= lowBytes(loadWord(p, at: start &+ 8 &* k, count: n)) &<< UInt64(8 &* k)
            }
            return mask
        }
        let block = UnsafeRawPointer(p + start)
        @inline(__always) func word(_ k: Int) -> UInt64 {
            UInt64(littleEndian: block.loadUnaligned(fromByteOffset: 8 &* k, as: UInt64.self))
        }
        return lowBytes(word(0)) | lowBytes(word(1)) &<< 8 | lowBytes(word(2)) &<< 16 | lowBytes(word(3)) &<< 24
            | lowBytes(word(4)) &<< 32 | lowBytes(word(5)) &<< 40 | lowBytes(word(6)) &<< 48 | lowBytes(word(7)) &<< 56
    }

    /// Eight flags, one per byte of `word` (first byte lowest), for the bytes below 0x2D.
    @inline(__always)
    private static func lowBytes(_ word: UInt64) -> UInt64 {
        // Per byte, without carries between bytes: the high bit of (b & 0x7F) + 0x53 is set when
        // b & 0x7F >= 0x2D; a byte with neither that nor its own high bit set is below 0x2D.
        let sum = (word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5353_5353_5353_5353
        let low = ~(sum | word) & 0x8080_8080_8080_8080
        // Gathers the flags at bits 7, 15, ..., 63 into bits 0 ... 7.
        return ((low &>> 7) &* 0x0102_0408_1020_4080) &>> 56
    }

    /// Eight bytes from `offset` as a little-endian word, padded with content bytes past the end.
    @inline(__always)
    private static func loadWord(_ p: UnsafePointer<UInt8>, at offset: Int, count n: Int) -> UInt64 {
        if offset &+ 8 <= n {
            return UInt64(littleEndian: UnsafeRawPointer(p + offset).loadUnaligned(as: UInt64.self))
        }
        var word: UInt64 = 0x6161_6161_6161_6161  // "aaaaaaaa"
        var k = 0
        while offset &+ k < n && k < 8 {
            word = word & ~(0xFF &<< UInt64(8 &* k)) | UInt64(p[offset &+ k]) &<< UInt64(8 &* k)
            k &+= 1
        }
        return word
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
