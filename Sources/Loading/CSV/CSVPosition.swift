/// Turns byte offsets into the 1-based lines and columns that `CSVSyntaxError` reports.
///
/// Only errors and explicit position queries come here, so it rescans rather than tracking columns
/// on the hot path.
enum CSVPosition {
    /// The column of `offset`: one plus the Unicode scalars between the start of its line and it.
    ///
    /// `lineFloor` is an offset known to start a line (a record's start), so the scan stops there
    /// even when no line ending precedes it, as after a byte order mark.
    static func column(ofOffset offset: Int, in bytes: UnsafePointer<UInt8>, lineFloor: Int) -> Int {
        var i = offset
        var column = 1
        while i > lineFloor {
            let byte = bytes[i - 1]
            if byte == CSVByte.lineFeed || byte == CSVByte.carriageReturn { break }
            if byte & 0xC0 != 0x80 { column += 1 }
            i -= 1
        }
        return column
    }

    /// The line of `offset`, counting the line endings between a record's start and it.
    static func line(
        ofOffset offset: Int,
        in bytes: UnsafePointer<UInt8>,
        recordStart: Int,
        recordLine: Int
    ) -> Int {
        var line = recordLine
        var i = recordStart
        while i < offset {
            let byte = bytes[i]
            if byte == CSVByte.lineFeed {
                line += 1
            } else if byte == CSVByte.carriageReturn && !(i + 1 < offset && bytes[i + 1] == CSVByte.lineFeed) {
                line += 1
            }
            i += 1
        }
        return line
    }
}
