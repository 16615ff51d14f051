/// Reads decimal numbers from bytes under a strict grammar, correctly rounded, without allocating.
///
/// Numbers with at most 19 significant digits and a power of ten within ±27 (all but exotic
/// metric values) are computed exactly here, eight digits at a time; anything else goes to
/// `Double(String)`, which defines the right answer and which the results here always equal.
enum CSVNumber {
    /// The number spelled by the `n` bytes at `p`, or nil unless they match
    /// `[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    ///
    /// `readable` is how many bytes from `p` may be read (at least `n`): whole words are loaded
    /// where they fit in the input, and the bytes past the number are ignored.
    static func parse(_ p: UnsafePointer<UInt8>, count n: Int, readable: Int) -> Double? {
        var i = 0
        let isNegative = n > 0 && p[0] == 0x2D  // -
        if n > 0 && (p[0] == 0x2D || p[0] == 0x2B) { i = 1 }  // - +

        var significand: UInt64 = 0
        var digits = 0
        let integerStart = i
        i = readDigits(p, from: i, count: n, readable: readable, into: &significand, digits: &digits)
        guard i > integerStart else { return nil }
        var fractionDigits = 0
        if i < n && p[i] == 0x2E {  // .
            let fractionStart = i &+ 1
            i = readDigits(p, from: fractionStart, count: n, readable: readable, into: &significand, digits: &digits)
            fractionDigits = i &- fractionStart
            guard fractionDigits > 0 else { return nil }
        }
        var exponent = 0
        if i < n && (p[i] == 0x65 || p[i] == 0x45) {  // e E
            i &+= 1
            let exponentIsNegative = i < n && p[i] == 0x2D
            if i < n && (p[i] == 0x2D || p[i] == 0x2B) { i &+= 1 }
            let exponentStart = i
            while i < n, case let digit = p[i] &- 0x30, digit < 10 {
                if exponent < 100_000 { exponent = exponent &* 10 &+ Int(digit) }  // beyond any double either way
                i &+= 1
            }
            guard i > exponentStart else { return nil }
            if exponentIsNegative { exponent = -exponent }
        }
        guard i == n else { return nil }

        guard digits <= 19 else { return fallback(p, count: n) }
        if significand == 0 { return isNegative ? -0.0 : 0.0 }
        guard let magnitude = correctlyRounded(significand, timesTenToThe: exponent &- fractionDigits) else {
            return fallback(p, count: n)
        }
        return isNegative ? -magnitude : magnitude
    }

    // MARK: - Digits

    /// Appends the run of ASCII digits at `start` to `value` and returns the offset after it.
    ///
    /// `digits` counts the digits in `value` from the first word with a non-zero digit, so leading
    /// zeros mostly do not count; once the total would pass 19 (no longer sure to fit in a
    /// UInt64), `value` stops changing and `digits` stays above 19, while the scan goes on.
    @inline(__always)
    private static func readDigits(
        _ p: UnsafePointer<UInt8>,
        from start: Int,
        count n: Int,
        readable: Int,
        into value: inout UInt64,
        digits: inout Int
    ) -> Int {
        var i = start
        while true {
            var word: UInt64 = 0
            var run = 0
            if i &+ 8 <= readable {
                word = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                // Per byte, without carries: the high bit of (b & 0x7F) + 0x46 is set when b & 0x7F >= 0x3A,
                // that of (b & 0x7F) + 0x50 when b & 0x7F >= 0x30; a digit is in between, high bit clear.
                let low = word & 0x7F7F_7F7F_7F7F_7F7F
                let notDigit = ((low &+ 0x4646_4646_4646_4646) | ~(low &+ 0x5050_5050_5050_5050) | word)
                    & 0x8080_8080_8080_8080
                run = min(notDigit == 0 ? 8 : notDigit.trailingZeroBitCount &>> 3, n &- i)
            } else {
                // Too near the end of the input for a whole word.
                while run < 8 && i &+ run < n && p[i &+ run] &- 0x30 < 10 {
                    word |= UInt64(p[i &+ run]) &<< UInt64(8 &* run)
                    run &+= 1
                }
            }
            guard run > 0 else { return i }
            if digits &+ run <= 19 {
                // The digits moved to the top of the word, as if led by zeros.
                value = value &* smallPowersOfTen[run] &+ eightDigits(word &<< UInt64(64 &- 8 &* run))
                digits = value == 0 ? 0 : digits &+ run
            } else {
                digits = 20
            }
            i &+= run
            if run < 8 { return i }
        }
    }

