import Model

/// Decodes a content file's bytes as UTF-8 text, with or without a BOM, LF or CRLF.
enum TextFile {
    /// The text with the BOM removed and CRLF and lone CR folded to LF; nil (logged) for invalid UTF-8.
    static func decode(_ bytes: [UInt8], path: String, log: DiagnosticLog) -> String? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let (line, column) = firstInvalidPosition(body)
            log.error("invalid-utf8", "the file is not valid UTF-8 text; save it as UTF-8", at: SourceLocation(path: path, line: line, column: column))
            return nil
        }
        return body.contains(13) ? foldLineEnds(text) : text
    }

    /// CRLF and a lone CR become LF, as the YAML parser and the CSV reader count lines (CR CR LF from a file
    /// converted twice must not hide a line break from the front-matter splitter). By scalars, not by string
    /// search: Foundation will not match a CRLF followed by a combining mark, which would then fold twice.
    private static func foldLineEnds(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR { continue }
            scalars.append(scalar == "\r" ? "\n" : scalar)
        }
        return String(scalars)
    }

    /// The line and column (in characters, as editors count) of the first byte that breaks UTF-8.
    private static func firstInvalidPosition(_ bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1, lineStart = bytes.startIndex, index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + length
            guard length > 0, end <= bytes.endIndex,
                  String(validating: bytes[index..<end], as: UTF8.self) != nil
            else { return (line, String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1) }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = end
            }
            index = end
        }
        return (line, String(decoding: bytes[lineStart..<index], as: UTF8.self).unicodeScalars.count + 1)
    }
}
