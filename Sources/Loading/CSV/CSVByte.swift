/// The bytes that mean something to the CSV grammar.
enum CSVByte {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    /// Every structural byte is at most this value, so anything above it is plain field content.
    static let highestStructural: UInt8 = 0x2C
}
