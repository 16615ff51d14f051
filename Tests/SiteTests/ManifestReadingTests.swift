import Foundation
import Rendering
import Testing
@testable import Site

/// The spare folder's manifest.json is read on every build; the reader without a JSON parser must give what a
/// JSON parser gives, or nothing (and then the JSON parser reads it).
@Suite struct ManifestReadingTests {
    static func manifest(_ files: [(String, String)]) -> [UInt8] {
        JSONValue.object([("generator", .string("yardstick test")), ("content", .string(String(repeating: "a", count: 64))),
                          ("files", .object(files.map { ($0.0, .string($0.1)) }))]).serializedBytes()
    }

    static func parsed(_ bytes: [UInt8]) throws -> [String: String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        return try #require(object["files"] as? [String: String])
    }

    @Test func plainPathsAreReadAsAJSONParserReadsThem() throws {
        let files = (0..<300).map { index in
            ("2026-\(index % 12 + 1)/projekt-ü-\(index)/index.html", String(format: "%064x", index * 7919))
        } + [("manifest-like \": \" text.html", "0"), ("style.css", "f")]
        let bytes = Self.manifest(files.sorted { $0.0 < $1.0 })
        let fast = OutputWriter.manifestEntries(bytes)?.hashes
        // A path with an escaped quote sends the whole file to the JSON parser.
        #expect(fast == nil)
        let plain = Self.manifest(files.filter { !$0.0.contains("\"") }.sorted { $0.0 < $1.0 })
        #expect(try #require(OutputWriter.manifestEntries(plain)?.hashes) == (try Self.parsed(plain)))
        #expect(OutputWriter.manifestEntries(plain)?.hashes.count == 301)
    }

    @Test func otherTextIsLeftToTheJSONParser() throws {
        let good = Self.manifest([("a.html", "1"), ("b/index.html", "2")])
        #expect(OutputWriter.manifestEntries(good)?.hashes == ["a.html": "1", "b/index.html": "2"])
        for damaged in [Array(good.dropLast(3)), Array(good.prefix(40)), Array(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "  \"b", with: "\t\"b").utf8),
                        Self.manifest([]), Array("{\"files\": {\"a.html\": \"1\"}}".utf8)] {
            #expect(OutputWriter.manifestEntries(damaged)?.hashes == nil)
        }
        // Through the JSON parser, a compact manifest is still read.
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\"files\": {\"a.html\": \"1\"}}".utf8).write(to: folder.appendingPathComponent("manifest.json"))
        #expect(OutputWriter.previousManifest(folder).hashes == ["a.html": "1"])
    }
}
