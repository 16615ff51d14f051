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

    /// The fingerprint of each file an edition with `cutoff` uses: SHA-256 of its bytes, or of its canonical text
    /// for the settings files (see `canonicalText`).
    static func fingerprints(_ paths: [String], content: String, portfolio: Portfolio, cutoff: Day,
                             byteHashes: [String: String]? = nil) -> [String: String] {
        var result: [String: String] = [:]
        for path in paths {
            if let text = canonicalText(of: path, portfolio: portfolio, cutoff: cutoff) {
                result[path] = SHA256.hex(Array(text.utf8))
            } else if let hash = byteHashes?[path] {
                result[path] = hash
            } else {
                result[path] = SHA256.hex(contentsOf: content + "/" + path) ?? SHA256.hex([])
            }
        }
        return result
    }

    /// `edition-unreproducible` errors: one per input file that changed, vanished or appeared since an edition used it,
    /// naming the earliest edition it breaks and how many more.
    ///
    /// Files of the projects in `skipping` are not checked: an incremental build skips projects whose files are
    /// exactly as at the previous build, which passed this check with the same editions.
    static func integrity(_ editions: [Edition], inputFiles: [String], content: String, portfolio: Portfolio,
                          hashes scan: InputScan? = nil, skipping: Set<String> = []) -> [Diagnostic] {
        guard !editions.isEmpty else { return [] }
        var bytes: [String: String] = [:]
        for path in inputFiles where canonicalText(of: path, portfolio: portfolio, cutoff: Day(year: 1, month: 1, day: 1)) == nil {
            bytes[path] = scan?.contentHash(path) ?? SHA256.hex(contentsOf: content + "/" + path) ?? SHA256.hex([])
        }
        func skipped(_ path: String) -> Bool {
            guard !skipping.isEmpty, path.hasPrefix("projects/") else { return false }
            return skipping.contains(String(path.split(separator: "/")[1]))
        }
        var broken: [String: (problem: String, editions: [Edition])] = [:]
        func note(_ file: String, _ problem: String, _ edition: Edition) {
            broken[file, default: (problem, [])].editions.append(edition)
        }
        for edition in editions {
            let current = fingerprints(inputFiles, content: content, portfolio: portfolio, cutoff: edition.cutoff, byteHashes: bytes)
            for (file, hash) in edition.inputs where !skipped(file) {
                if let now = current[file] {
                    if now != hash { note(file, "has changed since it was published. Restore it with 'git checkout -- \(content)/\(file)'; a deliberate correction is a new snapshot, never an edit of an old one", edition) }
                } else {
                    note(file, "has been deleted since it was published. Restore it from git; a deliberate correction is a new snapshot, never a deletion", edition)
                }
            }
            for file in used(by: edition.cutoff, among: inputFiles) where edition.inputs[file] == nil && day(of: file) != nil {
                note(file, "is dated on or before its cut-off but was added after it was published. Date a late export or note by the day it was made", edition)
            }
        }
        return broken.sorted { $0.key < $1.key }.map { file, entry in
            let first = entry.editions.min { ($0.month, $0.version) < ($1.month, $1.version) }!
            let others = entry.editions.count - 1
            let name = "the \(first.month) edition v\(first.version) (cut-off \(first.cutoff))" + (others > 0 ? " and \(others) later edition\(others > 1 ? "s" : "")" : "")
            return .error("edition-unreproducible", "\(name) can no longer be reproduced: \(file) \(entry.problem)",
                          at: SourceLocation(path: content + "/editions.yml", line: first.location.line, column: first.location.column))
        }
    }
}
