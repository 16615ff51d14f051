import Foundation

extension UnsafeMutablePointer where Pointee == dirent {
    /// The entry's name, as `readdir` gives it (bytes up to the first NUL, decoded as UTF-8).
    public var name: String {
        withUnsafeBytes(of: pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }
}
