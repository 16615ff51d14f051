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

    @Test func reportsWritesRenamesAndDeletionsInOldAndNewFolders() async throws {
        let root = try TestSupport.temporaryDirectory()
        let nested = root.appendingPathComponent("content/projects/demo/feedback")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let watcher = try #require(DirectoryWatcher(roots: [root.appendingPathComponent("content").path, templates.path]))
        defer { watcher.stop() }

        // A note written in a folder three levels down, and a template in the second root.
        var count = watcher.generation
        try write("a note", to: nested.appendingPathComponent("2026-06-01-call.md"))
        #expect(await reported(after: count, watcher), "a new file in an existing folder")
        try await Task.sleep(for: .milliseconds(50))
        count = watcher.generation
        try write("{{title}}", to: templates.appendingPathComponent("page.mustache"))
        #expect(await reported(after: count, watcher), "a file in the second root")

        // A new project folder, then a file inside it: the new folder must be watched too.
        try await Task.sleep(for: .milliseconds(50))
        count = watcher.generation
        let fresh = root.appendingPathComponent("content/projects/fresh/snapshots")
        try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
        #expect(await reported(after: count, watcher), "a new folder")
        try await Task.sleep(for: .milliseconds(50))
        count = watcher.generation
        try write("period,metric,segment,value\n", to: fresh.appendingPathComponent("2026-06-30.csv"))
        #expect(await reported(after: count, watcher), "a file in a folder made after the watcher started")

        // Saved the way editors save (a temporary file renamed over the old one), then deleted.
        try await Task.sleep(for: .milliseconds(50))
        count = watcher.generation
        try "an edited note".write(to: nested.appendingPathComponent("2026-06-01-call.md"), atomically: true, encoding: .utf8)
        #expect(await reported(after: count, watcher), "a file replaced by a rename")
        try await Task.sleep(for: .milliseconds(50))
        count = watcher.generation
        try FileManager.default.removeItem(at: nested.appendingPathComponent("2026-06-01-call.md"))
        #expect(await reported(after: count, watcher), "a deleted file")
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
        var count = watcher.generation
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        #expect(await reported(after: count, watcher), "a missing root that appears")
        try await Task.sleep(for: .milliseconds(50))
        count = watcher.generation
        try write("{{title}}", to: templates.appendingPathComponent("page.mustache"))
        #expect(await reported(after: count, watcher), "a file in a root that appeared")

        // `content` removed whole and made again, as `rm -rf content && git checkout content` does.
        try await Task.sleep(for: .milliseconds(50))
        count = watcher.generation
        try FileManager.default.removeItem(at: content)
        #expect(await reported(after: count, watcher), "a root removed")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("projects/demo"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(1200))  // two of the twice-a-second looks for a missing root
        count = watcher.generation
        try write("a note", to: content.appendingPathComponent("projects/demo/note.md"))
        #expect(await reported(after: count, watcher), "a file deep in a root made again")
    }
}
