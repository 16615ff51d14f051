import Foundation
@testable import Preview
import Testing

/// The inotify watcher behind `yardstick serve`: every kind of change below the roots is reported, in folders that
/// existed and in folders made later; dot-files are not.
@Suite struct DirectoryWatcherTests {
    /// Waits until the watcher has reported more than `count` bursts; false after `seconds`.
    func reported(after count: Int, _ watcher: DirectoryWatcher, within seconds: Double = 10) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if watcher.generation > count { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return watcher.generation > count
    }

    func write(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// Lets earlier events settle, does `change`, and expects the watcher to report a burst after it.
    func expectReport(_ watcher: DirectoryWatcher, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                      _ change: () throws -> Void) async throws {
        try await Task.sleep(for: .milliseconds(50))
        let count = watcher.generation
        try change()
        #expect(await reported(after: count, watcher), Comment(rawValue: what), sourceLocation: sourceLocation)
    }

    @Test func reportsWritesRenamesAndDeletionsInOldAndNewFolders() async throws {
        let root = try TestSupport.temporaryDirectory()
        let nested = root.appendingPathComponent("content/projects/demo/feedback")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let watcher = try #require(DirectoryWatcher(roots: [root.appendingPathComponent("content").path, templates.path]))
        defer { watcher.stop() }

        // A note written in a folder three levels down, and a template in the second root.
        try await expectReport(watcher, "a new file in an existing folder") {
            try write("a note", to: nested.appendingPathComponent("2026-06-01-call.md"))
        }
        try await expectReport(watcher, "a file in the second root") {
            try write("{{title}}", to: templates.appendingPathComponent("page.mustache"))
        }

        // A new project folder, then a file inside it: the new folder must be watched too.
        let fresh = root.appendingPathComponent("content/projects/fresh/snapshots")
        try await expectReport(watcher, "a new folder") {
            try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
        }
        try await expectReport(watcher, "a file in a folder made after the watcher started") {
            try write("period,metric,segment,value\n", to: fresh.appendingPathComponent("2026-06-30.csv"))
        }

        // Saved the way editors save (a temporary file renamed over the old one), then deleted.
        try await expectReport(watcher, "a file replaced by a rename") {
            try "an edited note".write(to: nested.appendingPathComponent("2026-06-01-call.md"), atomically: true, encoding: .utf8)
        }
        try await expectReport(watcher, "a deleted file") {
            try FileManager.default.removeItem(at: nested.appendingPathComponent("2026-06-01-call.md"))
        }
    }

    /// A project folder that is a link elsewhere is watched through it, and a link back up does not loop.
    @Test func followsLinksToFoldersButNotInCircles() async throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content"), shared = root.appendingPathComponent("shared/demo")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("projects"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: shared.appendingPathComponent("feedback"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("projects/demo"), withDestinationURL: shared)
        try FileManager.default.createSymbolicLink(atPath: shared.appendingPathComponent("feedback/loop").path, withDestinationPath: "../..")
        let watcher = try #require(DirectoryWatcher(roots: [content.path]))
        defer { watcher.stop() }
        let count = watcher.generation
        try write("a note", to: shared.appendingPathComponent("feedback/2026-06-01-call.md"))
        #expect(await reported(after: count, watcher), "a file in a linked project folder")
    }

    @Test func ignoresDotFilesAndFinishesWhenStopped() async throws {
        let root = try TestSupport.temporaryDirectory()
        let watcher = try #require(DirectoryWatcher(roots: [root.path]))
        let count = watcher.generation
        try write("swap", to: root.appendingPathComponent(".note.md.swp"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try write("object", to: root.appendingPathComponent(".git/HEAD"))
        // inotify delivers within milliseconds; a quarter of a second without a report means none came.
        try await Task.sleep(for: .milliseconds(250))
        #expect(watcher.generation == count, "dot-files are not changes: \(watcher.generation - count) reported")
        try write("note", to: root.appendingPathComponent("note.md"))
        #expect(await reported(after: count, watcher), "a visible file after them is")

        watcher.stop()
        watcher.stop()
        var elements = 0
        for await _ in watcher.changes { elements += 1 }
        #expect(elements <= 1, "the stream ends after stop(), with at most the one change still buffered")
    }

    @Test func aRootThatIsMissingOrRemovedIsWatchedWhenItIsBack() async throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content"), templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("projects"), withIntermediateDirectories: true)
        let watcher = try #require(DirectoryWatcher(roots: [content.path, templates.path]))
        defer { watcher.stop() }

        // `templates` did not exist: made later, it is watched.
        try await expectReport(watcher, "a missing root that appears") {
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        }
        try await expectReport(watcher, "a file in a root that appeared") {
            try write("{{title}}", to: templates.appendingPathComponent("page.mustache"))
        }

        // `content` removed whole and made again, as `rm -rf content && git checkout content` does.
        try await expectReport(watcher, "a root removed") { try FileManager.default.removeItem(at: content) }
        try FileManager.default.createDirectory(at: content.appendingPathComponent("projects/demo"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(1200))  // two of the twice-a-second looks for a missing root
        try await expectReport(watcher, "a file deep in a root made again") {
            try write("a note", to: content.appendingPathComponent("projects/demo/note.md"))
        }
    }
}
