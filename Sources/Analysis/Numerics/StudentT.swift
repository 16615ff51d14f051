import Foundation

/// Student's t distribution for any real degrees of freedom ν > 0 (non-integer ν arises from Welch's test).
///
/// Probabilities come from the regularized incomplete beta function, tail and centre each in the form that keeps
/// relative accuracy; quantiles are refined by safeguarded Halley steps. Results are NaN for NaN input, ν ≤ 0 or
/// a probability outside [0, 1]; ν = ∞ is the standard normal distribution.
public enum StudentT {
    /// The density of Student's t at x.
    public static func density(_ x: Double, df: Double) -> Double {
        guard df > 0, !x.isNaN else { return .nan }
        if df.isInfinite { return Normal.density(x) }
        return exp(logDensity(abs(x), df: df))
    }

    /// P(T ≤ x).
    public static func cdf(_ x: Double, df: Double) -> Double {
        guard df > 0, !x.isNaN else { return .nan }
        if df.isInfinite { return Normal.cdf(x) }
        let split = tailAndCentre(abs(x), df: df)
        return x < 0 ? split.tail : 0.5 + split.centre
    }

    /// P(T > x), the survival function.
    public static func survival(_ x: Double, df: Double) -> Double {
        cdf(-x, df: df)
    }

    /// P(|T| ≥ |t|), the two-sided p-value of a t statistic.
    public static func twoSidedP(_ t: Double, df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if df.isInfinite { return 2 * Normal.survival(abs(t)) }
        return 2 * tailAndCentre(abs(t), df: df).tail
    }

    /// The x with P(T ≤ x) = p; −∞ at 0, +∞ at 1.
    public static func quantile(_ p: Double, df: Double) -> Double {
        guard df > 0, p >= 0, p <= 1 else { return .nan }
        if df.isInfinite { return Normal.quantile(p) }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        // Solve for the upper-tail probability q < ½; 1 − p is exact for p ≥ ½.
        let q = p < 0.5 ? p : 1 - p
        let magnitude = QuantileCache.studentT.value(q, degreesOfFreedom: df) { upperQuantile(q, df: df) }
        return p < 0.5 ? -magnitude : magnitude
    }

    // MARK: - Probabilities

    /// Above this many degrees of freedom probabilities come from Hill's normalizing transformation, whose error
    /// there is below 1e-13 while the continued fraction would need ever more terms.
    static let largeDegreesOfFreedom = 1e5

    /// For s ≥ 0: tail = P(T > s) and centre = P(0 < T < s), each with full relative accuracy.
    static func tailAndCentre(_ s: Double, df: Double) -> (tail: Double, centre: Double) {
        if s == 0 { return (0.5, 0) }
        if s.isInfinite { return (0, 0.5) }
        if df >= largeDegreesOfFreedom {
            let z = hillNormalDeviate(s, df: df)
            return (Normal.survival(z), 0.5 * erf(z / 2.0.squareRoot()))
        }
        // With w = s²/ν: P(T > s) = ½ I_x(ν/2, ½) and P(0 < T < s) = ½ I_y(½, ν/2), x = 1/(1 + w), y = w/(1 + w).
        // The logarithms are multiplied by ν/2, so the rounding of w is carried along and corrected for.
        let x: Double, y: Double, logX: Double, logY: Double
        let square = s * s
        let squareError = square.isFinite ? (-square).addingProduct(s, s) : 0
        if square <= df {
            let w = square / df
            let dw = (square.addingProduct(-w, df) + squareError) / df
            let log1pW = log1p(w) + dw / (1 + w)
            x = 1 / (1 + w)
            y = w / (1 + w)
            logX = -log1pW
            logY = log(w) + dw / w - log1pW
        } else {
            // v = ν/s² ≤ 1, the reciprocal of w.
            let v: Double, logV: Double, dv: Double
            if square.isFinite {
                v = df / square
                dv = (df.addingProduct(-v, square) - v * squareError) / square
                logV = log(v) + dv / v
            } else {
                let u = df.squareRoot() / s
                v = u * u
                dv = 0
                logV = 2 * log(u)
            }
            let log1pV = log1p(v) + dv / (1 + v)
            x = v / (1 + v)
            y = 1 / (1 + v)
            logX = logV - log1pV
            logY = -log1pV
        }
        let values = IncompleteBeta.pair(a: df / 2, b: 0.5, x: x, y: y, logX: logX, logY: logY)
        return (0.5 * values.lower, 0.5 * values.upper)
    }

