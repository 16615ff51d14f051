// Reads a snapshot-like CSV (`period,metric,segment,value,n`) and prints rows per CPU second.
//
// Usage: csv-benchmark <file.csv> [runs] [read|mapped|parse|records|strings]
//
//   read     read(2) the whole file into a [UInt8], then every record with its value column parsed
//            as a Double, as a snapshot loader would (the figure compared with Python's csv module)
//   mapped   the same with the file mmap(2)ed and passed as an UnsafeRawBufferPointer: no copy
//   parse    the records and values only, with the bytes already in memory
//   records  the records alone, no field decoded, with the bytes already in memory
//   strings  every field decoded as a String instead (the allocating path), bytes in memory
//
// Each is run `runs` times (default 5) and the best is printed as `name=rows_per_second ...`.
// Rates are rows per CPU second of this process (user + system), so that other load on the
// machine does not distort them. Without a mode, all but `records` run.

import Foundation
import Loading

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    let usage = "usage: csv-benchmark <file.csv> [runs] [read|mapped|parse|records|strings]\n"
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
let path = arguments[1]
let runs = arguments.count >= 3 ? Int(arguments[2]) ?? 5 : 5
let mode = arguments.count >= 4 ? arguments[3] : nil

/// The whole file at `path`, read with read(2) straight into the array's storage.
func readFile(_ path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw CocoaError(.fileReadUnknown) }
    let size = Int(status.st_size)
    return try [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
        while initialized < size {
            let count = read(descriptor, buffer.baseAddress! + initialized, size - initialized)
            guard count > 0 else { throw CocoaError(.fileReadUnknown) }
            initialized += count
        }
    }
}

/// Calls `body` with the file at `path` mapped read-only into memory.
func withMappedFile<Result>(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw CocoaError(.fileReadUnknown) }
    let size = Int(status.st_size)
    guard size > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
        throw CocoaError(.fileReadUnknown)
    }
    defer { munmap(address, size) }
    return try body(UnsafeRawBufferPointer(start: address, count: size))
}

/// Every record after the header, with its value column parsed as a number.
func readValues(_ buffer: UnsafeRawBufferPointer) throws -> Pass {
    var pass = Pass()
    var isHeader = true
    try CSVReader.forEachRecord(in: buffer) { record in
        if isHeader {
            isHeader = false
            return
        }
        pass.rows += 1
        if let value = record.double(at: 3), value.isFinite {
            pass.sum += value
        } else {
            pass.rejected += 1
        }
    }
    return pass
}

/// Every record after the header, with every field decoded as a String.
func readStrings(_ bytes: [UInt8]) throws -> Pass {
    var pass = Pass()
    var isHeader = true
    try CSVReader.forEachRecord(in: bytes) { record in
        if isHeader {
            isHeader = false
            return
        }
        pass.rows += 1
        for index in 0..<record.count {
            guard let text = record.string(at: index) else {
                pass.rejected += 1
                continue
            }
            pass.sum += Double(text.utf8.count)
        }
    }
    return pass
}

/// CPU seconds used by this process so far, user and system.
func processSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Runs `body` `runs` times and prints the best rows per CPU second, with the last pass's totals.
func report(_ name: String, _ body: () throws -> Pass) rethrows {
    var bestRate = 0.0
    var last = Pass()
    for _ in 0..<runs {
        let start = processSeconds()
        last = try body()
        bestRate = max(bestRate, Double(last.rows) / (processSeconds() - start))
    }
    print("\(name)=\(Int(bestRate.rounded())) rows=\(last.rows) rejected=\(last.rejected) checksum=\(last.sum)")
}

do {
    if mode == nil || mode == "read" {
        try report("swift_read_and_parse_rows_per_second") {
            try readFile(path).withUnsafeBytes { try readValues($0) }
        }
    }
    if mode == nil || mode == "mapped" {
        try report("swift_mapped_and_parse_rows_per_second") {
            try withMappedFile(path) { try readValues($0) }
        }
    }
    let bytes = try readFile(path)
    if mode == nil || mode == "parse" {
        try report("swift_parse_only_rows_per_second") {
            try bytes.withUnsafeBytes { try readValues($0) }
        }
    }
    if mode == "records" {
        try report("swift_records_only_rows_per_second") {
            var pass = Pass()
            try CSVReader.forEachRecord(in: bytes) { record in
                pass.rows += 1
                pass.sum += Double(record.count)
            }
            pass.rows -= 1
            return pass
        }
    }
    if mode == nil || mode == "strings" {
        try report("swift_all_fields_as_strings_rows_per_second") { try readStrings(bytes) }
    }
} catch {
    FileHandle.standardError.write(Data("csv-benchmark: \(error)\n".utf8))
    exit(1)
}
