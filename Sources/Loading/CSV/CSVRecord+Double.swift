extension CSVRecord {
    /// Field `index` as a number, or nil unless it is exactly `[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    ///
    /// Strict on purpose: no surrounding spaces, no `.5` or `5.`, no `nan`, `inf` or hexadecimal,
    /// and the empty field is nil. The result is correctly rounded and equal to `Double(String)` on
    /// the same text; it is ±infinity when the value overflows (`1e400`), which callers must reject
    /// if they need finite numbers.
    public func double(at index: Int) -> Double? {
        let field = field(index)
        guard !field.hasEscapedQuotes else { return nil }
        return Self.parseDouble(bytes + field.start, count: field.end - field.start)
    }

    /// Checks the strict grammar, then computes the value exactly or falls back to the standard library.
    ///
    /// Up to 19 significant digits and a power of ten within ±27 (all but exotic metric values)
    /// take `correctlyRounded(_:timesTenToThe:)`; anything else goes to `Double(String)`, which is
    /// the definition of the right answer.
    static func parseDouble(_ p: UnsafePointer<UInt8>, count n: Int) -> Double? {
        var i = 0
        var isNegative = false
        if i < n && (p[i] == 0x2D || p[i] == 0x2B) {  // - +
            isNegative = p[i] == 0x2D
            i += 1
        }

        var significand: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0

        let integerStart = i
        while i < n, case let digit = p[i] &- 0x30, digit < 10 {
            if significand != 0 || digit != 0 { significantDigits += 1 }
            if significantDigits <= 19 { significand = significand &* 10 &+ UInt64(digit) }
            i += 1
        }
        guard i > integerStart else { return nil }

        if i < n && p[i] == 0x2E {  // .
            i += 1
            let fractionStart = i
            while i < n, case let digit = p[i] &- 0x30, digit < 10 {
                if significand != 0 || digit != 0 { significantDigits += 1 }
                if significantDigits <= 19 {
                    significand = significand &* 10 &+ UInt64(digit)
                    decimalExponent -= 1
                }
                i += 1
            }
            guard i > fractionStart else { return nil }
        }

        if i < n && (p[i] == 0x65 || p[i] == 0x45) {  // e E
            i += 1
            var exponentIsNegative = false
            if i < n && (p[i] == 0x2D || p[i] == 0x2B) {
                exponentIsNegative = p[i] == 0x2D
                i += 1
            }
            let exponentStart = i
            var exponent = 0
            while i < n, case let digit = p[i] &- 0x30, digit < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(digit) }
                i += 1
            }
            guard i > exponentStart else { return nil }
            decimalExponent += exponentIsNegative ? -exponent : exponent
        }
        guard i == n else { return nil }

        if significantDigits <= 19 {
            if significand == 0 { return isNegative ? -0.0 : 0.0 }
            if let magnitude = correctlyRounded(significand, timesTenToThe: decimalExponent) {
                return isNegative ? -magnitude : magnitude
            }
        }
        return Double(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
    }

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
            return exponent < 0 ? value / exactPowerOfTen(-exponent) : value * exactPowerOfTen(exponent)
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

    /// 10^`exponent` for 0...22, the powers of ten that a double holds exactly.
    private static func exactPowerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }
}
