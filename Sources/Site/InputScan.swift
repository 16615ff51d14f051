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
    /// The same paths in a fixed order: each folder's entries sorted by name, a folder's contents where its name
    /// sorts (so no sort of the whole list is needed for a fingerprint).
    private(set) var order: [String] = []
    /// Files that had to be read and hashed (not in the previous record, or changed since).
    private(set) var hashedCount = 0

    /// The record for the next build, in `order`: a file changed within two seconds of this scan is recorded as
    /// untrusted, so the next build hashes it again (file times are only as fine as the kernel's clock tick, and a
    /// file rewritten in the same tick with the same size would otherwise look unchanged).
    var recordForNextBuild: [(path: String, stamp: Stamp)] {
        order.map { path in
            let stamp = files[path]!
            guard max(stamp.modified, stamp.changed) >= started - 2_000_000_000 else { return (path, stamp) }
            var untrusted = stamp
            untrusted.modified = -1
            return (path, untrusted)
        }
    }

    /// When the scan started, in nanoseconds since 1970.
    private let started: Int64

    /// Scans `content` and `templates`; `previous` is the last build's record. Folders are listed in one pass
    /// (their entries' types come with the listing), then the files are stat'ed and, where changed, hashed in
    /// parallel.
    ///
    /// `output` is the site's folder: when it lies inside `content` or `templates` (`--content . --output site`),
    /// it is not an input, or every build would see the last one's pages as changed inputs and rebuild everything.
    init(content: String, templates: String, output: String? = nil, previous: [(path: String, stamp: Stamp)]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        started = Self.nanoseconds(now)
        var found: [(key: String, path: String)] = []
        // The output's key, as its files would have, if it is inside one of the two folders.
        let skipped: [String] = output.map { output -> [String] in
            let site = LexicalPath.absolute(output)
            return [(content, "content"), (templates, "templates")].compactMap { folder, key -> String? in
                let root = LexicalPath.absolute(folder) + "/"
                return site.hasPrefix(root) ? key + "/" + site.dropFirst(root.count) : nil
            }
        } ?? []
        Self.walk(content, key: "content", skipping: skipped, into: &found)
        Self.walk(templates, key: "templates", skipping: skipped, into: &found)
        let record = Dictionary(previous.map { ($0.path, $0.stamp) }, uniquingKeysWith: { _, last in last })
        let batches = stride(from: 0, to: found.count, by: 256).map { found[$0..<min($0 + 256, found.count)] }
        let stamps: [[Stamp?]] = Parallel.map(batches) { batch in
            batch.map { file -> Stamp? in
                var status = stat()
                guard stat(file.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
                let stamp = Stamp(size: Int64(status.st_size), modified: Self.nanoseconds(status.st_mtim),
                                  changed: Self.nanoseconds(status.st_ctim), inode: UInt64(status.st_ino), sha: "")
                if let old = record[file.key], old.size == stamp.size, old.modified == stamp.modified,
                   old.changed == stamp.changed, old.inode == stamp.inode {
                    return old
                }
                return stamp
            }
        }
        var stale: [(key: String, path: String, stamp: Stamp)] = []
        files.reserveCapacity(found.count)
        for (file, stamp) in zip(found, stamps.joined()) {
            guard let stamp else { continue }
            order.append(file.key)
            if stamp.sha.isEmpty { stale.append((file.key, file.path, stamp)) } else { files[file.key] = stamp }
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
        // `order` keeps each project folder's files together, so each listing is built in one buffer.
        var shared: [UInt8] = [], listings: [String: [UInt8]] = [:]
        var current: (id: Substring, listing: [UInt8])?
        func close() {
            if let current { listings[String(current.id), default: []] += current.listing }
        }
        for key in order {
            let sha = files[key]!.sha
            if let (id, inside) = Self.projectFile(key) {
                if current?.id != id {
                    close()
                    current = (id, [])
                }
                current!.listing += sha.utf8
                current!.listing += "  ".utf8
                current!.listing += inside.utf8
                current!.listing.append(UInt8(ascii: "\n"))
            } else {
                shared += sha.utf8
                shared += "  ".utf8
                shared += key.utf8
                shared.append(UInt8(ascii: "\n"))
            }
        }
        close()
        return (SHA256.hex(shared), listings.mapValues { SHA256.hex($0) })
    }

    /// The project id and the path inside its folder, for a file below `content/projects/<id>/`.
    private static func projectFile(_ key: String) -> (id: Substring, inside: Substring)? {
        let prefix = "content/projects/"
        guard key.hasPrefix(prefix) else { return nil }
        let rest = key.dropFirst(prefix.count)
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        return (rest[..<slash], rest[rest.index(after: slash)...])
    }

    private static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }

    /// Collects the files below `directory` in `order`'s order (entries starting with a dot are skipped, as the
    /// loader skips them); an entry whose type the listing does not give (a link, say) is stat'ed to find out.
    /// Links to folders are followed, except back into a folder being walked (`ancestors`, by device and inode):
    /// `loop -> ..` in a project made 6,081 inputs of 161, one copy per link followed until the kernel's limit.
    private static func walk(_ directory: String, key: String, skipping: [String], ancestors: [(UInt64, UInt64)] = [],
                             into found: inout [(key: String, path: String)]) {
        if !skipping.isEmpty, skipping.contains(key) { return }
        guard let handle = opendir(directory) else { return }
        var status = stat()
        let identity = fstat(dirfd(handle), &status) == 0 ? (UInt64(status.st_dev), UInt64(status.st_ino)) : (0, 0)
        if ancestors.contains(where: { $0 == identity }) {
            closedir(handle)
            return
        }
        // A folder sorts as its name and a slash, so that its files come where their full paths sort.
        var entries: [(sortKey: String, name: String, folder: Bool)] = []
        while let entry = readdir(handle) {
            let name = entry.name
            guard !name.hasPrefix(".") else { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): entries.append((name + "/", name, true))
            case Int32(DT_REG): entries.append((name, name, false))
            default:
                var status = stat()
                guard stat(directory + "/" + name, &status) == 0 else { continue }
                let folder = status.st_mode & S_IFMT == S_IFDIR
                entries.append((folder ? name + "/" : name, name, folder))
            }
        }
        closedir(handle)
        for entry in entries.sorted(by: { $0.sortKey < $1.sortKey }) {
            let path = directory + "/" + entry.name
            if entry.folder {
                walk(path, key: key + "/" + entry.name, skipping: skipping, ancestors: ancestors + [identity], into: &found)
            } else {
                found.append((key + "/" + entry.name, path))
            }
        }
    }
}
