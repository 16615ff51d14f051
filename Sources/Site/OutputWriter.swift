import CSupport
import Foundation
import Model
import Rendering

/// The only code that touches the output directory: writes a complete site beside it, then swaps it in.
///
/// A failed build therefore leaves the previous site as it was; a lock file beside the output stops two
/// builds from writing at once.
enum OutputWriter {
    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    /// Replaces `output` with exactly `files`; `hashes` (SHA-256 by path, as in manifest.json) lets unchanged
    /// files be linked from the previous site rather than written again.
    static func write(_ files: [RenderedFile], hashes: [String: String]? = nil, to output: String) throws(Failure) {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(diagnostic: .error("write-failed", "cannot create \(parent.path): \(error.localizedDescription)", at: SourceLocation(path: output)))
        }
        let lock = parent.appendingPathComponent(".\(name).lock").path
        let descriptor = open(lock, O_CREAT | O_WRONLY, 0o644)
        guard descriptor >= 0 else {
            throw Failure(diagnostic: .error("write-failed", "cannot create the lock file \(lock)", at: SourceLocation(path: output)))
        }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw Failure(diagnostic: .error("build-locked", "another build is writing \(output) (lock \(lock)); wait for it to finish", at: SourceLocation(path: output)))
        }

        let staging = parent.appendingPathComponent(".\(name).new-\(getpid())")
        let retired = parent.appendingPathComponent(".\(name).old-\(getpid())")
        // Holding the lock, any other staging folder is left over from a build that was killed.
        for leftover in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        where leftover.hasPrefix(".\(name).new-") || leftover.hasPrefix(".\(name).old-") {
            try? manager.removeItem(at: parent.appendingPathComponent(leftover))
        }
        do {
            var directories: Set<String> = []
            for file in files {
                let slash = file.path.lastIndex(of: "/")
                directories.insert(slash.map { String(file.path[..<$0]) } ?? "")
            }
            for directory in directories.sorted() {
                try manager.createDirectory(atPath: staging.path + "/" + directory, withIntermediateDirectories: true)
            }
            // Files whose bytes did not change are hard-linked from the previous site instead of written again.
            let previous = previousHashes(target)
            let failures = FailureBox()
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                let file = files[index]
                let destination = staging.path + "/" + file.path
                if let hash = hashes?[file.path], previous[file.path] == hash,
                   link(target.path + "/" + file.path, destination) == 0 {
                    return
                }
                if !writeBytes(file.bytes, to: destination) { failures.record(file.path) }
            }
            if let failed = failures.first {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: failed])
            }
            if let readme = manager.contents(atPath: target.appendingPathComponent("README.md").path), !files.contains(where: { $0.path == "README.md" }) {
                try readme.write(to: staging.appendingPathComponent("README.md"))
            }
            if manager.fileExists(atPath: target.path) {
                // One atomic exchange: a reader (or a crash) sees the whole old site or the whole new one.
                if ys_exchange_paths(staging.path, target.path) == 0 {
                    try? manager.removeItem(at: staging)
                } else {
                    try manager.moveItem(at: target, to: retired)
                    try manager.moveItem(at: staging, to: target)
                    try? manager.removeItem(at: retired)
                }
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: target)
            }
            throw Failure(diagnostic: .error("write-failed", "could not write the site: \(error.localizedDescription); the previous site is untouched",
                                              at: SourceLocation(path: output)))
        }
    }

    /// The previous site's file hashes, from its manifest.json; empty when there is none.
    static func previousHashes(_ site: URL) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: site.appendingPathComponent("manifest.json").path),
              let manifest = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = manifest["files"] as? [String: String]
        else { return [:] }
        return files
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
