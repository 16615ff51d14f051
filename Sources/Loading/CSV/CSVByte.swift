/// The bytes that mean something to the CSV grammar.
enum CSVByte {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    /// LF and CR as bits of a mask indexed by byte value, for bytes below 64.
    static let lineEndings: UInt64 = 1 << 0x0A | 1 << 0x0D
}