    /// The number written by the eight ASCII digits of `word`, the first in its lowest byte.
    ///
    /// Pairs, then quadruples, then the two halves, each with one multiplication (as in simdjson).
    @inline(__always)
    private static func eightDigits(_ word: UInt64) -> UInt64 {
        var value = word & 0x0F0F_0F0F_0F0F_0F0F
        value = (value &* 2561) &>> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) &>> 16
        return ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) &>> 32
    }

    /// 10^0 ... 10^8, for appending runs of up to eight digits.
    ///
    /// Tables rather than `switch`es here and below: a switch on a digit count compiles to a jump
    /// table, and an indirect branch on something as unpredictable as a field's length costs more
    /// than the rest of the parse.
    private static let smallPowersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
    ]

    /// The standard library's reading of text already known to match the strict grammar.
    private static func fallback(_ p: UnsafePointer<UInt8>, count n: Int) -> Double? {
        Double(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }

    // MARK: - Rounding

    /// `significand` × 10^`exponent`, correctly rounded, for |`exponent`| ≤ 27; nil outside that range.
    ///
    /// Two exact methods. Clinger's: a significand of at most 53 bits and 10^0...10^22 are exact
    /// doubles, so one IEEE multiplication or division rounds once, correctly. Otherwise (the 16 to
    /// 19 digit values that printing a double produces) in integers: 10^k = 5^k × 2^k with
    /// 5^27 < 2^63, so `significand` × 5^k is exact in 128 bits and `significand` / 5^k has an
    /// exact 64-bit quotient and remainder. Those 64 bits, with a sticky bit for anything
    /// discarded, convert to the correctly rounded double, and scaling by 2^±k is exact.
    static func correctlyRounded(_ significand: UInt64, timesTenToThe exponent: Int) -> Double? {
        if significand <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let value = Double(significand)
            return exponent < 0 ? value / exactPowersOfTen[-exponent] : value * exactPowersOfTen[exponent]
        }
        guard exponent >= -27 && exponent <= 27 else { return nil }
        if exponent >= 0 {
            let (high, low) = significand.multipliedFullWidth(by: powersOfFive[exponent])
            if high == 0 { return Double(low) * powerOfTwo(exponent) }
            let highBits = 64 - high.leadingZeroBitCount
            let top = high << (64 - highBits) | low >> highBits
            let sticky: UInt64 = low << (64 - highBits) == 0 ? 0 : 1
            return Double(top | sticky) * powerOfTwo(highBits + exponent)
        } else {
            let divisor = powersOfFive[-exponent]
            // Shift the significand so the quotient has 63 or 64 bits; the high word stays below the divisor.
            let shift = 63 + (64 - divisor.leadingZeroBitCount) - (64 - significand.leadingZeroBitCount)
            let high = shift >= 64 ? significand << (shift - 64) : significand >> (64 - shift)
            let low = significand << shift
            let (quotient, remainder) = divisor.dividingFullWidth((high: high, low: low))
            let sticky: UInt64 = remainder == 0 ? 0 : 1
            return Double(quotient | sticky) * powerOfTwo(exponent - shift)
        }
    }

    /// 5^0 ... 5^27, every power of five below 2^63.
    private static let powersOfFive: [UInt64] = [
        1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625, 48828125, 244140625, 1220703125,
        6103515625, 30517578125, 152587890625, 762939453125, 3814697265625, 19073486328125, 95367431640625,
        476837158203125, 2384185791015625, 11920928955078125, 59604644775390625, 298023223876953125,
        1490116119384765625, 7450580596923828125,
    ]

    /// 2^`exponent` for the normal range, -1022 ... 1023.
    private static func powerOfTwo(_ exponent: Int) -> Double {
        Double(bitPattern: UInt64(1023 + exponent) << 52)
    }

    /// 10^0 ... 10^22, the powers of ten that a double holds exactly.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]
}
