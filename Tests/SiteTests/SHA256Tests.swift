import Foundation
@testable import Site
import Testing

/// SHA-256 against the test vectors of FIPS 180-4 (NIST's "SHA-256 example" documents) and `sha256sum`, and the
/// SHA-extensions block function against the Swift one.
@Suite struct SHA256Tests {
    static let nistVectors: [(input: [UInt8], digest: String)] = [
        (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000),
         "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]

    static let hardwareAbsent: Comment = "this CPU has no SHA extensions (no sha_ni in /proc/cpuinfo)"

    @Test func nistVectors() {
        for (input, digest) in Self.nistVectors { #expect(SHA256.hex(input) == digest, "\(input.count) bytes") }
    }

    /// The Swift block function, which the public API no longer reaches on a CPU with the SHA extensions.
    @Test func nistVectorsOnThePortablePath() {
        for (input, digest) in Self.nistVectors {
            #expect(SHA256.hex(pieces: [input], using: .portable) == digest, "\(input.count) bytes")
        }
    }

    @Test(.enabled(if: SHA256.Implementation.fastest == .hardware, hardwareAbsent))
    func nistVectorsOnTheHardwarePath() {
        for (input, digest) in Self.nistVectors {
            #expect(SHA256.hex(pieces: [input], using: .hardware) == digest, "\(input.count) bytes")
        }
    }

    /// Random bytes of every length up to a few blocks and around the 1 MiB reads of `hex(contentsOf:)`, whole and
    /// in uneven pieces (which carries partial blocks from one update to the next): both paths agree.
    @Test(.enabled(if: SHA256.Implementation.fastest == .hardware, hardwareAbsent))
    func hardwareMatchesPortable() {
        var generator = SeededGenerator(seed: 0x5AA_256)
        for length in Array(0...300) + [(1 << 20) - 1, 1 << 20, (1 << 20) + 65, 3 << 20 + 5] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = [bytes]
            var pieces: [[UInt8]] = []
            var rest = bytes[...]
            while !rest.isEmpty {
                let count = Int.random(in: 0...(length > 300 ? 200_000 : 100), using: &generator)
                pieces.append(Array(rest.prefix(count)))
                rest = rest.dropFirst(count)
            }
            let expected = SHA256.hex(pieces: whole, using: .portable)
            #expect(SHA256.hex(pieces: whole, using: .hardware) == expected, "length \(length)")
            #expect(SHA256.hex(pieces: pieces, using: .hardware) == expected, "length \(length) in \(pieces.count) pieces")
            #expect(SHA256.hex(pieces: pieces, using: .portable) == expected, "length \(length) in \(pieces.count) pieces")
        }
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

    /// SplitMix64 with a fixed seed, so a failing case reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
