/// One output file: a path relative to the site root and its bytes. Rendering never writes to disk.
public struct RenderedFile: Hashable, Sendable {
    /// The path relative to the site root, with `/` separators.
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates a file from text (UTF-8).
    public init(path: String, text: String) {
        self.path = path
        self.bytes = Array(text.utf8)
    }

    /// Creates a file from bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
