import Foundation

/// Paths made absolute without asking the file system.
///
/// `URL.standardizedFileURL` resolves symbolic links as soon as a path holds a `..`: the output `site` is a link
/// to `.site.a`, so `--output /repo/content/../site` became `/repo/.site.a`, and the build took the live folder
/// for a plain output folder to replace. Every path the build derives from `--output`, `--content` and
/// `--templates` is normalised here instead, the way a shell's `cd` reads it.
public enum LexicalPath {
    /// `path` against the working directory when relative, with empty and `.` components dropped and each `..`
    /// removing the component before it.
    public static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
