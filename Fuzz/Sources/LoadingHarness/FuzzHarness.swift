import Foundation
import Model

/// The fuzz targets: each runs one loader on arbitrary bytes and checks the loader's contract on the result.
///
/// Not crashing is the least of it: every entry point also checks the promises the loaders make to
/// their callers (positions that exist, records that lie inside the input, only finite numbers and
/// valid ids in what is accepted) and traps when one is broken, which libFuzzer reports as a crash.
public enum FuzzHarness {
    /// Findings already reported and written to `Fuzz/crashes/`, named by `FUZZ_TOLERATE` (comma-separated).
    ///
    /// A tolerated finding's check is skipped so a long run can look for other bugs instead of
    /// stopping at the same one; without the variable every check is strict, which is how the
    /// reproducers in `Fuzz/crashes/` are replayed.
    static let tolerated: Set<String> = Set(
        (ProcessInfo.processInfo.environment["FUZZ_TOLERATE"] ?? "").split(separator: ",").map(String.init))

    /// Whether the check for the known finding `name` is switched off for this run.
    static func tolerates(_ name: String) -> Bool { tolerated.contains(name) }

    /// Stops the run with a message libFuzzer shows beside the crashing input.
    static func violation(_ message: String) -> Never {
        fatalError("loader contract violated: \(message)")
    }

    /// Traps unless `condition` holds; `message` is only built on failure.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { violation(message()) }
    }

    /// The input as an array, the form the loaders take.
    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
