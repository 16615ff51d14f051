import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `yardstick serve` over real HTTP: edit a note and see the rebuilt page; break the content and see the overlay.
@Suite struct ServeTests {
    func fetch(_ url: URL) async -> String {
        guard let (data, _) = try? await URLSession.shared.data(from: url) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Polls `url` until `condition` holds or 30 seconds pass.
    func eventually(_ url: URL, _ condition: (String) -> Bool) async -> String {
        var body = ""
        for _ in 0..<60 {
            body = await fetch(url)
            if condition(body) { return body }
            try? await Task.sleep(for: .milliseconds(500))
        }
        return body
    }

    @Test func editingANoteRebuildsThePageAndAFailedRebuildShowsAnOverlay() async throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        _ = try TestSupport.run(["init", content.path])
        let process = Process()
        process.executableURL = TestSupport.executable
        process.arguments = ["serve", "--port", "0", "--content", content.path,
                             "--templates", TestSupport.packageRoot.appendingPathComponent("templates").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": root.appendingPathComponent("cache").path]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }

        var log = ""
        var port: String?
        for _ in 0..<120 where port == nil {
            try await Task.sleep(for: .milliseconds(250))
            log += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
            port = log.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression).map { String(log[$0].split(separator: ":")[1]) }
        }
        let base = try #require(port.map { URL(string: "http://127.0.0.1:\($0)/")! }, "no URL in: \(log)")
        let page = base.appendingPathComponent("2026-06/ticket-triage/index.html")
        let first = await eventually(page) { $0.contains("ticket") }
        #expect(first.contains("<script src=\"/__yardstick/reload.js\"></script>"), "the preview adds the reload hook")
        #expect(await fetch(base.appendingPathComponent("__yardstick/reload.js")).contains("location.reload"))

        let notes = content.appendingPathComponent("projects/ticket-triage/feedback")
        let note = try #require(try FileManager.default.contentsOfDirectory(atPath: notes.path).first { $0.hasSuffix(".md") })
        let file = notes.appendingPathComponent(note)
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\n> A fresh quote written while the preview runs.\n").write(to: file, atomically: true, encoding: .utf8)
        let rebuilt = await eventually(page) { $0.contains("A fresh quote written while the preview runs.") }
        #expect(rebuilt.contains("A fresh quote written while the preview runs."))

        let built = root.appendingPathComponent("built")
        #expect(try TestSupport.run(["build", "--content", content.path, "--output", built.path]).status == 0)
        #expect(TestSupport.files(in: built).count > 10)
        for (path, data) in TestSupport.files(in: built) where path.hasSuffix(".html") {
            #expect(!String(decoding: data, as: UTF8.self).contains("<script"), "published files carry no JavaScript: \(path)")
        }
        let contract = content.appendingPathComponent("projects/ticket-triage/contract.yml")
        try (try String(contentsOf: contract, encoding: .utf8) + "broken: [\n").write(to: contract, atomically: true, encoding: .utf8)
        let failed = await eventually(page) { $0.contains("yardstick-overlay") }
        #expect(failed.contains("The last rebuild failed"))
        #expect(failed.contains("A fresh quote written while the preview runs."), "the last good site keeps being served")
    }

    /// Starts `yardstick serve` on `content` and reads its output until it serves; returns the process, its output
    /// so far and the folder it builds in.
    func startServe(_ content: URL, cache: URL) async throws -> (process: Process, log: String, folder: String) {
        let process = Process()
        process.executableURL = TestSupport.executable
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": cache.path]) { $1 }
        process.arguments = ["serve", "--port", "0", "--content", content.path,
                             "--templates", TestSupport.packageRoot.appendingPathComponent("templates").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var log = ""
        for _ in 0..<240 where !log.contains("Serving a preview") {
            try await Task.sleep(for: .milliseconds(250))
            log += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        let line = try #require(log.split(separator: "\n").first { $0.hasPrefix("Building the preview in ") }, "no folder in: \(log)")
        let folder = String(line.dropFirst("Building the preview in ".count).split(separator: " ")[0])
        return (process, log, folder)
    }

    @Test func previewsOfTheSameFoldersReuseOneSiteAndASecondOneCleansUpAfterItself() async throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content"), cache = root.appendingPathComponent("cache")
        _ = try TestSupport.run(["init", content.path])

        let first = try await startServe(content, cache: cache)
        #expect(first.folder.hasPrefix(cache.path + "/yardstick/preview-"), "previews are built in the user's cache folder")
        defer { first.process.terminate() }
        #expect(FileManager.default.fileExists(atPath: first.folder + "/index.html"), "\(first.log)")
        // A second preview while the first runs gets a folder of its own and removes it when it stops.
        let second = try await startServe(content, cache: cache)
        #expect(second.folder != first.folder)
        #expect(second.log.contains("another preview of these folders is running"))
        #expect(FileManager.default.fileExists(atPath: second.folder + "/index.html"))
        second.process.terminate()
        second.process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: URL(fileURLWithPath: second.folder).deletingLastPathComponent().path))

        // The next preview after the first builds where the first did, from its cache; that folder is kept.
        first.process.terminate()
        first.process.waitUntilExit()
        #expect(FileManager.default.fileExists(atPath: first.folder + "/index.html"), "the shared preview outlives its server")
        let third = try await startServe(content, cache: cache)
        defer { third.process.terminate() }
        #expect(third.folder == first.folder)
        let state = URL(fileURLWithPath: first.folder).deletingLastPathComponent().appendingPathComponent(".site.cache/state.bin")
        #expect(FileManager.default.fileExists(atPath: state.path))
    }

    /// A port already taken is reported at once, before any build, with what to do about it.
    @Test func aTakenPortIsReportedBeforeBuilding() throws {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        _ = try TestSupport.run(["init", content.path])
        // Hold a port on 127.0.0.1, as another server would.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) == 0 && listen(holder, 1) == 0
                && getsockname(holder, $0, &length) == 0 }
        }
        try #require(bound)
        let port = UInt16(bigEndian: address.sin_port)

        let cache = root.appendingPathComponent("cache")
        let process = Process()
        process.executableURL = TestSupport.executable
        process.arguments = ["serve", "--port", String(port), "--content", content.path,
                             "--templates", TestSupport.packageRoot.appendingPathComponent("templates").path]
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": cache.path]) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(errors == "error: port \(port) on 127.0.0.1 is in use (another preview, or another server); pass --port 0 to take a free one, or another --port\n")
        #expect(!output.contains("Building"), "nothing is built: \(output)")
    }
}
