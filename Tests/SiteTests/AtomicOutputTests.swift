import Foundation
import Testing

/// A build killed at any moment leaves the output as the whole previous site or the whole new one, never a mix.
@Suite struct AtomicOutputTests {
    /// Whether every file listed in manifest.json is present with its hash, and nothing else is there.
    static func isComplete(_ site: URL) throws -> String? {
        let files = TestSupport.files(in: site)
        guard let manifestData = files["manifest.json"],
              let manifest = try JSONSerialization.jsonObject(with: manifestData) as? [String: Any],
              let listed = manifest["files"] as? [String: String]
        else { return nil }
        for (path, hash) in listed {
            guard let data = files[path] else { return nil }
            if sha256(data) != hash { return nil }
        }
        let extra = Set(files.keys).subtracting(listed.keys).subtracting(["manifest.json", "README.md"])
        return extra.isEmpty ? manifest["content"] as? String : nil
    }

    static func sha256(_ data: Data) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        input.fileHandleForWriting.write(data)
        try? input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: result, as: UTF8.self).prefix(64))
    }

    @Test func killingTheBuildAtThirtyMomentsNeverLeavesAMixedSite() throws {
        let root = try TestSupport.temporaryDirectory()
        let old = root.appendingPathComponent("old"), new = root.appendingPathComponent("new")
        _ = try TestSupport.run(["init", old.path])
        try TestSupport.copy(TestSupport.packageRoot.appendingPathComponent("content"), to: new)
        let site = root.appendingPathComponent("site")
        let templates = TestSupport.packageRoot.appendingPathComponent("templates").path

        var oldFingerprint: String?
        var newFingerprint: String?
        let started = Date()
        #expect(try TestSupport.run(["build", "--content", new.path, "--output", site.path, "--templates", templates]).status == 0)
        let fullBuild = Date().timeIntervalSince(started)
        newFingerprint = try Self.isComplete(site)
        #expect(try TestSupport.run(["build", "--content", old.path, "--output", site.path, "--templates", templates]).status == 0)
        oldFingerprint = try Self.isComplete(site)
        #expect(oldFingerprint != nil && newFingerprint != nil && oldFingerprint != newFingerprint)

        var seen: [String: Int] = [:]
        for attempt in 0..<30 {
            let content = attempt % 2 == 0 ? new : old
            let process = Process()
            process.executableURL = TestSupport.executable
            process.arguments = ["build", "--quiet", "--content", content.path, "--output", site.path, "--templates", templates]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Spread the kills over the whole build, from the first instant to just past its end.
            usleep(useconds_t(fullBuild * 1.1 * Double(attempt) / 29 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let fingerprint = try Self.isComplete(site)
            #expect(fingerprint == oldFingerprint || fingerprint == newFingerprint, "attempt \(attempt): the output is neither the old nor the new site")
            seen[fingerprint == oldFingerprint ? "old" : "new", default: 0] += 1
        }
        print("AtomicOutputTests: after 30 kills the site was the old one \(seen["old", default: 0]) times and the new one \(seen["new", default: 0]) times")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".site.new-") }
        #expect(leftovers.count <= 1, "a killed build leaves at most its own staging folder, removed by the next build")
    }
}
