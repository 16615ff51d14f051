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

    /// Replaces `output` with exactly `files`.
    static func write(_ files: [RenderedFile], to output: String) throws(Failure) {
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
            var made: Set<String> = []
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                let directory = url.deletingLastPathComponent().path
                if !made.contains(directory) {
                    try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    made.insert(directory)
                }
                try Data(file.bytes).write(to: url)
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
}
