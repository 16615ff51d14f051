/// Checks field bytes for well-formed UTF-8 without going through a generic standard library entry point.
enum CSVUTF8 {
    /// The offset of the first byte of the first malformed sequence in `start..<end`, if any.
    ///
    /// Follows the Unicode well-formedness table (no overlong forms, surrogates or values past
    /// U+10FFFF), the same rule as `String(validating:as:)`.
    static func firstInvalidByte(in bytes: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var i = start
        while i < end {
            // Eight ASCII bytes at a time: field text is mostly ASCII.
            while i &+ 8 <= end,
                UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                i &+= 8
            }
            guard i < end else { break }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            var length = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + 1 < end, (low...high).contains(bytes[i + 1]) else { return i }
            for k in 2..<length {
                guard i + k < end, bytes[i + k] & 0xC0 == 0x80 else { return i }
            }
            i += length
        }
        return nil
    }
}
