import Foundation
import Loading
import Testing

/// Reading piece by piece must be indistinguishable from reading the whole input at once.
@Suite("CSV reader, chunked")
struct CSVReaderChunkTests {
    /// Everything a reading shows: each record's fields with their lines and columns, and the error.
    struct Reading: Equatable {
        var records: [[[UInt8]]] = []
        var lines: [Int] = []
        var positions: [[[Int]]] = []
        var error: CSVSyntaxError?
    }

    /// Reads with `read` driving `CSVReader`, recording what it shows.
    static func reading(_ read: ((borrowing CSVRecord) throws -> Void) throws -> Void) -> Reading {
        var result = Reading()
        do {
            try read { record in
                result.records.append((0..<record.count).map { Array(record.string(at: $0)?.utf8 ?? "\u{FFFD}".utf8) })
                result.lines.append(record.line)
                result.positions.append((0..<record.count).map { [record.line(of: $0), record.column(of: $0)] })
            }
        } catch let thrown as CSVSyntaxError {
            result.error = thrown
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return result
    }

    /// Reads `bytes` through `forEachRecord(reading:)` in reads of the given lengths (cycled) and a buffer of `chunkSize`.
    static func chunked(_ bytes: [UInt8], chunkSize: Int, reads: [Int]) -> Reading {
        var offset = 0
        var turn = 0
        return reading { body in
            try CSVReader.forEachRecord(reading: { buffer in
                let count = min(buffer.count, reads[turn % reads.count], bytes.count - offset)
                turn += 1
                bytes.withUnsafeBytes { source in
                    buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
                }
                offset += count
                return count
            }, chunkSize: chunkSize, body)
        }
    }

    static func whole(_ bytes: [UInt8]) -> Reading {
        reading { body in try CSVReader.forEachRecord(in: bytes, body) }
    }

    @Test func randomBytesReadTheSameInAnyChunks() {
        var generator = CSVReaderTests.SeededGenerator(seed: 4096)
        let alphabet: [[UInt8]] = [
            [0x61], [0x62], [0x20], [0x2C], [0x2C], [0x22], [0x22], [0x0D], [0x0A], [0x0A], [0xC3, 0xA9], [0x2D],
        ]
        for _ in 0..<1_500 {
            var bytes: [UInt8] = Int.random(in: 0..<10, using: &generator) == 0 ? [0xEF, 0xBB, 0xBF] : []
            let length = Int.random(in: 0...(Bool.random(using: &generator) ? 20 : 300), using: &generator)
            let plainness = Int.random(in: 0...10, using: &generator)
            for _ in 0..<length {
                bytes += Int.random(in: 0..<10, using: &generator) < plainness
                    ? [0x61 + UInt8.random(in: 0..<3, using: &generator)]
                    : alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
            }
            let expected = Self.whole(bytes)
            for chunkSize in [4, 5, 7, 64, 65, 1 << 20] {
                let reads = (0..<3).map { _ in Int.random(in: 1...chunkSize, using: &generator) }
                #expect(Self.chunked(bytes, chunkSize: chunkSize, reads: reads) == expected,
                        "chunk \(chunkSize), reads \(reads): \(bytes)")
            }
        }
    }

    @Test("corpus fixture reads the same in chunks", arguments: CSVReaderTests.fixtureNames)
    func fixture(_ name: String) throws {
        let url = CSVReaderTests.fixtureDirectory.appendingPathComponent("\(name).csv")
        let bytes = try [UInt8](Data(contentsOf: url))
        let expected = Self.whole(bytes)
        for chunkSize in [4, 9, 64, 100] {
            #expect(Self.chunked(bytes, chunkSize: chunkSize, reads: [chunkSize, 1, 3]) == expected, "chunk \(chunkSize)")
        }
    }

    @Test func aRecordLongerThanTheBufferIsReadWhole() {
        let field = String(repeating: "x", count: 10_000)
        let bytes = Array("a,b\n\"\(field)\",\(field)\r\nc,d".utf8)
        let read = Self.chunked(bytes, chunkSize: 16, reads: [16])
        #expect(read == Self.whole(bytes))
        #expect(read.records.count == 3)
        #expect(read.lines == [1, 2, 3])
    }
}
