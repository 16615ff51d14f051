import CSupport
import Foundation
import Model
import Rendering

/// The only code that touches the output directory.
///
/// The output is a symbolic link to one of two sibling folders, `.<output>.a` and `.<output>.b`. A build
/// brings the folder the link does not point to (the spare, which holds the site from two builds ago) up to
/// date — writing only files whose bytes differ, deleting files the site no longer has, its manifest.json
/// last — and then replaces the link in one atomic rename. A reader, or a build killed at any instant, sees
/// the whole previous site or the whole new one, never a mix, and a build that changed a few pages writes a
/// few files. A failed build leaves the previous site as it was; a lock file beside the output stops two
/// builds from writing at once. An output that is still a plain folder holding an older Yardstick's site is
/// exchanged for the link atomically on the first build and then deleted; any other file, folder or link at
/// the output is refused (`refusal`).
enum OutputWriter {
    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    /// Makes `output` exactly `files` plus the `carried` files of the current site (kept by an incremental
    /// build, linked rather than copied); `hashes` holds the SHA-256 by path, as in manifest.json, of every file
    /// of the new site but the manifest itself (the `files` and the `carried` ones); `files` must include manifest.json.
    /// `fromScratch` trusts nothing of the spare folder: it is replaced by a new folder and every file is written.
    static func write(_ files: [RenderedFile], carried: [String] = [], hashes: [String: String], to output: String,
                      fromScratch: Bool = false) throws(Failure) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: LexicalPath.absolute(output))
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(diagnostic: .error("write-failed", "cannot create \(parent.path): \(error.localizedDescription)", at: SourceLocation(path: output)))
        }
        let lock = parent.appendingPathComponent(".\(name).lock").path
        // Close-on-exec: a helper process started later (see `removeInBackground`) must not inherit the lock.
        let descriptor = open(lock, O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(diagnostic: .error("write-failed", "cannot create the lock file \(lock)", at: SourceLocation(path: output)))
        }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw Failure(diagnostic: .error("build-locked", "another build is writing \(output) (lock \(lock)); wait for it to finish", at: SourceLocation(path: output)))
        }
        // Holding the lock, these are left over from killed builds or from the older layout.
        for leftover in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        where leftover.hasPrefix(".\(name).new-") || leftover.hasPrefix(".\(name).old-") || leftover.hasPrefix(".\(name).link-") {
            removeInBackground(parent.appendingPathComponent(leftover).path)
        }

        if let refusal = refusal(output) { throw Failure(diagnostic: refusal) }
        let slots = [".\(name).a", ".\(name).b"]
        let live = (try? manager.destinationOfSymbolicLink(atPath: target.path)).flatMap { slots.firstIndex(of: $0) }
        let spare = parent.appendingPathComponent(slots[live.map { 1 - $0 } ?? 0])
        do {
            try update(spare, to: files, carried: carried, from: target, hashes: hashes, fromScratch: fromScratch)
            try publish(slots[live.map { 1 - $0 } ?? 0], at: target)
        } catch {
            throw Failure(diagnostic: .error("write-failed", "could not write the site: \(error.localizedDescription); the previous site is untouched",
                                              at: SourceLocation(path: output)))
        }
    }

    /// Why `output` cannot be the site, or nil when it can: when it is missing, the link a build made, an empty
    /// folder, or a folder holding a site an older Yardstick wrote there directly (its `manifest.json` names the
    /// generator), which the build replaces. A file, a link to somewhere else, or a folder of other files is
    /// refused before anything is written: the output is replaced whole, and `--output docs` once deleted a
    /// folder of the owner's own files without a word.
    static func refusal(_ output: String) -> Diagnostic? {
        let path = LexicalPath.absolute(output)
        let name = (path as NSString).lastPathComponent
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        let location = SourceLocation(path: output)
        switch status.st_mode & S_IFMT {
        case S_IFLNK:
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            if destination == ".\(name).a" || destination == ".\(name).b" { return nil }
            return .error("output-not-site", "\(output) is a link to \(destination) that no build made; pass another --output, "
                          + "or remove the link (to publish elsewhere, copy the site with cp -rL)", at: location)
        case S_IFDIR:
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            if entries.isEmpty { return nil }
            if let handle = FileHandle(forReadingAtPath: path + "/manifest.json"),
               let head = try? handle.read(upToCount: 64), String(decoding: head, as: UTF8.self).hasPrefix("{\n  \"generator\": \"yardstick") {
                return nil
            }
            let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
            return .error("output-not-site", "\(output) is a folder of files no build wrote (\(shown)); the output is replaced whole, "
                          + "so pass another --output or move those files away", at: location)
        default:
            return .error("output-not-site", "\(output) is a file, not a folder for the site; pass another --output", at: location)
        }
    }

    /// Brings the spare folder to exactly the new site: its manifest.json goes first (so that a build killed
    /// half-way leaves a folder the next build will not trust) and comes back last.
    private static func update(_ spare: URL, to files: [RenderedFile], carried: [String], from current: URL, hashes: [String: String],
                               fromScratch: Bool) throws {
        let manager = FileManager.default
        let manifest = spare.appendingPathComponent("manifest.json").path
        let previous = fromScratch ? (hashes: [:], paths: []) : previousManifest(spare)
        var present = previous.hashes
        // The manifest vouches for the folder as the build that wrote it left it (see `listing(_:leftHolding:changedSince:)`).
        var status = stat()
        let vouched = !present.isEmpty && stat(manifest, &status) == 0 ? status.st_mtim : nil
        unlink(manifest)
        if present.isEmpty, manager.fileExists(atPath: spare.path) {
            // No manifest (a killed build's folder, or one from elsewhere), or a build from scratch: start it over.
            let discarded = spare.deletingLastPathComponent().appendingPathComponent(".\(spare.lastPathComponent).old-\(getpid())")
            try manager.moveItem(at: spare, to: discarded)
            removeInBackground(discarded.path)
        }
        try manager.createDirectory(at: spare, withIntermediateDirectories: true)

        // What the site must hold: new files by path, carried ones from the current site, and its folders.
        let wanted = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let site = folders(of: files.map(\.path) + carried)
        // Remove what the site no longer has (files first, then folders, deepest first). The manifest vouches only
        // for files that are still there (one deleted by hand while this folder was live must be written again).
        let (existingFiles, existingFolders) = vouched.map { time in
            listing(spare.path, leftHolding: previous.paths, changedSince: timespec(tv_sec: time.tv_sec - settledSeconds, tv_nsec: time.tv_nsec))
        } ?? listing(spare.path)
        let existing = Set(existingFiles)
        present = present.filter { existing.contains($0.key) }
        for path in existingFiles where hashes[path] == nil && wanted[path] == nil && path != "README.md" {
            unlink(spare.path + "/" + path)
            present[path] = nil
        }
        for folder in existingFolders.filter({ site.index[Substring($0)] == nil }).sorted(by: >) {
            rmdir(spare.path + "/" + folder)
        }
        // Missing folders, a level at a time (a folder's parent first), each level in parallel.
        let missing = Dictionary(grouping: site.folders.dropFirst().map(String.init).filter { !existingFolders.contains($0) }) {
            $0.utf8.count(where: { $0 == UInt8(ascii: "/") })
        }
        let unmade = FailureBox()
        for depth in missing.keys.sorted() {
            let level = missing[depth]!
            Parallel.forEach(level.count) { index in
                let path = spare.path + "/" + level[index]
                if mkdir(path, 0o755) != 0, errno != EEXIST,
                   (try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)) == nil {
                    unmade.record(level[index])
                }
            }
        }
        if let failed = unmade.first { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: failed]) }

        // Write what differs. Never into an existing file: it may be a hard link shared with the other folder.
        let changed = files.filter { $0.path != "manifest.json" && present[$0.path] != hashes[$0.path] }
        let relinked = carried.filter { present[$0] != hashes[$0] }
        let failures = FailureBox()
        Parallel.forEach(changed.count) { index in
            let file = changed[index], destination = spare.path + "/" + file.path
            unlink(destination)
            if !writeBytes(file.bytes, to: destination) { failures.record(file.path) }
        }
        Parallel.forEach(relinked.count) { index in
            let path = relinked[index], source = current.path + "/" + path, destination = spare.path + "/" + path
            unlink(destination)
            if link(source, destination) != 0, (try? FileManager.default.copyItem(atPath: source, toPath: destination)) == nil {
                failures.record(path)
            }
        }
        if let failed = failures.first { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: failed]) }
        // A README.md the owner put in the site (say, for the web server's admins) is kept.
        if wanted["README.md"] == nil {
            unlink(spare.path + "/README.md")
            if let readme = manager.contents(atPath: current.path + "/README.md") {
                try readme.write(to: spare.appendingPathComponent("README.md"))
            }
        }
        guard let manifestFile = wanted["manifest.json"], writeBytes(manifestFile.bytes, to: manifest) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: manifest])
        }
    }

    /// Points `target` at the folder `slot` (a sibling) with one atomic rename of a new link over the old one;
    /// a plain folder still at `target` is exchanged for the link and then deleted.
    private static func publish(_ slot: String, at target: URL) throws {
        let parent = target.deletingLastPathComponent()
        let staged = parent.appendingPathComponent(".\(target.lastPathComponent).link-\(getpid())").path
        unlink(staged)
        guard symlink(slot, staged) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: staged]) }
        if rename(staged, target.path) == 0 { return }
        let failure = errno
        // `target` is a folder (rename cannot replace one with a link): exchange the two, then delete the folder.
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())").path
        guard failure == EISDIR || failure == ENOTEMPTY || failure == EEXIST else {
            unlink(staged)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
        if ys_exchange_paths(staged, target.path) == 0 {
            removeInBackground(rename(staged, retired) == 0 ? retired : staged)
        } else {
            // No atomic exchange on this file system: two renames, once, when the layout changes.
            try FileManager.default.moveItem(atPath: target.path, toPath: retired)
            try FileManager.default.moveItem(atPath: staged, toPath: target.path)
            removeInBackground(retired)
        }
    }

    /// The files and folders below `root`, as paths relative to it; the top-level folders are walked in parallel.
    static func listing(_ root: String) -> (files: [String], folders: Set<String>) {
        let top = entries(root, "")
        let below = Parallel.map(top.filter(\.folder).map(\.name)) { name -> (files: [String], folders: [String]) in
            var files: [String] = [], folders: [String] = []
            walk(root, name, &files, &folders)
            return (files, folders)
        }
        let files = top.filter { !$0.folder }.map(\.name) + below.flatMap(\.files)
        return (files, Set(top.filter(\.folder).map(\.name) + below.flatMap(\.folders)))
    }

    /// How long before its manifest a folder's last change must be for the folder to be trusted unread: file times
    /// advance by the kernel's clock tick, and a margin this wide also covers a tick of any length and files whose
    /// times were read before they settled.
    static let settledSeconds = 2

    /// What `listing(_:)` would find below `root`, for a folder a build left holding exactly `files` (its manifest's
    /// paths) and whose manifest was written after `cutoff`: a folder whose status last changed before `cutoff`
    /// has had no entry added, removed or renamed since (each of those changes the folder's status-change time,
    /// which no one can set back), so it still holds what that build left in it, and only the folders changed since
    /// are read. Stat'ing the 7,655 folders of a 200-project site takes a fifth of the time of reading them all.
    /// Folders read here are those changed by hand and those the last build wrote into in its last seconds
    /// (the root, with the manifest, always).
    static func listing(_ root: String, leftHolding files: [String], changedSince cutoff: timespec) -> (files: [String], folders: Set<String>) {
        let (folders, known, parents) = Self.folders(of: files)
        enum State: Sendable { case unchanged, changed, missing }
        let paths = folders.map { $0.isEmpty ? root : root + "/" + $0 }
        let states = Parallel.map(paths) { path -> State in
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return .missing }
            let changed = status.st_ctim
            return changed.tv_sec < cutoff.tv_sec || (changed.tv_sec == cutoff.tv_sec && changed.tv_nsec < cutoff.tv_nsec) ? .unchanged : .changed
        }
        // A folder kept unchanged holds its manifest files; a changed one is read, and a folder in it that the site
        // does not have is walked whole (no manifest vouches for it).
        var found = zip(files, parents).filter { states[$0.1] == .unchanged }.map(\.0)
        var foundFolders = Set(folders.indices.filter { $0 > 0 && states[$0] != .missing }.map { String(folders[$0]) })
        let changed = folders.indices.filter { states[$0] == .changed }
        let read = Parallel.map(changed.map { String(folders[$0]) }) { relative -> (files: [String], folders: [String]) in
            var files: [String] = [], strays: [String] = []
            for (name, folder) in entries(root, relative) {
                let path = relative.isEmpty ? name : relative + "/" + name
                if !folder {
                    files.append(path)
                } else if known[Substring(path)] == nil {
                    strays.append(path)
                    walk(root, path, &files, &strays)
                }
            }
            return (files, strays)
        }
        for part in read {
            found += part.files
            foundFolders.formUnion(part.folders)
        }
        return (found, foundFolders)
    }

    /// The folders that hold `paths`, with every ancestor (the root as ""), each once; their indices; and the index of
    /// each path's folder. A path in the folder of the path before it (the order of a manifest, or of one project's
    /// pages) is not looked up again.
    static func folders(of paths: [String]) -> (folders: [Substring], index: [Substring: Int], parents: [Int]) {
        var index: [Substring: Int] = ["": 0]
        var folders: [Substring] = [""]
        var parents: [Int] = []
        parents.reserveCapacity(paths.count)
        var previous: Substring = "", previousIndex = 0
        let slash = UInt8(ascii: "/")
        for path in paths {
            let parent = path.utf8.lastIndex(of: slash).map { path[..<$0] } ?? ""
            if parent == previous {
                parents.append(previousIndex)
                continue
            }
            let found: Int
            if let known = index[parent] {
                found = known
            } else {
                found = folders.count
                var folder = parent
                while index[folder] == nil {
                    index[folder] = folders.count
                    folders.append(folder)
                    guard let end = folder.utf8.lastIndex(of: slash) else { break }
                    folder = folder[..<end]
                }
            }
            parents.append(found)
            (previous, previousIndex) = (parent, found)
        }
        return (folders, index, parents)
    }

    /// The entries of the folder `relative` below `root`, as (name, is a folder).
    private static func entries(_ root: String, _ relative: String) -> [(name: String, folder: Bool)] {
        guard let handle = opendir(relative.isEmpty ? root : root + "/" + relative) else { return [] }
        defer { closedir(handle) }
        var found: [(name: String, folder: Bool)] = []
        while let entry = readdir(handle) {
            let name = entry.name
            guard name != ".", name != ".." else { continue }
            found.append((name, entry.pointee.d_type == UInt8(DT_DIR)))
        }
        return found
    }

    /// Adds the files and folders below `relative` (not itself) to `files` and `folders`.
    private static func walk(_ root: String, _ relative: String, _ files: inout [String], _ folders: inout [String]) {
        for (name, folder) in entries(root, relative) {
            let path = relative.isEmpty ? name : relative + "/" + name
            if folder {
                folders.append(path)
                walk(root, path, &files, &folders)
            } else {
                files.append(path)
            }
        }
    }

    /// Deletes the retired site without waiting: removing thousands of files and folders takes seconds on some
    /// file systems (ext4 mounted with `discard` frees every folder's block with a device command), and nothing
    /// depends on it. The folder is named `.<output>.old-<pid>`, so if the deletion never finishes, the next
    /// build removes the rest. Deleted in this process if no `rm` can be started.
    static func removeInBackground(_ path: String) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let arguments = ["rm", "-rf", "--", path]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var child: pid_t = 0
        if posix_spawn(&child, "/bin/rm", &actions, nil, &argv, environ) != 0 {
            try? FileManager.default.removeItem(atPath: path)
        }
        // Reap the deletions earlier builds of this process started (`yardstick serve` builds many times), and
        // only those: other children belong to whoever started them.
        Deletions.shared.reap(adding: child)
    }

    /// The previous site's file hashes, from its manifest.json, and its paths in the manifest's order (sorted, as
    /// builds write it); empty when there is none.
    static func previousManifest(_ site: URL) -> (hashes: [String: String], paths: [String]) {
        guard let data = FileManager.default.contents(atPath: site.appendingPathComponent("manifest.json").path) else { return ([:], []) }
        if let files = manifestEntries([UInt8](data)) { return files }
        guard let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = manifest["files"] as? [String: String]
        else { return ([:], []) }
        return (files, files.keys.sorted())
    }

    /// The `files` of a manifest.json laid out as `JSONValue` writes it (one `"path": "hash"` a line, no escapes
    /// in the paths), read without a JSON parser, with the paths in the order of the file; nil for any other
    /// text, which a JSON parser then reads.
    static func manifestEntries(_ bytes: [UInt8]) -> (hashes: [String: String], paths: [String])? {
        let opening = Array("\n  \"files\": {\n".utf8), closing = Array("\n  }\n}\n".utf8)
        guard let start = bytes.firstRange(of: opening)?.upperBound, bytes.count >= start + closing.count - 1,
              bytes.suffix(closing.count).elementsEqual(closing)
        else { return nil }
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        return bytes.withUnsafeBufferPointer { buffer -> (hashes: [String: String], paths: [String])? in
            var files: [String: String] = [:], paths: [String] = []
            var index = start
            let last = bytes.count - closing.count + 1  // where the line `  }` starts
            while index < last {
                var end = index
                while buffer[end] != newline { end += 1 }
                // `    "<path>": "<hash>"`, and a comma on every line but the last.
                var close = end - 1
                if buffer[close] == UInt8(ascii: ",") { close -= 1 }
                guard end - index > 12, buffer[index] == space, buffer[index + 1] == space, buffer[index + 2] == space,
                      buffer[index + 3] == space, buffer[index + 4] == quote, buffer[close] == quote
                else { return nil }
                var open = close - 1
                while open > index + 4, buffer[open] != quote { open -= 1 }
                guard open - 3 > index + 5, buffer[open - 1] == space, buffer[open - 2] == UInt8(ascii: ":"), buffer[open - 3] == quote
                else { return nil }
                let path = UnsafeBufferPointer(rebasing: buffer[index + 5..<open - 3])
                guard !path.contains(UInt8(ascii: "\\")), !path.contains(quote) else { return nil }
                let name = String(decoding: path, as: UTF8.self)
                files[name] = String(decoding: UnsafeBufferPointer(rebasing: buffer[open + 1..<close]), as: UTF8.self)
                paths.append(name)
                index = end + 1
            }
            // A path listed twice is read as a JSON parser reads it (the last one wins), and once.
            return index == last ? (files, paths.count == files.count ? paths : files.keys.sorted()) : nil
        }
    }

    /// Writes bytes to a new file with plain POSIX calls; false on any failure.
    static func writeBytes(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }
}

/// The first file that could not be written, recorded from any thread.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var first: String?

    func record(_ path: String) {
        lock.lock()
        if first == nil { first = path }
        lock.unlock()
    }
}

/// Background deletions started by this process that have not been reaped yet.
private final class Deletions: @unchecked Sendable {
    static let shared = Deletions()
    private let lock = NSLock()
    private var running: [pid_t] = []

    func reap(adding child: pid_t) {
        lock.withLock {
            running = running.filter { waitpid($0, nil, WNOHANG) == 0 }
            if child > 0 { running.append(child) }
        }
    }
}
