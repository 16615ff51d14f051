import Foundation
import Loading
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    // MARK: - Fixture corpus

    /// The edge-case corpus written by `Fixtures/csv/make-expected.py`.
    static let fixtureDirectory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("csv")

    /// Every case in the corpus, by name without extension.
    static let fixtureNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: fixtureDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".csv") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// A fixture's sidecar: the records Python's csv module read, or a hand-written error.
    struct Expectation: Decodable {
        struct Position: Decodable {
            var line: Int
            var column: Int
            var message: String
        }

        var records: [[String]]?
        var lines: [Int]?
        var error: Position?
    }

    @Test func corpusIsComplete() {
        #expect(Self.fixtureNames.count >= 26)
        for name in ["bom", "crlf", "lone-cr", "quoted-crlf", "unterminated-quote", "invalid-utf8", "long-field"] {
            #expect(Self.fixtureNames.contains(name), "missing fixture \(name)")
        }
    }

    @Test("fixture matches its sidecar", arguments: fixtureNames)
    func fixture(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.fixtureDirectory.appendingPathComponent("\(name).csv")))
        let sidecar = try Data(contentsOf: Self.fixtureDirectory.appendingPathComponent("\(name).json"))
        let expected = try JSONDecoder().decode(Expectation.self, from: sidecar)

        var records: [[String]] = []
        var lines: [Int] = []
        do {
            try CSVReader.forEachRecord(in: bytes) { record in
                var fields: [String] = []
                for index in 0..<record.count {
                    fields.append(try record.validatedString(at: index))
                }
                records.append(fields)
                lines.append(record.line)
            }
        } catch let error as CSVSyntaxError {
            let position = try #require(expected.error, "unexpected error \(error)")
            #expect(error == CSVSyntaxError(line: position.line, column: position.column, message: position.message))
            return
        }
        #expect(expected.error == nil, "expected an error, read \(records.count) records")
        let expectedRecords = try #require(expected.records)
        #expect(records == expectedRecords)
        // String equality is canonical equivalence ("é" == "e\u{301}"); the bytes must match too.
        #expect(records.map { $0.map { Array($0.utf8) } } == expectedRecords.map { $0.map { Array($0.utf8) } })
        #expect(lines == expected.lines)
    }

    // MARK: - Records and positions

    /// Reads `text` and returns every record's fields, for small inline cases.
    static func read(_ text: String) throws -> [[String?]] {
        var records: [[String?]] = []
        try CSVReader.forEachRecord(in: Array(text.utf8)) { record in
            records.append((0..<record.count).map { record.string(at: $0) })
        }
        return records
    }

    /// The error that reading `bytes` throws, if any.
    static func syntaxError(_ bytes: [UInt8]) -> CSVSyntaxError? {
        do {
            try CSVReader.forEachRecord(in: bytes) { _ in }
            return nil
        } catch {
            return error as? CSVSyntaxError
        }
    }

    @Test func inlineBasics() throws {
        #expect(try Self.read("") == [])
        #expect(try Self.read("\n\r\n\r") == [])
        #expect(try Self.read("a") == [["a"]])
        #expect(try Self.read(",") == [["", ""]])
        #expect(try Self.read("\"\"") == [[""]])
        #expect(try Self.read("a,\"\"\r\n") == [["a", ""]])
        #expect(try Self.read("\"a\"\"\"") == [["a\""]])
        #expect(try Self.read("\"\r\"\r\"\n\"") == [["\r"], ["\n"]])
    }

    @Test func fieldPositionsCountScalarsFromTheLineStart() throws {
        // BOM, then a two-byte and a four-byte scalar before later fields; a quoted line break in record 2.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("é,😀,x\r\n1,\"a\r\nbc\",\"d\",e\n".utf8)
        var seen: [[String]] = []
        try CSVReader.forEachRecord(in: bytes) { record in
            seen.append((0..<record.count).map { "\(record.line(of: $0)):\(record.column(of: $0))" })
        }
        #expect(seen == [["1:1", "1:3", "1:5"], ["2:1", "2:3", "3:5", "3:9"]])
    }

    @Test func errorAtFieldIsPositionedAtItsStart() throws {
        var error: CSVSyntaxError?
        try CSVReader.forEachRecord(in: Array("a,b\n1,\"oops\"\n".utf8)) { record in
            if record.line == 2 { error = record.error(at: 1, "value is not a number") }
        }
        #expect(error == CSVSyntaxError(line: 2, column: 3, message: "value is not a number"))
        #expect(error?.description == "line 2, column 3: value is not a number")
    }

    @Test func errorsPointAtTheOffendingByte() {
        #expect(Self.syntaxError(Array("\"abc".utf8)) == CSVSyntaxError(
            line: 1, column: 1, message: "unterminated quoted field"))
        #expect(Self.syntaxError(Array("ok\nÄ,\"x\ny\nz".utf8)) == CSVSyntaxError(
            line: 2, column: 3, message: "unterminated quoted field"))
        #expect(Self.syntaxError([0xEF, 0xBB, 0xBF] + Array("é\"".utf8)) == CSVSyntaxError(
            line: 1, column: 2, message: "quote inside an unquoted field"))
        #expect(Self.syntaxError(Array("a\r\r\n\"x\"y".utf8)) == CSVSyntaxError(
            line: 3, column: 4, message: "unexpected character after closing quote"))
    }

    @Test func recordsBeforeAnErrorAreDelivered() {
        var lines: [Int] = []
        #expect(throws: CSVSyntaxError(line: 3, column: 2, message: "quote inside an unquoted field")) {
            try CSVReader.forEachRecord(in: Array("a\nb\nc\"\nd\n".utf8)) { record in
                lines.append(record.line)
            }
        }
        #expect(lines == [1, 2])
    }

    @Test func bodyErrorsAreRethrownAndStopReading() {
        struct Stop: Error, Equatable {}
        var count = 0
        #expect(throws: Stop()) {
            try CSVReader.forEachRecord(in: Array("a\nb\nc\n".utf8)) { _ in
                count += 1
                if count == 2 { throw Stop() }
            }
        }
        #expect(count == 2)
    }

    @Test func rawBufferAndArrayAgree() throws {
        let bytes = Array("x,y\n\"1\",2\n".utf8)
        var fromArray: [String] = []
        var fromBuffer: [String] = []
        try CSVReader.forEachRecord(in: bytes) { fromArray.append($0.string(at: 0) ?? "?") }
        try bytes.withUnsafeBytes { buffer in
            try CSVReader.forEachRecord(in: buffer) { fromBuffer.append($0.string(at: 0) ?? "?") }
        }
        #expect(fromArray == ["x", "1"])
        #expect(fromBuffer == fromArray)
    }

    // MARK: - Field accessors

    @Test func invalidUTF8IsNilOrAPositionedError() throws {
        let bytes: [UInt8] = Array("a,\"b\"\"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8)
        try CSVReader.forEachRecord(in: bytes) { record in
            #expect(record.string(at: 0) == "a")
            #expect(record.string(at: 1) == nil)
            #expect(throws: CSVSyntaxError(line: 1, column: 7, message: "invalid UTF-8")) {
                try record.validatedString(at: 1)
            }
        }
    }

    @Test(arguments: [
        // Shortest and longest of each length, then the edges of the Unicode well-formedness table.
        ([0xC2, 0x80], true), ([0xDF, 0xBF], true), ([0xE0, 0xA0, 0x80], true), ([0xEF, 0xBF, 0xBF], true),
        ([0xF0, 0x90, 0x80, 0x80], true), ([0xF4, 0x8F, 0xBF, 0xBF], true), ([0xED, 0x9F, 0xBF], true),
        ([0x61, 0xE2, 0x82, 0xAC, 0x62], true),
        // Overlong forms, surrogates, values past U+10FFFF, truncations, stray continuation bytes.
        ([0xC0, 0x80], false), ([0xC1, 0xBF], false), ([0xE0, 0x9F, 0x80], false), ([0xED, 0xA0, 0x80], false),
        ([0xF0, 0x8F, 0xBF, 0xBF], false), ([0xF4, 0x90, 0x80, 0x80], false), ([0xF5, 0x80, 0x80, 0x80], false),
        ([0x80], false), ([0xBF], false), ([0xE2, 0x82], false), ([0xF0, 0x9F, 0x98], false), ([0x61, 0xFF], false),
        ([0xFE], false), ([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0xC3], false),
    ] as [([UInt8], Bool)])
    func utf8Validation(_ bytes: [UInt8], isValid: Bool) throws {
        try CSVReader.forEachRecord(in: bytes) { record in
            #expect((record.string(at: 0) != nil) == isValid)
            #expect(((try? record.validatedString(at: 0)) != nil) == isValid)
            if isValid { #expect(record.string(at: 0).map { Array($0.utf8) } == bytes) }
        }
    }

    @Test func emptinessAndByteEquality() throws {
        try CSVReader.forEachRecord(in: Array("a,,\"\",\"say \"\"hi\"\"\",Zürich,\" \"\n".utf8)) { record in
            #expect(record.count == 6)
            #expect((0..<record.count).map { record.isEmpty(at: $0) } == [false, true, true, false, false, false])
            #expect(record.equals(at: 0, "a"))
            #expect(!record.equals(at: 0, "ab"))
            #expect(!record.equals(at: 0, ""))
            #expect(record.equals(at: 1, ""))
            #expect(record.equals(at: 2, ""))
            #expect(record.equals(at: 3, "say \"hi\""))
            #expect(!record.equals(at: 3, "say \"hi"))
            #expect(!record.equals(at: 3, "say "))
            #expect(record.equals(at: 4, "Zürich"))
            #expect(!record.equals(at: 4, "Zurich"))
            #expect(record.equals(at: 5, " "))
        }
    }

    // MARK: - Numbers

    /// The number in a one-field record holding exactly `text`, read by `double(at:)`.
    static func double(_ text: String) throws -> Double?? {
        var result: Double??
        try CSVReader.forEachRecord(in: Array(text.utf8)) { result = $0.double(at: 0) }
        return result
    }

    @Test(arguments: [
        "0", "-0", "+0", "1", "-1", "+1", "00012", "3.14", "-2.5e-3", "1E10", "1e+10", "6.02214076e23",
        "0.1", "0.30000000000000004", "9007199254740993", "123456789012345678901234567890", "1e22", "1e23",
        "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "1e400", "-1e400", "1e-400",
        "0e999999999", "0.000000000000000000000000000001", "1.00000000000000000000000000001",
        // Halfway between two doubles (ties to even) and just beside, on the integer paths.
        "9007199254740995", "18014398509481986", "1152921504606847104", "1152921504606847105", "1152921504606847103",
        "4503599627370496.5", "4503599627370497.5", "4503599627370496.50000001", "0.8444218515250481",
        "12.345678901234567", "9999999999999999999", "9999999999999999999e27", "1234567890123456789e-27",
        "18446744073709551615", "0.12345678901234567e-10",
    ])
    func doubleAgreesWithTheStandardLibrary(_ text: String) throws {
        let expected = try #require(Double(text))
        let parsed = try #require(try Self.double(text) ?? nil, "\(text) was rejected")
        #expect(parsed.bitPattern == expected.bitPattern, "\(text): \(parsed) != \(expected)")
    }

    @Test(arguments: [
        "", " 1", "1 ", "+", "-", "1.", ".5", "-.5", "1e", "1e+", "e5", "1.2.3", "1,5", "0x1p3", "nan", "NaN",
        "inf", "-infinity", "1_000", "١", "1e5x", "--1", "+-1", "1.e5", "1\"",
    ])
    func doubleRejectsAnythingOutsideTheGrammar(_ text: String) throws {
        // Quoted, so that "" and "1,5" are one field.
        let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        #expect(try Self.double(quoted) == .some(nil), "\(text) was accepted")
    }

    @Test func quotedNumbersParse() throws {
        #expect(try Self.double("\"-12.5\"") == -12.5)
        #expect(try Self.double("\"\"") == .some(nil))
    }

    @Test func randomNumbersAgreeWithTheStandardLibrary() throws {
        var generator = SeededGenerator(seed: 0x5EED_CAFE)
        var text: [String] = []
        for _ in 0..<20_000 {
            var number = ["", "-", "+"][Int.random(in: 0..<3, using: &generator)]
            let digits = Int.random(in: 1...(Bool.random(using: &generator) ? 8 : 25), using: &generator)
            number += (0..<digits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            if Bool.random(using: &generator) {
                let fraction = Int.random(in: 1...20, using: &generator)
                number += "." + (0..<fraction).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            }
            if Int.random(in: 0..<3, using: &generator) == 0 {
                number += ["e", "E"][Int.random(in: 0..<2, using: &generator)]
                number += ["", "-", "+"][Int.random(in: 0..<3, using: &generator)]
                number += String(Int.random(in: 0...(Bool.random(using: &generator) ? 25 : 330), using: &generator))
            }
            text.append(number)
        }
        var index = 0
        try CSVReader.forEachRecord(in: Array(text.joined(separator: "\n").utf8)) { record in
            let expected = Double(text[index])!
            let parsed = record.double(at: 0)
            #expect(parsed?.bitPattern == expected.bitPattern, "\(text[index])")
            index += 1
        }
        #expect(index == text.count)
    }

    @Test func longSignificandsAgreeWithTheStandardLibrary() throws {
        // 15 to 19 digits with powers of ten around the ±27 limit of the exact integer path.
        var generator = SeededGenerator(seed: 1_7976_9313)
        var text: [String] = []
        for _ in 0..<50_000 {
            let digits = Int.random(in: 15...19, using: &generator)
            var number = String(Int.random(in: 1...9, using: &generator))
            number += (1..<digits).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            text.append(number + "e" + String(Int.random(in: -30...30, using: &generator)))
        }
        var index = 0
        try CSVReader.forEachRecord(in: Array(text.joined(separator: "\n").utf8)) { record in
            #expect(record.double(at: 0)?.bitPattern == Double(text[index])!.bitPattern, "\(text[index])")
            index += 1
        }
        #expect(index == text.count)
    }

    // MARK: - Round trip

    @Test func randomRecordsRoundTrip() throws {
        var generator = SeededGenerator(seed: 4180)
        let pieces = [
            "a", "Z", "7", " ", ",", "\"", "\r", "\n", "\r\n", "é", "e\u{301}", "東", "😀", "-", ".", "\"\"",
        ]
        for _ in 0..<300 {
            let endings = ["\n", "\r\n", "\r"]
            let ending = endings[Int.random(in: 0..<3, using: &generator)]
            let width = Int.random(in: 1...6, using: &generator)
            var records: [[String]] = []
            var lines: [Int] = []
            var text = Bool.random(using: &generator) ? "\u{FEFF}" : ""
            var line = 1
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                while Int.random(in: 0..<8, using: &generator) == 0 {
                    // A blank line with any ending, except an LF right after a CR, which would join it to a CRLF.
                    let blank = endings[Int.random(in: 0..<3, using: &generator)]
                    text += text.utf8.last == 0x0D && blank == "\n" ? "\r" : blank
                    line += 1
                }
                let isRagged = Int.random(in: 0..<5, using: &generator) == 0
                let count = isRagged ? Int.random(in: 1...9, using: &generator) : width
                let record = (0..<count).map { _ in
                    (0..<Int.random(in: 0...6, using: &generator))
                        .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
                }
                let mustQuote = { (field: String) in
                    field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                        || (field.isEmpty && count == 1)
                }
                lines.append(line)
                records.append(record)
                text += record.map { field in
                    guard mustQuote(field) || Int.random(in: 0..<5, using: &generator) == 0 else { return field }
                    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                }.joined(separator: ",")
                line += record.reduce(0) { $0 + Self.lineEndings(in: $1) }
                text += ending
                line += 1
            }
            if Bool.random(using: &generator), !records.isEmpty {
                text.removeLast()  // the last record's line ending: "\r\n" is one Character
            }

            var read: [[String]] = []
            var readLines: [Int] = []
            try CSVReader.forEachRecord(in: Array(text.utf8)) { record in
                read.append(try (0..<record.count).map { try record.validatedString(at: $0) })
                readLines.append(record.line)
            }
            #expect(
                read.map { $0.map { Array($0.utf8) } } == records.map { $0.map { Array($0.utf8) } },
                "\(text.debugDescription)")
            #expect(readLines == lines, "\(text.debugDescription)")
        }
    }

    @Test func randomBytesMatchAByteAtATimeReading() throws {
        // Inputs made mostly of the bytes that matter, long enough to cross the reader's 64-byte blocks.
        var generator = SeededGenerator(seed: 64)
        let alphabet: [[UInt8]] = [
            [0x61], [0x62], [0x20], [0x2C], [0x2C], [0x22], [0x22], [0x0D], [0x0A], [0x0A], [0xC3, 0xA9], [0x2D],
        ]
        for _ in 0..<3_000 {
            var bytes: [UInt8] = Int.random(in: 0..<10, using: &generator) == 0 ? [0xEF, 0xBB, 0xBF] : []
            let length = Int.random(in: 0...(Bool.random(using: &generator) ? 20 : 300), using: &generator)
            // Mostly plain text with the odd special byte, or mostly special bytes.
            let plainness = Int.random(in: 0...10, using: &generator)
            for _ in 0..<length {
                bytes += Int.random(in: 0..<10, using: &generator) < plainness
                    ? [0x61 + UInt8.random(in: 0..<3, using: &generator)]
                    : alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }
            let expected = Self.referenceRead(bytes)
            var records: [[[UInt8]]] = []
            var lines: [Int] = []
            var error: CSVSyntaxError?
            do {
                try CSVReader.forEachRecord(in: bytes) { record in
                    records.append((0..<record.count).map { Array(record.string(at: $0)?.utf8 ?? "\u{FFFD}".utf8) })
                    lines.append(record.line)
                }
            } catch let thrown as CSVSyntaxError {
                error = thrown
            }
            #expect(records == expected.records, "\(bytes)")
            #expect(lines == expected.lines, "\(bytes)")
            #expect(error == expected.error, "\(bytes)")
        }
    }

    /// The same grammar read one byte at a time, slowly and obviously, to compare the reader with.
    static func referenceRead(_ bytes: [UInt8]) -> (records: [[[UInt8]]], lines: [Int], error: CSVSyntaxError?) {
        let (quote, comma, lineFeed, carriageReturn): (UInt8, UInt8, UInt8, UInt8) = (0x22, 0x2C, 0x0A, 0x0D)
        var records: [[[UInt8]]] = []
        var lines: [Int] = []
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var lineStart = i
        func column(_ offset: Int) -> Int { 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count }
        func failure(_ line: Int, _ column: Int, _ message: String) -> ([[[UInt8]]], [Int], CSVSyntaxError?) {
            (records, lines, CSVSyntaxError(line: line, column: column, message: message))
        }
        func isLineEnd(_ offset: Int) -> Bool { bytes[offset] == lineFeed || bytes[offset] == carriageReturn }
        /// Moves past the line ending at `i`.
        func endLine() {
            i += bytes[i] == carriageReturn && i + 1 < bytes.count && bytes[i + 1] == lineFeed ? 2 : 1
            line += 1
            lineStart = i
        }

        while i < bytes.count {
            if isLineEnd(i) {
                endLine()
                continue
            }
            var record: [[UInt8]] = []
            let recordLine = line
            while true {
                var field: [UInt8] = []
                if bytes[i] == quote {
                    let (openingLine, openingColumn) = (line, column(i))
                    i += 1
                    while true {
                        guard i < bytes.count else {
                            return failure(openingLine, openingColumn, "unterminated quoted field")
                        }
                        if bytes[i] == quote {
                            if i + 1 < bytes.count && bytes[i + 1] == quote {
                                field.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        field.append(bytes[i])
                        let isCRLF = bytes[i] == carriageReturn && i + 1 < bytes.count && bytes[i + 1] == lineFeed
                        if bytes[i] == lineFeed || (bytes[i] == carriageReturn && !isCRLF) {
                            line += 1
                            lineStart = i + 1
                        }
                        i += 1
                    }
                    if i < bytes.count && bytes[i] != comma && !isLineEnd(i) {
                        return failure(line, column(i), "unexpected character after closing quote")
                    }
                } else {
                    while i < bytes.count && bytes[i] != comma && !isLineEnd(i) {
                        if bytes[i] == quote { return failure(line, column(i), "quote inside an unquoted field") }
                        field.append(bytes[i])
                        i += 1
                    }
                }
                record.append(field)
                guard i < bytes.count else { break }
                if bytes[i] == comma {
                    i += 1
                    // A comma at the very end leaves one more, empty, field.
                    if i == bytes.count { record.append([]) }
                    if i == bytes.count { break }
                    continue
                }
                endLine()
                break
            }
            records.append(record)
            lines.append(recordLine)
        }
        return (records, lines, nil)
    }

    /// LF, CRLF and lone CR in `text`, each counted once.
    static func lineEndings(in text: String) -> Int {
        let bytes = Array(text.utf8)
        var count = 0
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) { count += 1 }
        }
        return count
    }

    /// SplitMix64: a small generator with a fixed seed, so a failing case reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
