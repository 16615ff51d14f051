import Foundation
import Testing
@testable import Rendering

@Suite struct JSONValueTests {
    /// Random strings of the characters quoting treats differently (every control character, quotes, backslash,
    /// `<`, two- to four-byte UTF-8, a combining mark) come back unchanged through Foundation's JSON parser, and
    /// no raw control character or `<` is left in the text. (U+FEFF is checked apart: Foundation's parser drops it.)
    @Test func quotedStringsRoundTripThroughAJSONParser() throws {
        let alphabet: [Unicode.Scalar] = (0..<0x20).map { Unicode.Scalar(UInt8($0)) }
            + ["\"", "\\", "<", ">", "/", "a", "Z", " ", "\u{7F}", "é", "€", "\u{301}", "😀", "\u{2028}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let original = String(text)
            let value = JSONValue.object([(original, .array([.string(original), .null]))])
            let bytes = value.serializedBytes(newline: false)
            #expect(String(decoding: bytes, as: UTF8.self) == value.serialized(newline: false))
            #expect(!bytes.contains { $0 < 0x20 && $0 != UInt8(ascii: "\n") } && !bytes.contains(UInt8(ascii: "<")))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: [Any]])
            #expect(parsed.keys.first == original)
            #expect(parsed[original]?.first as? String == original)
        }
    }

    @Test func otherCharactersAreCopiedAsTheirUTF8Bytes() {
        #expect(JSONValue.string("\u{FEFF}é😀\u{7F}").serializedBytes(newline: false) == [0x22] + Array("\u{FEFF}é😀\u{7F}".utf8) + [0x22])
    }

    @Test func nestedValuesAreIndentedTwoSpacesALevel() {
        let value = JSONValue.object([("list", .array([.number(1), .object([("k", .bool(true))]), .array([])])), ("empty", .object([]))])
        #expect(value.serialized() == "{\n  \"list\": [\n    1,\n    {\n      \"k\": true\n    },\n    []\n  ],\n  \"empty\": {}\n}\n")
    }
}
