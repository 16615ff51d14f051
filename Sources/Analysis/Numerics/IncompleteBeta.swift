import Foundation

/// The regularized incomplete beta function and the log-gamma helpers it needs.
///
/// Callers pass both `x` and `y = 1 − x` (and their logarithms) so that neither is ever formed by cancellation;
/// the Student-t distribution computes them from `t²/ν` directly.
enum IncompleteBeta {
    /// The pair `(I_x(a, b), 1 − I_x(a, b))`; the smaller-error member is summed directly and the other is its
    /// complement, which is never tiny when formed that way.
    static func pair(a: Double, b: Double, x: Double, y: Double, logX: Double, logY: Double)
        -> (lower: Double, upper: Double)
    {
        // x or y may underflow to zero while its logarithm is still finite, so test the logarithms.
        if logX == -.infinity { return (0, 1) }
        if logY == -.infinity { return (1, 0) }
        // The continued fraction converges fast below the mean-ish point (a + 1)/(a + b + 2); above it, use the
        // symmetry I_x(a, b) = 1 − I_y(b, a). The threshold is compared without forming 1 − x.
        if x * (a + b + 2) <= a + 1 {
            let value = direct(a: a, b: b, x: x, logX: logX, logY: logY)
            return (value, 1 - value)
        } else {
            let value = direct(a: b, b: a, x: y, logX: logY, logY: logX)
            return (1 - value, value)
        }
    }

    /// I_x(a, b) from its continued fraction (DLMF 8.17.22), valid and accurate for x below (a + 1)/(a + b + 2).
    private static func direct(a: Double, b: Double, x: Double, logX: Double, logY: Double) -> Double {
        let logPrefactor = a * logX + b * logY - logBeta(a, b) - log(a)
        if logPrefactor < -745.2 { return 0 }
        return exp(logPrefactor) * continuedFraction(a: a, b: b, x: x)
    }

    /// Evaluates 1/(1 + d₁/(1 + d₂/(1 + …))) by the modified Lentz method.
    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1.0 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var value = d
        for m in 1...100_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            value *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            value *= step
            if abs(step - 1) <= 2 * Double.ulpOfOne { break }
        }
        return value
    }

    // MARK: - Log-gamma helpers

    /// log B(a, b), keeping the large-argument terms from cancelling (Stirling differences).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let small = min(a, b)
        let large = max(a, b)
        if large < 10 {
            return lgamma(small) + lgamma(large) - lgamma(small + large)
        }
        return lgamma(small) - logGammaRatio(large, small)
    }

    /// log Γ(a + b) − log Γ(a) for a ≥ 10 and b ≥ 0, without subtracting two large log-gammas.
    static func logGammaRatio(_ a: Double, _ b: Double) -> Double {
        // (a + b − ½) log(a + b) − (a − ½) log a − b, rearranged so that nothing large cancels.
        let leading = (a - 0.5) * log1p(b / a) + b * log(a + b) - b
        return leading + stirlingCorrection(a + b) - stirlingCorrection(a)
    }

    /// lgamma(x) − [(x − ½) log x − x + ½ log 2π] for x ≥ 10, from the Stirling series (error below 1e-17).
    static func stirlingCorrection(_ x: Double) -> Double {
        let inverse = 1 / x
        let square = inverse * inverse
        // Coefficients B₂ₖ / (2k (2k − 1)), k = 1…8.
        let coefficients: [Double] = [
            1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360_360, 1.0 / 156, -3617.0 / 122_400,
        ]
        var sum = 0.0
        for coefficient in coefficients.reversed() {
            sum = sum * square + coefficient
        }
        return sum * inverse
    }
}
