import Model

extension FuzzHarness {
    /// Decodes the bytes as a Markdown file with `TextFile.decode`, splits it with `FrontMatter.split`, and checks both.
    ///
    /// Decoding must succeed exactly on valid UTF-8, report the first bad byte where it is, change
    /// nothing but line endings, and leave no CRLF. Splitting is checked against the same rule done over Unicode scalars: the
    /// first line and the closing line are `---` (trailing spaces and tabs allowed), `yaml` is what
    /// lies between, `body` what follows and `bodyLine` where it starts; a file without front
    /// matter gets exactly one error at line 1, column 1.
    public static func frontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        let input = bytes(data, size)
        let path = "content/projects/demo/feedback/2025-04-10-note.md"
        let log = DiagnosticLog()
        defer { checkDiagnostics(log.items, path: path, extent: TextExtent(input)) }

        guard let text = checkedDecode(input, path: path, log: log) else { return }
        let split = FrontMatter.split(text, path: path, log: log)

        // The same rule over scalars; a LF is a line on its own once no CRLF is left.
        let scalars = Array(text.unicodeScalars)
        let lines = scalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        func isFence(_ line: String) -> Bool {
            var scalars = Array(line.unicodeScalars)
            while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
            return scalars == Array("---".unicodeScalars)
        }
        guard isFence(lines[0]), let close = lines.dropFirst().firstIndex(where: isFence) else {
            require(split == nil, "split found front matter where there is none")
            require(log.items.count == 1 && log.items[0].line == 1 && log.items[0].column == 1,
                    "a file without front matter should get one error at 1:1, got \(log.items)")
            return
        }
        guard let split else { violation("split found no front matter; it closes on line \(close + 1)") }
        require(log.items.isEmpty, "split logged \(log.items) but succeeded")
        require(split.yaml == lines[1..<close].joined(separator: "\n"), "yaml is \(split.yaml.debugDescription)")
        require(split.body == lines[(close + 1)...].joined(separator: "\n"), "body is \(split.body.debugDescription)")
        require(split.bodyLine == close + 2, "bodyLine is \(split.bodyLine), the closing '---' is on line \(close + 1)")
    }

    /// `TextFile.decode`, checked: text exactly for valid UTF-8, with no BOM and no CRLF left; else one error at the first bad byte.
    static func checkedDecode(_ input: [UInt8], path: String, log: DiagnosticLog) -> String? {
        let errorsBefore = log.errorCount
        let text = TextFile.decode(input, path: path, log: log)
        let body = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
        guard let valid = String(validating: body, as: UTF8.self) else {
            require(text == nil, "decode accepted invalid UTF-8")
            require(log.errorCount == errorsBefore + 1, "decode of invalid UTF-8 should log one error")
            // The first bad byte, by the standard library's parser; lines counted at LF, columns in scalars.
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = body.makeIterator()
            var offset = 0
            parsing: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar): offset += scalar.count
                case .error, .emptyInput: break parsing
                }
            }
            let before = body[..<offset]
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let line = 1 + before.filter { $0 == 0x0A }.count
            let column = 1 + String(decoding: body[lineStart..<offset], as: UTF8.self).unicodeScalars.count
            let reported = log.items.last!
            require(reported.line == line && reported.column == column,
                    "invalid UTF-8 reported at \(reported.line):\(reported.column), the first bad byte is at \(line):\(column)")
            return nil
        }
        guard let text else { violation("decode rejected valid UTF-8") }
        // Line endings are the only change: the same text once every CRLF and lone CR is a LF.
        require(lineFeedsOnly(text) == lineFeedsOnly(valid), "decode changed more than line endings: \(text.debugDescription)")
        require(!containsCRLF(text), "decoded text still holds a CRLF: \(text.debugDescription)")
        return text
    }

    /// The scalars of `text` with each CRLF, then each remaining CR, turned into a LF.
    private static func lineFeedsOnly(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            result.append(previousWasCR ? "\n" : scalar)
        }
        return result
    }

    /// Whether the text holds a CR directly followed by a LF.
    private static func containsCRLF(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0x0D && byte == 0x0A { return true }
            previous = byte
        }
        return false
    }
}
