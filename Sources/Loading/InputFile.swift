#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A content file open for reading piece by piece, so that a large snapshot is never held whole.
final class InputFile {
    private let descriptor: Int32

    /// Opens a regular file; nil when it does not exist, is not a regular file or cannot be opened.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Fills the start of `buffer` with the next bytes and returns how many; 0 at the end of the file.
    func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw ReadError(code: errno) }
        }
    }

    /// A failed read, with its `errno`.
    struct ReadError: Error {
        var code: Int32
        /// The system's description of the failure.
        var message: String { String(cString: strerror(code)) }
    }
}
