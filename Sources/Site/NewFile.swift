import Foundation
import Model

/// `yardstick new project|note|decision`: writes one correctly named content file with its front matter filled in.
///
/// Every function takes the day as a parameter (the command line passes today in UTC), so the same call always
/// writes the same bytes. A refusal writes nothing and says why as a `path:0:0: error:` diagnostic.
public enum NewFile {
    /// Why a file could not be created; nothing was written.
    public struct Failure: Error, Sendable {
        /// The diagnostic to show.
        public var diagnostic: Diagnostic
    }

    /// What a `new` command wrote.
    public struct Created: Sendable, Equatable {
        /// The main file written (the contract for a project), as a path starting with the content directory given.
        public var path: String
        /// Every file written, the main one first.
        public var files: [String]
    }

    // MARK: - Shared checks

    static func refuse(_ code: String, _ message: String, at path: String) -> Failure {
        Failure(diagnostic: .error(code, message, at: SourceLocation(path: path)))
    }

    /// The project id rule of SPEC §2, the same as the loader's: `[a-z0-9][a-z0-9-]*`, at most 64 characters.
    static func isIdentifier(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count), isLowerAlnum(bytes[0]) else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static let identifierRule = "lowercase letters, digits and '-', starting with a letter or digit, at most 64 characters"

    /// `key: value` padded so the trailing comments of a generated file line up.
    static func line(_ key: String, _ value: String, comment: String) -> String {
        let text = value.isEmpty ? "\(key):" : "\(key): \(value)"
        return text + String(repeating: " ", count: max(1, 24 - text.count)) + "# " + comment
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The content directory must exist: `new` adds to a content directory, `init` makes one.
    static func requireContent(_ content: String) throws(Failure) {
        guard isDirectory(content) else {
            throw refuse("no-content", "no content directory here; create one with 'yardstick init \(content)' or pass --content DIR",
                         at: content)
        }
    }

    /// The folder of an existing project, or a refusal naming the projects there are.
    static func requireProject(_ id: String, content: String) throws(Failure) -> String {
        try requireContent(content)
        let projects = join(content, "projects")
        let folder = join(projects, id)
        guard isIdentifier(id) else {
            throw refuse("invalid-id", "project id '\(id)' must use \(identifierRule)", at: folder)
        }
        guard FileManager.default.fileExists(atPath: join(folder, "contract.yml")) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: projects)) ?? [])
                .filter { isIdentifier($0) && FileManager.default.fileExists(atPath: join(join(projects, $0), "contract.yml")) }
                .sorted()
            let list = known.isEmpty ? "there are no projects yet" : "known projects: \(known.joined(separator: ", "))"
            throw refuse("unknown-project", "no project '\(id)' in \(content) (\(list)); create it with 'yardstick new project \(id)'",
                         at: folder)
        }
        return folder
    }

    // MARK: - Writing

    /// Writes `text` to `directory/<name>` for the first name of `names` that is free, never replacing a file;
    /// returns the path written. The bytes go to a temporary file first and are linked into place, so a reader never
    /// sees half a file and two writers cannot both take the same name.
    static func writeNew(_ text: String, in directory: String, names: [String]) throws(Failure) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw refuse("write-failed", "could not create \(directory): \(error.localizedDescription)", at: directory)
        }
        let temporary = join(directory, ".new-\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            unlink(temporary)
            throw refuse("write-failed", "could not write in \(directory): \(error.localizedDescription)", at: directory)
        }
        defer { unlink(temporary) }
        for name in names {
            let path = join(directory, name)
            if link(temporary, path) == 0 { return path }
            let failure = errno
            guard failure == EEXIST else {
                throw refuse("write-failed", "could not write \(path): \(String(cString: strerror(failure)))", at: path)
            }
        }
        return nil
    }
}
