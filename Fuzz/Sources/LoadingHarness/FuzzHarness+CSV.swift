import Model

extension FuzzHarness {
    /// Reads `size` bytes at `data` with `CSVReader` and checks every record against `ReferenceCSV`.
    ///
    /// The reader gets libFuzzer's own buffer, which is exactly `size` bytes long, so AddressSanitizer
    /// sees any read past the input by the word-at-a-time scanning. Checked: every field lies inside
    /// the input; records, field contents, lines and columns equal the reference's; a syntax error
    /// is the reference's, at the same place; a field reads as text exactly when it is valid UTF-8,
    /// and as a number exactly when it matches the documented grammar, with `Double(String)`'s value.
    ///
    /// Then the same input is read through the streaming path, `forEachRecord(reading:chunkSize:_:)`,
    /// twice with small buffers and read sizes derived from the input, and each reading must show
    /// exactly what the whole-buffer reading showed (`checkStreaming`).
    public static func csv(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        let input = bytes(data, size)
        let reference = ReferenceCSV(input)
        var index = 0
        var failure: CSVSyntaxError?
        var whole: [CSVRecordView] = []
        do {
            try CSVReader.forEachRecord(in: UnsafeRawBufferPointer(start: data, count: size)) { record in
                require(index < reference.records.count, "record \(index + 1) is one the reference does not have")
                check(record, against: reference.records[index], in: reference, size: size)
                whole.append(CSVRecordView(record))
                index += 1
            }
        } catch let error as CSVSyntaxError {
            failure = error
        } catch {
            violation("CSVReader threw \(error), which is not a CSVSyntaxError")
        }
        require(index == reference.records.count, "\(index) records read, the reference reads \(reference.records.count)")
        let expected = reference.failure.map { CSVSyntaxError(line: $0.line, column: $0.column, message: $0.message) }
        require(failure == expected, "error \(failure.map(String.init(describing:)) ?? "none"), the reference says \(expected.map(String.init(describing:)) ?? "none")")
        if let failure {
            require(failure.line >= 1 && failure.column >= 1, "error position below 1: \(failure)")
        }
        checkStreaming(input, records: whole, failure: failure)
    }

    /// One record against the reference's record.
    private static func check(_ record: borrowing CSVRecord, against expected: ReferenceCSV.Record, in reference: ReferenceCSV, size: Int) {
        // Values first: a borrowed record cannot be captured by the messages' autoclosures.
        let (line, count, start, byteCount) = (record.line, record.count, record.start, record.byteCount)
        require(byteCount == size, "the record's input length \(byteCount) is not the input's \(size)")
        require(line == expected.line, "record line \(line), the reference says \(expected.line)")
        require(count == expected.fields.count, "line \(line): \(count) fields, the reference reads \(expected.fields.count)")
        require(start >= reference.contentStart && start <= size, "record start \(start) outside the input")
        for i in 0..<count {
            let field = record.field(i)
            let want = expected.fields[i]
            let place = FieldPlace(line: line, field: i + 1)
            // The fields never exceed the input.
            require(field.rawStart >= start && field.start <= field.end && field.end <= size,
                    "\(place): range \(field.start)..<\(field.end) (raw start \(field.rawStart)) outside the record or the input of \(size) bytes")
            require(field.rawStart == want.rawStart, "\(place): starts at \(field.rawStart), the reference says \(want.rawStart)")
            let (fieldLine, fieldColumn) = (record.line(of: i), record.column(of: i))
            require(fieldLine == reference.line(ofOffset: want.rawStart), "\(place): line(of:) \(fieldLine)")
            require(fieldColumn == reference.column(ofOffset: want.rawStart), "\(place): column(of:) \(fieldColumn)")
            require(record.isEmpty(at: i) == want.content.isEmpty, "\(place): isEmpty(at:) is wrong")
            checkText(record, i, want, reference, place)
            checkNumber(record, i, want, place)
        }
    }

    /// `string(at:)`, `validatedString(at:)` and `equals(at:_:)` against the field's bytes.
    private static func checkText(_ record: borrowing CSVRecord, _ i: Int, _ want: ReferenceCSV.Field, _ reference: ReferenceCSV, _ place: FieldPlace) {
        let valid = String(validating: want.content, as: UTF8.self)
        let text = record.string(at: i)
        require(text == valid, "\(place): string(at:) is \(text.debugDescription), the bytes say \(valid.debugDescription)")
        if let valid {
            require(record.equals(at: i, valid), "\(place): equals(at:) rejects the field's own text")
            require(!record.equals(at: i, valid + "x"), "\(place): equals(at:) accepts a longer text")
            require((try? record.validatedString(at: i)) == valid, "\(place): validatedString(at:) differs from string(at:)")
        } else {
            let bad = firstInvalidByte(want.content)
            let offset = want.offsets[bad]
            let expected = CSVSyntaxError(line: reference.line(ofOffset: offset), column: reference.column(ofOffset: offset), message: "invalid UTF-8")
            do {
                _ = try record.validatedString(at: i)
                violation("\(place): validatedString(at:) accepts invalid UTF-8")
            } catch {
                require(error == expected, "\(place): validatedString(at:) throws \(error), expected \(expected)")
            }
        }
    }

    /// `double(at:)` against the documented grammar and `Double(String)`.
    private static func checkNumber(_ record: borrowing CSVRecord, _ i: Int, _ want: ReferenceCSV.Field, _ place: FieldPlace) {
        let number = record.double(at: i)
        guard matchesNumberGrammar(want.content) else {
            require(number == nil, "\(place): double(at:) reads \(number!) from text outside the grammar")
            return
        }
        let expected = Double(String(decoding: want.content, as: UTF8.self))
        guard let number, let expected else {
            violation("\(place): double(at:) is \(number.debugDescription), Double(String) is \(expected.debugDescription)")
        }
        require(!number.isNaN, "\(place): double(at:) is NaN")
        require(number.bitPattern == expected.bitPattern,
                "\(place): double(at:) reads \(number) from '\(String(decoding: want.content, as: UTF8.self))', Double(String) reads \(expected)")
    }

    /// Whether the bytes are exactly `[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func matchesNumberGrammar(_ bytes: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Bool {
            let start = i
            while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            return i > start
        }
        if i < bytes.count && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
        guard digits() else { return false }
        if i < bytes.count && bytes[i] == 0x2E {
            i += 1
            guard digits() else { return false }
        }
        if i < bytes.count && (bytes[i] == 0x65 || bytes[i] == 0x45) {
            i += 1
            if i < bytes.count && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
            guard digits() else { return false }
        }
        return i == bytes.count
    }

    /// The index of the first byte of the first ill-formed sequence, found with the standard library's parser.
    private static func firstInvalidByte(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: violation("the bytes are valid UTF-8 after all")
            }
        }
    }

    /// Names a field in messages; a value rather than a string so that passing checks format nothing.
    struct FieldPlace: CustomStringConvertible {
        let line: Int
        let field: Int
        var description: String { "line \(line), field \(field)" }
    }
}
