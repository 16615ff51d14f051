/// The inner loops of the least-squares and covariance code, over raw column-major buffers.
///
/// A fit calls these a few hundred times on columns of a few dozen entries, so they avoid array bounds checks and
/// copy-on-write, and sum with four partial sums: a single running sum would wait on every addition before the next.
enum DenseKernels {
    /// Σ a[i] b[i] for i in 0..<count.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        // Wrapping index arithmetic: counts are small, and overflow checks would keep the loop from vectorizing.
        while i &+ 4 <= count {
            s0 += a[i] * b[i]
            s1 += a[i &+ 1] * b[i &+ 1]
            s2 += a[i &+ 2] * b[i &+ 2]
            s3 += a[i &+ 3] * b[i &+ 3]
            i &+= 4
        }
        while i < count {
            s0 += a[i] * b[i]
            i &+= 1
        }
        return (s0 + s1) + (s2 + s3)
    }

    /// (a·b0, a·b1) over `count` entries: one pass over a for two dot products, four running sums of two lanes.
    static func pairDot(
        _ a: UnsafePointer<Double>, _ b0: UnsafePointer<Double>, _ b1: UnsafePointer<Double>, count: Int
    ) -> (Double, Double) {
        typealias Pair = SIMD2<Double>
        let ra = UnsafeRawPointer(a), rb0 = UnsafeRawPointer(b0), rb1 = UnsafeRawPointer(b1)
        var s0 = Pair(), s1 = Pair(), t0 = Pair(), t1 = Pair()
        var i = 0
        while i &+ 4 <= count {
            let offset = i &* 8
            let x = ra.loadUnaligned(fromByteOffset: offset, as: Pair.self)
            let u = ra.loadUnaligned(fromByteOffset: offset &+ 16, as: Pair.self)
            s0 += x * rb0.loadUnaligned(fromByteOffset: offset, as: Pair.self)
            s1 += x * rb1.loadUnaligned(fromByteOffset: offset, as: Pair.self)
            t0 += u * rb0.loadUnaligned(fromByteOffset: offset &+ 16, as: Pair.self)
            t1 += u * rb1.loadUnaligned(fromByteOffset: offset &+ 16, as: Pair.self)
            i &+= 4
        }
        s0 += t0
        s1 += t1
        var r0 = s0[0] + s0[1], r1 = s1[0] + s1[1]
        while i < count {
            r0 += a[i] * b0[i]
            r1 += a[i] * b1[i]
            i &+= 1
        }
        return (r0, r1)
    }

    /// y[i] += scale · (a[i] + b[i]) for i in 0..<count, two at a time (y must overlap neither a nor b).
    static func addScaledSum(
        _ scale: Double, _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>,
        count: Int
    ) {
        let factor = SIMD2(repeating: scale)
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        let target = UnsafeMutableRawPointer(y)
        var i = 0
        while i &+ 2 <= count {
            let offset = i &* 8
            let sum = ra.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                + rb.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
            let value = target.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self) + factor * sum
            target.storeBytes(of: value, toByteOffset: offset, as: SIMD2<Double>.self)
            i &+= 2
        }
        if i < count { y[i] += scale * (a[i] + b[i]) }
    }

    /// c[i + j·cStride] = Σₜ a[t + i·aStride] b[t + j·bStride] over t < length, for i < m and j < p; with
    /// `upper`, only the entries with i ≤ j are promised (for a symmetric result the caller mirrors them).
    ///
    /// Entries come in 2 × 2 blocks: each pass over t loads two columns of a and two of b for four products, and
    /// the eight partial sums (two lanes each, two steps of t) keep the adder busy where one dot product at a time
    /// would wait on its own running sum.
    static func crossProducts(
        _ a: UnsafePointer<Double>, stride aStride: Int, _ b: UnsafePointer<Double>, stride bStride: Int,
        length: Int, m: Int, p: Int, into c: UnsafeMutablePointer<Double>, stride cStride: Int, upper: Bool
    ) {
        var j = 0
        while j < p {
            let secondJ = j &+ 1 < p
            let iEnd = upper ? min(m, j &+ 2) : m
            var i = 0
            while i < iEnd {
                let secondI = i &+ 1 < iEnd
                let a0 = a + i &* aStride
                let b0 = b + j &* bStride
                let sums = block(a0, secondI ? a0 + aStride : a0, b0, secondJ ? b0 + bStride : b0, length: length)
                let target = c + (i &+ j &* cStride)
                target[0] = sums.0
                if secondI { target[1] = sums.1 }
                if secondJ {
                    target[cStride] = sums.2
                    if secondI { target[cStride &+ 1] = sums.3 }
                }
                i &+= 2
            }
            j &+= 2
        }
    }

    /// (a0·b0, a1·b0, a0·b1, a1·b1) over `length` entries.
    @inline(__always)
    private static func block(
        _ a0: UnsafePointer<Double>, _ a1: UnsafePointer<Double>, _ b0: UnsafePointer<Double>,
        _ b1: UnsafePointer<Double>, length: Int
    ) -> (Double, Double, Double, Double) {
        typealias Pair = SIMD2<Double>
        let ra0 = UnsafeRawPointer(a0), ra1 = UnsafeRawPointer(a1)
        let rb0 = UnsafeRawPointer(b0), rb1 = UnsafeRawPointer(b1)
        var s00 = Pair(), s10 = Pair(), s01 = Pair(), s11 = Pair()
        var t00 = Pair(), t10 = Pair(), t01 = Pair(), t11 = Pair()
        var t = 0
        while t &+ 4 <= length {
            let offset = t &* 8
            let x0 = ra0.loadUnaligned(fromByteOffset: offset, as: Pair.self)
            let x1 = ra1.loadUnaligned(fromByteOffset: offset, as: Pair.self)
            let y0 = rb0.loadUnaligned(fromByteOffset: offset, as: Pair.self)
            let y1 = rb1.loadUnaligned(fromByteOffset: offset, as: Pair.self)
            s00 += x0 * y0
            s10 += x1 * y0
            s01 += x0 * y1
            s11 += x1 * y1
            let u0 = ra0.loadUnaligned(fromByteOffset: offset &+ 16, as: Pair.self)
            let u1 = ra1.loadUnaligned(fromByteOffset: offset &+ 16, as: Pair.self)
            let v0 = rb0.loadUnaligned(fromByteOffset: offset &+ 16, as: Pair.self)
            let v1 = rb1.loadUnaligned(fromByteOffset: offset &+ 16, as: Pair.self)
            t00 += u0 * v0
            t10 += u1 * v0
            t01 += u0 * v1
            t11 += u1 * v1
            t &+= 4
        }
        s00 += t00
        s10 += t10
        s01 += t01
        s11 += t11
        var r00 = s00[0] + s00[1], r10 = s10[0] + s10[1], r01 = s01[0] + s01[1], r11 = s11[0] + s11[1]
        while t < length {
            r00 += a0[t] * b0[t]
            r10 += a1[t] * b0[t]
            r01 += a0[t] * b1[t]
            r11 += a1[t] * b1[t]
            t &+= 1
        }
        return (r00, r10, r01, r11)
    }

    /// y[i] −= scale · x[i] for i in 0..<count (x and y must not overlap).
    @inline(__always)
    static func subtractScaled(_ scale: Double, _ x: UnsafePointer<Double>, from y: UnsafeMutablePointer<Double>,
                               count: Int)
    {
        for i in 0..<count { y[i] -= scale * x[i] }
    }

    /// y[i] += scale · x[i] for i in 0..<count (x and y must not overlap).
    @inline(__always)
    static func addScaled(_ scale: Double, _ x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>,
                          count: Int)
    {
        for i in 0..<count { y[i] += scale * x[i] }
    }

    /// The Euclidean norm of `count` values, without overflow or underflow of the squares.
    static func norm(_ values: UnsafePointer<Double>, count: Int) -> Double {
        // The plain sum of squares is exact enough whenever it neither overflows nor comes near the subnormal range;
        // otherwise scale by the largest magnitude (two passes and a division per value).
        let sum = dot(values, values, count: count)
        if sum.isFinite, sum >= 0x1p-900 { return sum.squareRoot() }
        var largest = 0.0
        for i in 0..<count { largest = max(largest, abs(values[i])) }
        guard largest > 0, largest.isFinite else { return largest }
        var scaled = 0.0
        for i in 0..<count { scaled += (values[i] / largest) * (values[i] / largest) }
        return largest * scaled.squareRoot()
    }
}
