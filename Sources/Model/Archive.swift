/// A compact binary encoding for the build cache: length-prefixed UTF-8 strings and little-endian integers.
///
/// The cache is read on every build, so it must decode far faster than JSON; it is private to one
/// executable (`BuildCache.currentVersion`), so the format needs no versioning of its own.
public struct ArchiveWriter {
    /// The encoded bytes.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty archive.
    public init() {}

    /// Appends an integer (8 bytes).
    public mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a string: its UTF-8 length, then its bytes.
    public mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    /// Appends a Boolean.
    public mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    /// Appends an optional string.
    public mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// Appends a list: its count, then each element.
    public mutating func list<T>(_ values: [T], _ element: (inout ArchiveWriter, T) -> Void) {
        int(values.count)
        for value in values { element(&self, value) }
    }

    /// Appends a dictionary with string keys, in key order (so that equal dictionaries give equal bytes).
    public mutating func map<T>(_ values: [String: T], _ element: (inout ArchiveWriter, T) -> Void) {
        list(values.sorted { $0.key < $1.key }) { writer, entry in
            writer.string(entry.key)
            element(&writer, entry.value)
        }
    }
}

/// Reads what `ArchiveWriter` wrote; any truncation or nonsense throws `ArchiveReader.Malformed`.
public struct ArchiveReader {
    /// The archive is damaged or from another format.
    public struct Malformed: Error {
        /// Creates the error.
        public init() {}
    }

    private let bytes: [UInt8]
    private var offset = 0

    /// Reads `bytes` from the start.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    /// The next integer.
    public mutating func int() throws(Malformed) -> Int {
        guard offset + 8 <= bytes.count else { throw Malformed() }
        var value: Int64 = 0
        withUnsafeMutableBytes(of: &value) { target in
            for index in 0..<8 { target[index] = bytes[offset + index] }
        }
        offset += 8
        return Int(Int64(littleEndian: value))
    }

    /// The next string.
    public mutating func string() throws(Malformed) -> String {
        let count = try int()
        guard count >= 0, offset + count <= bytes.count else { throw Malformed() }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    /// The next Boolean.
    public mutating func bool() throws(Malformed) -> Bool { try int() != 0 }

    /// The next optional string.
    public mutating func optional() throws(Malformed) -> String? { try bool() ? try string() : nil }

    /// The next list.
    public mutating func list<T>(_ element: (inout ArchiveReader) throws(Malformed) -> T) throws(Malformed) -> [T] {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try element(&self)) }
        return values
    }

    /// The next dictionary with string keys.
    public mutating func map<T>(_ element: (inout ArchiveReader) throws(Malformed) -> T) throws(Malformed) -> [String: T] {
        let entries = try list { reader throws(Malformed) -> (String, T) in (try reader.string(), try element(&reader)) }
        return Dictionary(entries, uniquingKeysWith: { _, last in last })
    }
}
