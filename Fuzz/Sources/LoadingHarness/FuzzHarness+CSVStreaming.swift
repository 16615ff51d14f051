import Model

/// Everything a caller can see of one field, taken while its record is valid (inside the callback).
///
/// Offsets are relative to the record's start: the whole-buffer reader's records point into the
/// input, the streaming reader's into its own buffer, so only positions inside a record compare.
struct CSVFieldView: Equatable {
    /// The bytes between the quotes (or the whole field, unquoted), `""` pairs still doubled.
    var content: [UInt8]
    var isQuoted: Bool
    var hasEscapedQuotes: Bool
    /// `rawStart`, `start` and `end` minus the record's start.
    var rawStart: Int
    var start: Int
    var end: Int
    /// `line(of:)` and `column(of:)`.
    var line: Int
    var column: Int
    var isEmpty: Bool
    var isText: Bool
    /// `string(at:)`, and `validatedString(at:)`'s error when that is nil.
    var text: String?
    var textError: CSVSyntaxError?
    /// `double(at:)`, bit for bit.
    var number: UInt64?
}

/// One record as a caller sees it: its line and its fields.
struct CSVRecordView: Equatable {
    var line: Int
    var fields: [CSVFieldView]

    init(_ record: borrowing CSVRecord) {
        line = record.line
        var fields: [CSVFieldView] = []
        fields.reserveCapacity(record.count)
        for i in 0..<record.count {
            let field = record.field(i)
            let text = record.string(at: i)
            var textError: CSVSyntaxError?
            if text == nil {
                do { _ = try record.validatedString(at: i) } catch { textError = error }
            }
            fields.append(CSVFieldView(
                content: Array(UnsafeBufferPointer(start: record.bytes + field.start, count: field.end - field.start)),
                isQuoted: field.isQuoted, hasEscapedQuotes: field.hasEscapedQuotes,
                rawStart: field.rawStart - record.start, start: field.start - record.start, end: field.end - record.start,
                line: record.line(of: i), column: record.column(of: i),
                isEmpty: record.isEmpty(at: i), isText: record.isText(at: i),
                text: text, textError: textError, number: record.double(at: i)?.bitPattern))
        }
        self.fields = fields
    }
}

extension FuzzHarness {
    /// Reads `input` through `CSVReader.forEachRecord(reading:chunkSize:_:)` and requires the
    /// records (field bytes, quoting), their lines, every field's position (offset in its record,
    /// `line(of:)`, `column(of:)`), its text, number and UTF-8 error, and the syntax error (line,
    /// column, message) to be exactly those of the whole-buffer reading (`records`, `failure`),
    /// which the caller has already checked against `ReferenceCSV`.
    ///
    /// Two readings, with sizes taken from the input so that mutations explore the splits: a buffer
    /// of `input[0] % 7 + 1` bytes (the reader makes that at least 4) filled by each read; and a
    /// buffer of `input[1] % 67 + 4` bytes (4...70, across the scanner's 64-byte blocks) filled by
    /// reads of uneven lengths, cycling through three taken from the input's last bytes, as in
    /// `Tests/LoadingTests/CSVReaderChunkTests.swift`.
    static func checkStreaming(_ input: [UInt8], records: [CSVRecordView], failure: CSVSyntaxError?) {
        let first = Int(input.first ?? 0)
        let second = Int(input.count > 1 ? input[1] : 0)
        streamAndCompare(input, chunkSize: first % 7 + 1, reads: [Int.max], records: records, failure: failure)
        let chunkSize = second % 67 + 4
        let reads = (1...3).map { k in Int(input.count >= k ? input[input.count - k] : 0) % chunkSize + 1 }
        streamAndCompare(input, chunkSize: chunkSize, reads: reads, records: records, failure: failure)
    }

    /// One streaming reading of `input` with a `chunkSize` buffer and reads of the `reads` lengths (cycled).
    private static func streamAndCompare(
        _ input: [UInt8], chunkSize: Int, reads: [Int], records: [CSVRecordView], failure: CSVSyntaxError?
    ) {
        let how = StreamingPlace(chunkSize: chunkSize, reads: reads)
        var offset = 0
        var turn = 0
        var index = 0
        var streamed: CSVSyntaxError?
        do {
            try CSVReader.forEachRecord(reading: { buffer in
                // `read(2)`'s contract: at most the buffer's length, 0 only at the end.
                let count = min(buffer.count, reads[turn % reads.count], input.count - offset)
                turn += 1
                input.withUnsafeBytes { source in
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
                }
                offset += count
                return count
            }, chunkSize: chunkSize) { record in
                // Relaxed for the streaming path: a streamed record points into the reader's own buffer
                // (the unfinished record carried over plus the bytes read since), not into the input, so
                // `byteCount` is the number of bytes held, not the input's size, and offsets are relative
                // to that buffer. Required instead: the record and its fields lie inside the bytes held,
                // and offsets relative to the record's start equal the whole-buffer reader's (below).
                let (start, byteCount, count) = (record.start, record.byteCount, record.count)
                require(start >= 0 && start <= byteCount, "\(how): record start \(start) outside the \(byteCount) bytes held")
                for i in 0..<count {
                    let field = record.field(i)
                    require(field.rawStart >= start && field.start <= field.end && field.end <= byteCount,
                            "\(how): record \(index + 1), field \(i + 1): range \(field.start)..<\(field.end) outside the record or the \(byteCount) bytes held")
                }
                require(index < records.count, "\(how): record \(index + 1) is one the whole-buffer reading does not have")
                let view = CSVRecordView(record)
                if view != records[index] {
                    violation("\(how): record \(index + 1) differs from the whole-buffer reading: \(difference(view, records[index]))")
                }
                index += 1
            }
        } catch let error as CSVSyntaxError {
            streamed = error
        } catch {
            violation("\(how): CSVReader threw \(error), which is not a CSVSyntaxError")
        }
        require(index == records.count, "\(how): \(index) records read, the whole-buffer reading reads \(records.count)")
        require(streamed == failure,
                "\(how): error \(streamed.map(String.init(describing:)) ?? "none"), the whole-buffer reading says \(failure.map(String.init(describing:)) ?? "none")")
        if failure == nil {
            require(offset == input.count, "\(how): stopped reading at byte \(offset) of \(input.count) without an error")
        }
    }

    /// The first difference between a streamed record and the whole-buffer one, for the message.
    private static func difference(_ streamed: CSVRecordView, _ whole: CSVRecordView) -> String {
        if streamed.line != whole.line { return "line \(streamed.line), whole-buffer \(whole.line)" }
        if streamed.fields.count != whole.fields.count {
            return "line \(whole.line): \(streamed.fields.count) fields, whole-buffer \(whole.fields.count)"
        }
        for (i, (a, b)) in zip(streamed.fields, whole.fields).enumerated() where a != b {
            return "line \(whole.line), field \(i + 1): streamed \(a), whole-buffer \(b)"
        }
        return "no difference found"
    }

    /// Names a streaming reading in messages.
    struct StreamingPlace: CustomStringConvertible {
        let chunkSize: Int
        let reads: [Int]
        var description: String {
            "streaming (chunkSize \(chunkSize), reads \(reads == [Int.max] ? "filling the buffer" : "\(reads)"))"
        }
    }
}
