import Foundation

/// Reads files below a content directory; the only file-system access of Loading.
struct DirectoryReader {
    /// The content directory as the user named it.
    let root: String

    /// The path shown in diagnostics: the root joined with a relative path.
    func display(_ relative: String) -> String {
        relative.isEmpty ? root : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }

    /// Whether the relative path is a directory.
    func isDirectory(_ relative: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: display(relative), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The entries of a directory, sorted; empty when it does not exist.
    func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: display(relative))) ?? []).sorted()
    }

    /// Whether the entry `name` of the content directory is the link a build makes for its output (to
    /// `.<name>.a` or `.<name>.b`): a site built inside the content directory, which is not content.
    func isSiteLink(_ name: String) -> Bool {
        guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: display(name)) else { return false }
        return destination == ".\(name).a" || destination == ".\(name).b"
    }

    /// The bytes of a regular file; nil when it does not exist or is a directory.
    func read(_ relative: String) -> [UInt8]? {
        guard !isDirectory(relative), let data = FileManager.default.contents(atPath: display(relative)) else { return nil }
        return [UInt8](data)
    }

    /// A regular file opened for reading piece by piece; nil when it does not exist or is a directory.
    func open(_ relative: String) -> InputFile? {
        InputFile(path: display(relative))
    }
}
