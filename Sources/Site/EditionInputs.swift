import Foundation
import Model

/// Which input files an edition uses, their fingerprints, and whether a published edition can still be rebuilt.
enum EditionInputs {
    /// The day a dated input belongs to (a snapshot's export day, a note's or decision's date); nil for settings files.
    static func day(of path: String) -> Day? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2, ["snapshots", "feedback", "decisions"].contains(parts[parts.count - 2]) else { return nil }
        return Day(parts[parts.count - 1].prefix(10))
    }

    /// The inputs an edition with `cutoff` uses: undated files, and dated ones on or before the cut-off.
    static func used(by cutoff: Day, among files: [String]) -> [String] {
        files.filter { day(of: $0).map { $0 <= cutoff } ?? true }.sorted()
    }

    /// SHA-256 of each file, by relative path.
    static func fingerprints(_ paths: [String], content: String) -> [String: String] {
        var result: [String: String] = [:]
        for path in paths {
            let bytes = FileManager.default.contents(atPath: content + "/" + path).map { [UInt8]($0) } ?? []
            result[path] = SHA256.hex(bytes)
        }
        return result
    }

    /// `edition-unreproducible` errors for every published edition whose inputs changed since it was published.
    static func integrity(_ editions: [Edition], inputFiles: [String], content: String) -> [Diagnostic] {
        guard !editions.isEmpty else { return [] }
        let current = fingerprints(inputFiles, content: content)
        var diagnostics: [Diagnostic] = []
        let path = content + "/editions.yml"
        for edition in editions {
            let location = SourceLocation(path: path, line: edition.location.line, column: edition.location.column)
            let name = "the \(edition.month) edition v\(edition.version) (cut-off \(edition.cutoff))"
            for (file, hash) in edition.inputs.sorted(by: { $0.key < $1.key }) {
                if let now = current[file] {
                    if now != hash {
                        diagnostics.append(.error("edition-unreproducible", "\(name) can no longer be reproduced: \(file) has changed since it was published. Restore it with 'git checkout -- \(content)/\(file)'; a deliberate correction is a new snapshot, never an edit of an old one", at: location))
                    }
                } else {
                    diagnostics.append(.error("edition-unreproducible", "\(name) can no longer be reproduced: \(file) has been deleted. Restore it from git; a deliberate correction is a new snapshot, never a deletion", at: location))
                }
            }
            for file in used(by: edition.cutoff, among: inputFiles) where edition.inputs[file] == nil && day(of: file) != nil {
                diagnostics.append(.error("edition-unreproducible", "\(name) can no longer be reproduced: \(file) is dated on or before its cut-off but was added after it was published. Date a late export or note by the day it was made", at: location))
            }
        }
        return diagnostics
    }
}
