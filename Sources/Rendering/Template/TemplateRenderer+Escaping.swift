extension TemplateRenderer {
    /// Appends `text` with `&`, `<`, `>`, `"` and `'` replaced by `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`.
    ///
    /// The set and the entities are those the pages have always used. A special character that is part of a
    /// larger character (a combining mark after `&`, say) is kept as it is, because escaping has always worked
    /// on whole characters.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                guard Self.standsAlone(at: index, in: bytes) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// Whether the ASCII byte at `index` is a character of its own rather than the start or end of a cluster.
    ///
    /// Only a non-ASCII neighbour can join it: a prepended mark before it, or a combining mark, joiner or spacing
    /// mark after it. Whether it does is asked of `String` itself with the neighbour alone, which is all the
    /// grapheme-breaking rules look at for an ASCII symbol.
    private static func standsAlone(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if index > 0, bytes[index - 1] >= 0x80 {
            var start = index - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            if String(decoding: UnsafeBufferPointer(rebasing: bytes[start...index]), as: UTF8.self).count != 2 { return false }
        }
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80 {
            var end = index + 2
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            if String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).count != 2 { return false }
        }
        return true
    }
}