    /// The normal deviate z with P(Z > z) ≈ P(T > s) for large ν (Hill 1970, ACM Algorithm 395).
    private static func hillNormalDeviate(_ s: Double, df: Double) -> Double {
        let a = df - 0.5
        let b = 48 * a * a
        var z = (a * logKernel(s, df: df)).squareRoot()
        let z2 = z * z
        z += z * (z2 + 3) / b - z * (((4 * z2 + 33) * z2 + 240) * z2 + 855) / (10 * b * (b + 0.8 * z2 * z2 + 100))
        return z
    }

    /// log(1 + s²/ν), formed without overflow for huge s.
    private static func logKernel(_ s: Double, df: Double) -> Double {
        let root = df.squareRoot()
        return s <= root
            ? log1p((s / root) * (s / root))
            : 2 * log(s / root) + log1p((root / s) * (root / s))
    }

    /// log of the density at s ≥ 0.
    static func logDensity(_ s: Double, df: Double) -> Double {
        -0.5 * (df + 1) * logKernel(s, df: df) - 0.5 * log(df) - IncompleteBeta.logBeta(df / 2, 0.5)
    }

    // MARK: - Quantile

    /// The s > 0 with P(T > s) = q for 0 < q < ½; +∞ when s exceeds the largest Double.
    private static func upperQuantile(_ q: Double, df: Double) -> Double {
        if tailAndCentre(.greatestFiniteMagnitude, df: df).tail > q { return .infinity }
        // Near the centre solve P(0 < T < s) = ½ − q (exact for q ≥ ¼); in the tail solve log P(T > s) = log q,
        // which stays well scaled when the density underflows. Both g(s) below increase with s.
        let centred = q > 0.25
        let centralTarget = 0.5 - q
        let logQ = log(q)
        var s = initialGuess(q, df: df)
        var low = 0.0
        var high = Double.infinity
        for _ in 0..<200 {
            let split = tailAndCentre(s, df: df)
            let logF = logDensity(s, df: df)
            // d log f/ds, and Halley's g/g′ and g″/g′.
            let score = -(df + 1) * s / (df + s * s)
            let value: Double, ratio: Double, curvature: Double
            if centred {
                value = split.centre - centralTarget
                ratio = value * exp(-logF)
                curvature = score
            } else {
                let logTail = log(split.tail)
                let tailOverDensity = exp(logTail - logF)
                value = logQ - logTail
                ratio = value * tailOverDensity
                curvature = score + 1 / tailOverDensity
            }
            if value == 0 { return s }
            if value < 0 { low = max(low, s) } else { high = min(high, s) }
            let denominator = 1 - 0.5 * ratio * curvature
            var next = s - (denominator > 0 ? ratio / denominator : ratio)
            if !(next > low && next < high) {
                // Safeguard: bisect the bracket, geometrically when it spans orders of magnitude.
                if high.isInfinite {
                    next = 2 * max(s, 1)
                } else if low > 0, high / low > 4 {
                    next = (low * high).squareRoot()
                } else {
                    next = 0.5 * (low + high)
                }
            }
            if abs(next - s) <= 2 * Double.ulpOfOne * next { return next }
            if high.isFinite, high - low <= 2 * Double.ulpOfOne * high { return next }
            s = next
        }
        return s
    }

    /// A starting point for s: the power-law tail when q is small for ν, otherwise a Cornish–Fisher expansion.
    private static func initialGuess(_ q: Double, df: Double) -> Double {
        // Far tail: P(T > s) ≈ ν^{ν/2 − 1} s^{−ν} / B(ν/2, ½).
        let logTail = (log(q) + log(df) + IncompleteBeta.logBeta(df / 2, 0.5)) / df
        let tailGuess = df.squareRoot() * exp(-logTail)
        // Cornish–Fisher around the normal quantile.
        let z = -Normal.quantile(q)
        let z2 = z * z
        var cornish = z + z * (z2 + 1) / (4 * df)
        cornish += z * ((5 * z2 + 16) * z2 + 3) / (96 * df * df)
        cornish += z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / (384 * df * df * df)
        // Pick the guess whose tail probability lands closer to q (on a log scale).
        func miss(_ s: Double) -> Double {
            guard s > 0, s.isFinite else { return .infinity }
            let tail = tailAndCentre(s, df: df).tail
            return tail > 0 ? abs(log(tail) - log(q)) : .infinity
        }
        let best = [tailGuess, cornish, z].min { miss($0) < miss($1) } ?? 1
        return best > 0 && best.isFinite ? best : 1
    }
}
