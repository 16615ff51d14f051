import CSupport
#if canImport(Glibc)
import Glibc
#endif

/// SHA-256 (FIPS 180-4), for the manifest and edition fingerprints; small and dependency-free.
public enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// Which block function a digest runs; internal so the tests can check one against the other.
    enum Implementation {
        /// The CPU's SHA extensions, through CSupport's `ys_sha256_blocks`.
        case hardware
        /// The Swift `compress` below, for CPUs without them.
        case portable

        /// The hardware when this CPU has it; asked once, as the answer cannot change while the process runs.
        static let fastest: Implementation = ys_sha256_hardware() == 1 ? .hardware : .portable
    }

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        var hasher = Hasher()
        bytes.withUnsafeBufferPointer { hasher.update($0) }
        return hasher.finalize()
    }

    /// The digest of `pieces` joined, fed to the hasher a piece at a time, with the given block function.
    static func hex(pieces: [[UInt8]], using implementation: Implementation) -> String {
        precondition(implementation == .portable || Implementation.fastest == .hardware, "this CPU has no SHA extensions")
        var hasher = Hasher(implementation: implementation)
        for piece in pieces { piece.withUnsafeBufferPointer { hasher.update($0) } }
        return hasher.finalize()
    }

    /// The digest of a file's bytes, read 1 MiB at a time (a large snapshot is never held whole); nil when the
    /// file cannot be read.
    public static func hex(contentsOf path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var hasher = Hasher()
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
        defer { chunk.deallocate() }
        while true {
            let count = read(descriptor, chunk.baseAddress, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return hasher.finalize() }
            hasher.update(UnsafeBufferPointer(rebasing: chunk[..<count]))
        }
    }

    /// The running state of one digest.
    private struct Hasher {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        /// Bytes not yet making a whole block.
        var pending: [UInt8] = []
        var length: UInt64 = 0
        var implementation = Implementation.fastest

        mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard var start = bytes.baseAddress else { return }
            length &+= UInt64(bytes.count)
            var remaining = bytes.count
            if !pending.isEmpty {
                let taken = min(64 - pending.count, remaining)
                pending.append(contentsOf: UnsafeBufferPointer(start: start, count: taken))
                start += taken
                remaining -= taken
                guard pending.count == 64 else { return }
                let block = pending
                block.withUnsafeBufferPointer { blocks($0.baseAddress!, count: 1) }
                pending.removeAll(keepingCapacity: true)
            }
            blocks(start, count: remaining / 64)
            start += remaining / 64 * 64
            remaining %= 64
            pending.append(contentsOf: UnsafeBufferPointer(start: start, count: remaining))
        }

        /// Compresses `count` whole blocks starting at `start`.
        mutating func blocks(_ start: UnsafePointer<UInt8>, count: Int) {
            guard count > 0 else { return }
            if implementation == .hardware {
                withUnsafeMutablePointer(to: &h) { h in
                    h.withMemoryRebound(to: UInt32.self, capacity: 8) { ys_sha256_blocks($0, start, count) }
                }
                return
            }
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                k.withUnsafeBufferPointer { k in
                    for index in 0..<count { compress(start + index * 64, &h, w, k) }
                }
            }
        }

        mutating func finalize() -> String {
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            let bits = length &* 8
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
            tail.withUnsafeBufferPointer { blocks($0.baseAddress!, count: $0.count / 64) }
            let digits = Array("0123456789abcdef".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(64)
            for word in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
                for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xf)]) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// One 64-byte block into the state `h`; `w` is scratch space for the message schedule.
    private static func compress(_ block: UnsafePointer<UInt8>, _ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
                                 _ w: UnsafeMutableBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>) {
        for i in 0..<16 {
            let j = i * 4
            w[i] = UInt32(block[j]) << 24 | UInt32(block[j + 1]) << 16 | UInt32(block[j + 2]) << 8 | UInt32(block[j + 3])
        }
        for i in 16..<64 {
            let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = h
        for i in 0..<64 {
            let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
            let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
    }

    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { (value >> count) | (value << (32 - count)) }
}
