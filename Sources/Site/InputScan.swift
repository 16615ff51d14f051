import Foundation
import Model

/// Every file below the content and templates directories with the SHA-256 of its bytes.
///
/// A file whose size, modification and change times and inode match the previous build's record keeps
/// that record's hash without being read (as git's index does), so a scan of an unchanged portfolio reads
/// no file contents at all.
struct InputScan {
    /// What is known of one file.
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var inode: UInt64
        var sha: String
    }

    /// Stamps by path: `content/…` or `templates/…` followed by the path inside that directory.
    private(set) var files: [String: Stamp] = [:]
    /// Files that had to be read and hashed (not in the previous record, or changed since).
    private(set) var hashedCount = 0

    /// The record for the next build: a file changed within two seconds of this scan is recorded as untrusted,
    /// so the next build hashes it again (file times are only as fine as the kernel's clock tick, and a file
    /// rewritten in the same tick with the same size would otherwise look unchanged).
    var recordForNextBuild: [String: Stamp] {
        files.mapValues { stamp in
            guard max(stamp.modified, stamp.changed) >= started - 2_000_000_000 else { return stamp }
            var untrusted = stamp
            untrusted.modified = -1
            return untrusted
        }
    }

    /// When the scan started, in nanoseconds since 1970.
    private let started: Int64

    /// Scans `content` and `templates`; `previous` is the last build's record.
    init(content: String, templates: String, previous: [String: Stamp]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        started = Self.nanoseconds(now)
        var found: [(key: String, path: String, stat: stat)] = []
        Self.walk(content, key: "content", into: &found)
        Self.walk(templates, key: "templates", into: &found)
        var stale: [(key: String, path: String, stamp: Stamp)] = []
        for file in found {
            let stamp = Stamp(size: Int64(file.stat.st_size), modified: Self.nanoseconds(file.stat.st_mtim),
                              changed: Self.nanoseconds(file.stat.st_ctim), inode: UInt64(file.stat.st_ino), sha: "")
            if let old = previous[file.key], old.size == stamp.size, old.modified == stamp.modified,
               old.changed == stamp.changed, old.inode == stamp.inode {
                files[file.key] = old
            } else {
                stale.append((file.key, file.path, stamp))
            }
        }
        let hashes = Parallel.map(stale.map(\.path)) { path in SHA256.hex(contentsOf: path) ?? "unreadable" }
        for (file, sha) in zip(stale, hashes) {
            var stamp = file.stamp
            stamp.sha = sha
            files[file.key] = stamp
        }
        hashedCount = stale.count
    }

    /// The hash of a content file by its path relative to the content directory.
    func contentHash(_ relative: String) -> String? { files["content/" + relative]?.sha }

    /// Fingerprints of the inputs (names and bytes): one of every file outside the project folders (settings,
    /// events, editions, templates, assets) and one per project folder, by project id.
    func fingerprints() -> (shared: String, projects: [String: String]) {
        var shared = "", listings: [String: String] = [:]
        for (key, stamp) in files.sorted(by: { $0.key < $1.key }) {
            if let (id, inside) = Self.projectFile(key) {
                listings[id, default: ""] += stamp.sha + "  " + inside + "\n"
            } else {
                shared += stamp.sha + "  " + key + "\n"
            }
        }
        return (SHA256.hex(Array(shared.utf8)), listings.mapValues { SHA256.hex(Array($0.utf8)) })
    }

    /// The project id and the path inside its folder, for a file below `content/projects/<id>/`.
    private static func projectFile(_ key: String) -> (id: String, inside: String)? {
        guard key.hasPrefix("content/projects/") else { return nil }
        let parts = key.split(separator: "/", maxSplits: 3)
        return parts.count == 4 ? (String(parts[2]), String(parts[3])) : nil
    }

    private static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }

    /// Collects the regular files below `directory` (entries starting with a dot are skipped, as the loader skips them).
    private static func walk(_ directory: String, key: String, into found: inout [(key: String, path: String, stat: stat)]) {
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            let path = directory + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                walk(path, key: key + "/" + name, into: &found)
            } else if status.st_mode & S_IFMT == S_IFREG {
                found.append((key + "/" + name, path, status))
            }
        }
    }
}
