/// How far a text reaches in lines and columns, so that diagnostics can be checked to point inside it.
///
/// Generous on purpose, because readers disagree on what ends a line: `lines` counts every line
/// break any of them knows (LF, CR, CRLF once, and the NEL, LS and PS that libyaml also counts),
/// while `longestLine` is measured between LFs only, in Unicode scalars with each invalid UTF-8
/// sequence counted once or more. A position outside both is outside the file by anyone's count.
struct TextExtent {
    /// The number of lines, at least 1.
    let lines: Int
    /// The length of the longest run of scalars without a LF.
    let longestLine: Int

    /// Measures the bytes of a file as decoded with replacement characters for invalid UTF-8.
    init(_ bytes: [UInt8]) {
        self.init(String(decoding: bytes, as: UTF8.self))
    }

    /// Measures a text.
    init(_ text: String) {
        var lines = 1
        var longest = 0
        var current = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCR:
                current = 0
            case "\n":
                lines += 1
                current = 0
            case "\r", "\u{85}", "\u{2028}", "\u{2029}":
                lines += 1
                current += 1
            default:
                current += 1
            }
            longest = max(longest, current)
            previousWasCR = scalar == "\r"
        }
        self.lines = lines
        self.longestLine = longest
    }
}
