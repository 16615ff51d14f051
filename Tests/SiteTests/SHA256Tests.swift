import Foundation
import Site
import Testing

/// SHA-256 against the test vectors of FIPS 180-4 (NIST's "SHA-256 example" documents) and `sha256sum`.
@Suite struct SHA256Tests {
    @Test func nistVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Every length around the block and padding boundaries, from memory and read from a file, against the
    /// system's `sha256sum`.
    @Test func lengthsAroundBlockBoundariesMatchSha256sum() throws {
        let directory = try TestSupport.temporaryDirectory()
        // The last length spans several of the 1 MiB reads of `hex(contentsOf:)`.
        for length in [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 65_537, 3 << 20 + 5] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ length) }
            let file = directory.appendingPathComponent("\(length).bin")
            try Data(bytes).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [file.path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(printed.prefix(64) == SHA256.hex(bytes), "length \(length)")
            #expect(printed.prefix(64) == SHA256.hex(contentsOf: file.path) ?? "", "length \(length), read from the file")
        }
    }
}
